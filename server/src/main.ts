// Node entry: read env, open the database, migrate, seed, serve, print where everything is.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { createWorkspaceStore } from './auth/workspaces';
import { loadConfig } from './config';
import { migrate, openDatabase, readMigrations, takingTurns, writeTurnsOf } from './db';
import { createIngestWriter, createLocalCommit, createWorkerWriter } from './ingest';
import { printBanner } from './banner';
import { ensureFirstOwner } from './team/first-owner';
import { consoleLogger } from './http/logger';
import { seedFlows } from './flows/seed';
import { createFlowStore } from './flows/store';
import { leaseOwner } from './db/lease-owner';
import { createRebuildStore, runRebuilds } from './rollups/rebuild';
import { DEMO_FLOWS } from './web/demo-flows';
import { DEMO_SETTINGS } from './web/demo-settings';
import { seedSettings } from './settings/seed';
import { createBackgroundJobs } from './jobs';
import { createScoreSnapshots, createWorkerScorer, scoreAllIn, scoreAndStoreIn } from './accounts';

// src/main.ts and the bundled dist/main.js both sit two levels below the repository root.
const root = fileURLToPath(new URL('../../', import.meta.url));
const SHUTDOWN_MS = 9_000;

const config = loadConfig();
// An embedded file is written from a worker thread (see ingest/commit-worker.ts); a remote
// libSQL server already does its work elsewhere, and :memory: cannot be shared with a worker.
const onFile = config.databaseUrl.startsWith('file:');
// The commit thread lets this thread's writes and the scoring thread's in between two commits.
const turns = writeTurnsOf();
const opened = await openDatabase(config.databaseUrl, config.databaseAuthToken);
const db = onFile ? takingTurns(opened, turns) : opened;
await migrate(db, readMigrations(join(root, 'server/src/db/migrations')));
const workspaces = createWorkspaceStore(db);
const workspace = await workspaces.ensureDefault({ writeKey: config.writeKey, secretKey: config.secretKey });
const signIn = await ensureFirstOwner(db, workspace.id, { email: config.adminEmail, password: config.adminPassword });
const writer = onFile
  ? createWorkerWriter(join(root, 'server/dist/commit-worker.js'), config.databaseUrl, turns.buffer)
  : { ...createIngestWriter({ commit: createLocalCommit(db) }), close: async () => {} };
// Scoring every account takes seconds at a million users: on the embedded file, a worker does it.
// One set of snapshots for the routes and the jobs, so a listing waits for the job's scoring rather than scoring again.
const scorer = onFile
  ? createWorkerScorer(join(root, 'server/dist/score-worker.js'), config.databaseUrl, turns.buffer)
  : { scoreAll: scoreAllIn(db), scoreAndStore: scoreAndStoreIn(db), close: async () => {} };
const accountScores = createScoreSnapshots(db, scorer.scoreAndStore, Date.now);
const seeded = await seedFlows(createFlowStore(db), workspace.id, DEMO_FLOWS);
if (seeded.length > 0) consoleLogger.info(`first run: published the demo flows ${seeded.join(', ')}`);
if (await seedSettings(db, workspace.id, DEMO_SETTINGS, Date.now())) consoleLogger.info('first run: value event "Report Created", activation = a project and a teammate in 7 days (change them in Settings)');

// Rebuilds after a settings change (or an upgrade) run here, on whichever server holds the lease.
const rebuilds = createRebuildStore(db, leaseOwner());
const rebuildRunner = runRebuilds(rebuilds, (error) => consoleLogger.error('rebuild of derived user columns failed', error));

let ready = false;
const app = createApp({
  db,
  workspaces,
  writer,
  writeKey: () => workspace.writeKey,
  paths: { sdkDir: join(root, 'sdk/dist'), demoDir: join(root, 'server/src/web/demo'), dashboardDir: join(root, 'dashboard/dist') },
  ingestRateLimit: config.ingestRateLimit,
  isReady: () => ready,
  logger: consoleLogger,
  rebuilds,
  onRebuild: rebuildRunner.kick,
  accountScoring: { scoreAll: scorer.scoreAll, snapshots: accountScores },
});

// Dormancy sweep and webhook delivery; leases in the database keep several servers from colliding.
const jobs = createBackgroundJobs({
  db,
  logger: consoleLogger,
  intervalMs: config.jobIntervalMs,
  webhookTimeoutMs: config.webhookTimeoutMs,
  webhookMaxAttempts: config.webhookMaxAttempts,
  accountScores,
});
jobs.start();

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  ready = true;
  printBanner({ config, port: info.port, workspace, signIn });
});

// Stop taking requests, let those in flight finish (acknowledged = stored), then exit.
async function shutdown(signal: string) {
  if (!ready) process.exit(0);
  ready = false;
  consoleLogger.info(`${signal}: finishing requests in flight, then exiting`);
  setTimeout(() => process.exit(1), SHUTDOWN_MS).unref();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
  await jobs.stop(3_000);
  await writer.flush();
  await rebuildRunner.stop();
  await writer.close();
  await scorer.close();
  db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
