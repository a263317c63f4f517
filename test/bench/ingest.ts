// pnpm bench:ingest — ingest throughput and latency over loopback, beside libSQL's raw insert rate.
// 50 connections each POST batches of 50 events for a bounded time; then the same rows go straight
// into a fresh database by libSQL's fastest bulk path, in the same run, and the two are compared.
// A third figure, the server's commit path alone, shows how much of the gap is HTTP and how much
// the rollups stored in the same transaction.
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'libsql';
import { startBenchServer } from './server';
import { createEvents, percentile } from './events';
import { rowBlock } from '../../server/src/ingest/store';
import { validateMessages } from '../../server/src/ingest/validate';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 10), 60);
const WARMUP_SECONDS = 1;

function post(agent: Agent, url: URL, body: string, auth: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: auth, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function measureIngest(): Promise<{ events: number; seconds: number; latencies: number[] }> {
  const server = await startBenchServer();
  try {
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const url = new URL('/v1/batch', server.url);
    const auth = `Bearer ${server.writeKey}`;
    const latencies: number[] = [];
    let events = 0;
    let sequence = 0;
    let warm = 0;
    // The first second warms connections and the JIT; it is stored but not timed.
    const started = performance.now() + WARMUP_SECONDS * 1000;
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, connection) => {
        while (performance.now() < deadline) {
          const body = JSON.stringify({ batch: createEvents(BATCH, connection, sequence++) });
          const t0 = performance.now();
          await post(agent, url, body, auth);
          if (t0 < started) {
            warm += BATCH;
            continue;
          }
          latencies.push(performance.now() - t0);
          events += BATCH;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    const stored = await server.count();
    if (stored !== events + warm) {
      throw new Error(`stored ${stored} events but ${events + warm} were acknowledged`);
    }
    return { events, seconds, latencies };
  } finally {
    await server.stop();
  }
}

/**
 * The same rows, the same schema, no HTTP, no validation, no rollups, by libSQL's fastest bulk path
 * from Node: the engine's own binding (not @libsql/client, which prepares every statement of every
 * batch again), one prepared 500-row INSERT reused, its parameters as one array, 5,000 rows a
 * transaction. It ran ~2x the rate of @libsql/client batches of the same statements.
 */
async function measureRaw(count: number): Promise<number> {
  const server = await startBenchServer({ migrateOnly: true });
  const db = new Database(server.databaseUrl.slice('file:'.length));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  const rows = Array.from({ length: Math.ceil(count / BATCH) }, (_, i) => createEvents(BATCH, 999, i)).flat();
  const columns = '(workspace_id, message_id, type, event, user_id, anonymous_id, timestamp, received_at, properties, context)';
  const perInsert = 500;
  const insert = db.prepare(`INSERT INTO events ${columns} VALUES ${Array.from({ length: perInsert }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
  // The parameters are built before the clock starts: the server builds its rows on another thread.
  const inserts = Array.from({ length: Math.floor(rows.length / perInsert) }, (_, k) =>
    rows.slice(k * perInsert, (k + 1) * perInsert).flatMap((e) => [1, e.messageId, e.type, e.event, e.userId, e.anonymousId, Date.parse(e.timestamp), Date.now(), JSON.stringify(e.properties), JSON.stringify(e.context)]),
  );
  const perTransaction = 5000 / perInsert;
  const started = performance.now();
  for (let k = 0; k < inserts.length; k += perTransaction) {
    db.exec('BEGIN');
    for (const params of inserts.slice(k, k + perTransaction)) insert.run(params);
    db.exec('COMMIT');
  }
  const seconds = (performance.now() - started) / 1000;
  const stored = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  db.close();
  await server.stop();
  return stored / seconds;
}

const COMMIT_WORKER = fileURLToPath(new URL('../../server/dist/commit-worker.js', import.meta.url));

/**
 * The same rows through the server's own commit worker (group commit, the events and every rollup
 * in one transaction), fed as the HTTP thread feeds it (one block of 50 a request, 50 in flight),
 * with no HTTP, parsing or validation: the ceiling of the ingest rate on this schema.
 */
async function measureCommitPath(count: number): Promise<number> {
  const server = await startBenchServer({ migrateOnly: true });
  const worker = new Worker(COMMIT_WORKER, { workerData: { databaseUrl: server.databaseUrl } });
  // Validated and laid out by the server's own code, before the clock starts.
  const blocks = Array.from({ length: Math.ceil(count / BATCH) }, (_, i) =>
    rowBlock(1, validateMessages(createEvents(BATCH, 998, i), Date.now(), false).rows));
  const replies = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  worker.on('message', (reply: { id: number; error?: string }) => {
    const waiting = replies.get(reply.id);
    if (reply.error === undefined) waiting?.resolve();
    else waiting?.reject(new Error(`commit worker: ${reply.error}`));
  });
  const write = (id: number) =>
    new Promise<void>((resolve, reject) => {
      replies.set(id, { resolve, reject });
      worker.postMessage({ id, block: blocks[id] });
    });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < blocks.length) await write(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await worker.terminate();
  const stored = await server.count();
  await server.stop();
  if (stored !== blocks.length * BATCH) throw new Error(`commit path: stored ${stored} of ${blocks.length * BATCH} events`);
  return (blocks.length * BATCH) / seconds;
}

const ingest = await measureIngest();
const ingestRate = ingest.events / ingest.seconds;
const rawRate = await measureRaw(Math.min(ingest.events, 400_000));
const commitRate = await measureCommitPath(Math.min(ingest.events, 400_000));
const sorted = [...ingest.latencies].sort((a, b) => a - b);
const f = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`
ingest: ${CONNECTIONS} connections × batches of ${BATCH} for ${ingest.seconds.toFixed(1)} s over loopback
  events stored       ${f(ingest.events)} (every acknowledged event counted in the database)
  ingest rate         ${f(ingestRate)} events/s
  latency p50 / p99   ${percentile(sorted, 0.5).toFixed(1)} ms / ${percentile(sorted, 0.99).toFixed(1)} ms
  raw libSQL insert   ${f(rawRate)} rows/s (same rows and schema, a prepared 500-row INSERT, 5,000 rows a transaction)
  ingest / raw        ${(ingestRate / rawRate * 100).toFixed(0)} %   (target ≥ 50 %, p99 ≤ 100 ms)
  commit path alone   ${f(commitRate)} events/s, ${(commitRate / rawRate * 100).toFixed(0)} % of raw (the server's commit worker: events and rollups, no HTTP)
`);
