import Database from 'libsql';
import { startBenchServer } from '../../test/bench/server';
import { createEvents } from '../../test/bench/events';
import { validateMessages } from './ingest/validate';
import { ingestStatements } from './ingest/store';

const server = await startBenchServer({ migrateOnly: true });
const path = server.databaseUrl.slice('file:'.length);
const db = new Database(path);
db.exec('PRAGMA journal_mode = WAL'); db.exec('PRAGMA synchronous = NORMAL'); db.exec('PRAGMA cache_size = -131072'); db.exec('PRAGMA mmap_size = 8589934592');
if (process.env.PRE) db.exec(process.env.PRE);
const ws = db.prepare('SELECT id FROM workspaces LIMIT 1').get() as { id: number };
const cache = new Map<string, any>(); const prep = (q: string) => { let x = cache.get(q); if (!x) cache.set(q, x = db.prepare(q)); return x; };
const times = new Map<number, number>();
const sqls: string[] = [];
const COMMITS = Number(process.env.COMMITS ?? 60);
const PER = 5000;
let total = 0;
for (let c = 0; c < COMMITS; c++) {
  const raw = Array.from({ length: PER / 50 }, (_, i) => createEvents(50, c % 50, c * 100 + i)).flat();
  const { rows } = validateMessages(raw, Date.now(), false);
  const plan = ingestStatements([rows.map((row) => ({ workspaceId: ws.id, row }))]);
  const t0 = performance.now();
  db.exec('BEGIN IMMEDIATE');
  plan.statements.forEach((s, i) => {
    const { sql, args } = typeof s === 'string' ? { sql: s, args: [] } : (s as { sql: string; args: unknown[] });
    const key = i < plan.groupOf.length ? (i === 0 ? 0 : 1) : i - plan.groupOf.length + 2;
    sqls[key] = sql.slice(0, 60).replace(/\s+/g, ' ');
    const t = performance.now();
    prep(sql).run(...args);
    if (c >= 10) times.set(key, (times.get(key) ?? 0) + performance.now() - t);
  });
  const tc = performance.now(); db.exec('COMMIT'); if (c >= 10) times.set(99, (times.get(99) ?? 0) + performance.now() - tc); sqls[99] = 'COMMIT';
  if (c >= 10) total += performance.now() - t0;
  if (c < 12 && process.env.FIRST) console.log('commit', c, (performance.now() - t0).toFixed(1));
}
const n = COMMITS - 10;
for (const [k, t] of [...times].sort((a, b) => b[1] - a[1])) console.log((t / n).toFixed(2).padStart(8), 'ms', sqls[k]);
console.log('total per 5000:', (total / n).toFixed(1), 'ms =>', Math.round(PER / (total / n) * 1000), 'events/s');
await server.stop?.();
{
  const last = (db.prepare('SELECT max(id) AS m FROM events').get() as { m: number }).m;
  db.prepare('UPDATE ingest_cursor SET last_event_id = ?').run(last - 5000);
  for (const sql of [
    "SELECT count(*) FROM events WHERE id > (SELECT last_event_id FROM ingest_cursor)",
    "SELECT count(*) FROM events WHERE id > (SELECT last_event_id FROM ingest_cursor) AND type = 'track'",
    "SELECT count(*) FROM (SELECT DISTINCT workspace_id, coalesce(user_id, anonymous_id) FROM events WHERE id > (SELECT last_event_id FROM ingest_cursor))",
    "SELECT count(*) FROM (SELECT DISTINCT workspace_id, user_id, event, timestamp/86400000 FROM events WHERE id > (SELECT last_event_id FROM ingest_cursor))",
    "SELECT count(*) FROM (SELECT json_extract(properties, '$.flowId') FROM events WHERE id > (SELECT last_event_id FROM ingest_cursor))",
  ]) {
    const st = db.prepare(sql); st.get();
    const t = performance.now(); for (let i = 0; i < 20; i++) st.get();
    console.log(((performance.now() - t) / 20).toFixed(2), 'ms', sql.slice(0, 120), st.get());
  }
}
{
  const { statSync } = await import('node:fs');
  console.log('wal pages', statSync(path + '-wal').size / 4096, 'page_size', db.prepare('PRAGMA page_size').get());
  const pages = db.prepare("SELECT name, count(*) AS pages FROM dbstat GROUP BY name ORDER BY 2 DESC").all();
  console.log(pages.slice(0, 14));
}
