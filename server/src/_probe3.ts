import Database from 'libsql';
import { cpSync, rmSync, mkdirSync } from 'node:fs';
import { createDataset } from '../../test/bench/metrics-data';
import { validateMessages } from './ingest/validate';
import { ingestStatements } from './ingest/store';

rmSync('/tmp/probe-run', { recursive: true, force: true }); mkdirSync('/tmp/probe-run');
for (const f of ['onward.db']) cpSync(`/tmp/probe-db/${f}`, `/tmp/probe-run/${f}`);
const db = new Database('/tmp/probe-run/onward.db');
for (const p of ['journal_mode = WAL', 'synchronous = NORMAL', 'cache_size = -1048576', 'mmap_size = 8589934592', 'wal_autocheckpoint = 0']) db.exec(`PRAGMA ${p}`);
if (process.env.PRE) db.exec(process.env.PRE);
db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
const ws = (db.prepare('SELECT id FROM workspaces LIMIT 1').get() as { id: number }).id;
const today = new Date();
const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
const ds = createDataset({ users: 1_000_000, events: 20_000_000, days: 180, seed: 42, end });
const SKIP = Number(process.env.SKIP ?? 2_000_000);
for (let n = 0; n < SKIP; n += 10000) ds.nextBatch(10000);
const cache = new Map<string, any>(); const prep = (q: string) => { let x = cache.get(q); if (!x) cache.set(q, (x = db.prepare(q))); return x; };
const times = new Map<string, number>();
const PER = Number(process.env.PER ?? 5000);
const COMMITS = Number(process.env.COMMITS ?? 30);
let total = 0;
for (let c = 0; c < COMMITS; c++) {
  const raw = ds.nextBatch(PER)!;
  const { rows } = validateMessages(raw, Date.now(), false);
  const plan = ingestStatements([rows.map((row) => ({ workspaceId: ws, row }))]);
  const t0 = performance.now();
  db.exec('BEGIN IMMEDIATE');
  plan.statements.forEach((s, i) => {
    const { sql, args } = typeof s === 'string' ? { sql: s, args: [] } : (s as { sql: string; args: unknown[] });
    const key = i < plan.groupOf.length ? (i === 0 ? 'cursor' : 'insert events') : sql.trim().slice(0, 70).replace(/\s+/g, ' ');
    const t = performance.now();
    prep(sql).run(...args);
    if (c >= 3) times.set(key, (times.get(key) ?? 0) + performance.now() - t);
  });
  const tc = performance.now();
  db.exec('COMMIT');
  if (process.env.WALSZ) { const { statSync } = await import('node:fs'); console.log('wal MB', (statSync('/tmp/probe-run/onward.db-wal').size / 1e6).toFixed(1)); }
  if (c >= 3) { times.set('COMMIT', (times.get('COMMIT') ?? 0) + performance.now() - tc); total += performance.now() - t0; }
}
const n = COMMITS - 3;
for (const [k, t] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log((t / n).toFixed(2).padStart(8), 'ms', k);
console.log('total per', PER, (total / n).toFixed(1), 'ms =>', Math.round(PER / (total / n) * 1000), 'events/s');
