// createApp(deps): every domain's routes, CORS and the one error handler. No ports, no env:
// tests call app.request() against a :memory: database.
import { Hono } from 'hono';
import { accountRoutes, type AccountScoring } from './accounts';
import type { WorkspaceStore } from './auth/workspaces';
import { catalogRoutes } from './catalog/routes';
import type { Database } from './db';
import { deliveryRoutes } from './delivery/routes';
import { createPublishedFlows } from './flows/published';
import { flowRoutes } from './flows/routes';
import { createFlowStore } from './flows/store';
import { adminAuth } from './team/admin-auth';
import { cors } from './http/cors';
import { createErrorHandler, notFoundHandler, type Logger } from './http/on-error';
import { createRateLimiter } from './http/rate-limit';
import { ingestRoutes } from './ingest';
import type { IngestWriter } from './ingest/writer';
import { metricsRoutes } from './metrics/routes';
import { openApiRoutes } from './openapi/routes';
import { createRebuildStore, type RebuildStore } from './rollups/rebuild';
import { settingsRoutes } from './settings/routes';
import { createSettingsStore } from './settings/store';
import { recentEventsRoutes } from './team/recent-events';
import { teamRoutes } from './team/routes';
import { sessionRoutes } from './team/session-routes';
import type { ScryptParams } from './team/password';
import { createSessionStore } from './team/sessions';
import { userRoutes } from './users/routes';
import { createFileReader } from './web/static-file';
import { webRoutes } from './web/routes';
import { webhookRoutes } from './webhooks';

export type AppDeps = {
  db: Database;
  workspaces: WorkspaceStore;
  writer: IngestWriter;
  /** The default workspace's write key, filled into the demo app. */
  writeKey: () => string;
  /** `dashboardDir` is dashboard/dist; without it (or without a build) `/` says how to build it. */
  paths: { sdkDir: string; demoDir: string; dashboardDir?: string };
  ingestRateLimit: number;
  isReady: () => boolean;
  logger: Logger;
  now?: () => number;
  /** Rebuilds of derived user columns; a test steps them by hand, main.ts runs them in the background. */
  rebuilds?: RebuildStore;
  onRebuild?: () => void;
  /** Scoring of every account and its snapshots (accounts/); main.ts runs it on a worker thread. In-process by default. */
  accountScoring?: AccountScoring;
  /** scrypt cost of new password hashes (team/password.ts); tests pass cheaper ones. */
  passwordParams?: ScryptParams;
};

export function createApp(deps: AppDeps) {
  const now = deps.now ?? Date.now;
  const readFile = createFileReader();
  const settings = createSettingsStore(deps.db, now);
  const flows = createFlowStore(deps.db, now);
  const published = createPublishedFlows(flows, now);
  const rebuilds = deps.rebuilds ?? createRebuildStore(deps.db, 'app', now);
  const app = new Hono();

  // Browsers on the vendor's origin call ingestion and bootstrap directly.
  app.use('/v1/*', cors);

  app.route(
    '/v1',
    ingestRoutes({ workspaces: deps.workspaces, writer: deps.writer, settings, rateLimiter: createRateLimiter(deps.ingestRateLimit, now), now }),
  );
  // The secret key or a dashboard session (cookie + X-CSRF-Token); see team/admin-auth.ts.
  const sessions = createSessionStore(deps.db, now);
  const admin = adminAuth(deps.workspaces, sessions, now);
  const team = { db: deps.db, sessions, now, ...(deps.passwordParams === undefined ? {} : { passwordParams: deps.passwordParams }) };
  app.route('/v1/session', sessionRoutes(team));
  for (const path of ['/v1/team', '/v1/team/*', '/v1/webhooks', '/v1/webhooks/*', '/v1/events/recent']) app.use(path, admin);
  app.route('/v1', teamRoutes(team));
  app.route('/v1/events', recentEventsRoutes(deps.db));
  app.use('/v1/flows/*', admin);
  app.use('/v1/flows', admin);
  app.use('/v1/settings', admin);
  app.use('/v1/metrics/*', admin);
  app.route('/v1/flows', flowRoutes(flows, published, { db: deps.db, settings, now }));
  app.route('/v1/settings', settingsRoutes(settings, rebuilds, deps.onRebuild ?? (() => {})));
  app.route('/v1/webhooks', webhookRoutes({ db: deps.db, workspaces: deps.workspaces, now }));
  app.route('/v1/metrics', metricsRoutes({ db: deps.db, settings, rebuilds, now }));
  app.use('/v1/events/names', admin);
  app.route('/v1/events', catalogRoutes(deps.db));
  // Accounts, users and their CSV exports (admin): each path and its `.csv` twin.
  for (const path of ['/v1/accounts', '/v1/accounts/*', '/v1/accounts.csv', '/v1/users', '/v1/users/*', '/v1/users.csv']) app.use(path, admin);
  app.route('/v1', accountRoutes({ db: deps.db, settings, now, logger: deps.logger, ...(deps.accountScoring === undefined ? {} : { scoring: deps.accountScoring }) }));
  app.route('/v1', userRoutes({ db: deps.db, settings, now, logger: deps.logger }));
  app.route('/', deliveryRoutes({ sdkDir: deps.paths.sdkDir, readFile, db: deps.db, workspaces: deps.workspaces, settings, flows, published, now }));
  app.route('/', openApiRoutes(() => app.routes));
  app.route('/', webRoutes({ demoDir: deps.paths.demoDir, dashboardDir: deps.paths.dashboardDir, readFile, isReady: deps.isReady, writeKey: deps.writeKey }));

  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(deps.logger));
  return app;
}
