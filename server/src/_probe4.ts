import Database from 'libsql';
import { cpSync, rmSync, mkdirSync, statSync } from 'node:fs';
import { createDataset } from '../../test/bench/metrics-data';
import { validateMessages } from './ingest/validate';
import { ingestStatements } from './ingest/store';

rmSync('/tmp/probe-run', { recursive: true, force: true }); mkdirSync('/tmp/probe-run');
for (const f of ['onward.db', 'onward.db-wal']) cpSync(`/tmp/probe-db/${f}`, `/tmp/probe-run/${f}`);
const db = new Database('/tmp/probe-run/onward.db');
for (const p of ['journal_mode = WAL', 'synchronous = NORMAL', 'cache_size = -131072', 'mmap_size = 8589934592', 'wal_autocheckpoint = 0']) db.exec(`PRAGMA ${p}`);
db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
const ws = (db.prepare('SELECT id FROM workspaces LIMIT 1').get() as { id: number }).id;
const today = new Date();
const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
const ds = createDataset({ users: 1_000_000, events: 20_000_000, days: 180, seed: 42, end });
for (let n = 0; n < 2_200_000; n += 10000) ds.nextBatch(10000);
const wal = () => statSync('/tmp/probe-run/onward.db-wal').size / 4120;
const raw = ds.nextBatch(5000)!;
const { rows } = validateMessages(raw, Date.now(), false);
const plan = ingestStatements([rows.map((row) => ({ workspaceId: ws, row }))]);
const n0 = plan.groupOf.length;
const run = (indexes: number[]) => {
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.exec('BEGIN IMMEDIATE');
  for (const i of indexes) { const s = plan.statements[i]!; const { sql, args } = typeof s === 'string' ? { sql: s, args: [] } : (s as any); db.prepare(sql).run(...(args ?? [])); }
  db.exec('COMMIT');
  const pages = wal();
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return pages;
};
// Roll back each trial: measure in a savepoint-free way by re-copying is slow; instead commit then delete? Use ROLLBACK-less: measure pages of a committed txn then restore via a fresh copy per trial is too slow — use separate DB copies lazily.
const base = [...Array(n0).keys()];
console.log('insert only', run(base).toFixed(0));
for (let i = n0; i < plan.statements.length; i++) {
  // the rows exist now; re-point the cursor so the rollup sees this batch as new again
  db.exec(`UPDATE ingest_cursor SET last_event_id = (SELECT max(id) FROM events) - ${rows.length}`);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.exec('BEGIN IMMEDIATE');
  const s = plan.statements[i] as string;
  db.prepare(s).run();
  db.exec('ROLLBACK');
  // ROLLBACK writes nothing; so measure with a commit on a savepoint copy instead:
  db.exec('BEGIN IMMEDIATE');
  db.prepare(s).run();
  db.exec('COMMIT');
  console.log(wal().toFixed(0).padStart(6), s.trim().slice(0, 70).replace(/\s+/g, ' '));
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}
