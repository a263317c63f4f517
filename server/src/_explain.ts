import Database from 'libsql';
import { startBenchServer } from '../../test/bench/server';
import { ROLLUP_STATEMENTS } from './rollups';
const server = await startBenchServer({ migrateOnly: true });
const db = new Database(server.databaseUrl.slice(5));
for (const sql of ROLLUP_STATEMENTS.filter((s) => s.includes(process.argv[2]!))) {
  console.log(sql.slice(0, 80));
  for (const r of db.prepare('EXPLAIN QUERY PLAN ' + sql).all() as any[]) console.log(r.id, r.parent, r.detail);
}
