import Database from 'libsql';
import { startBenchServer } from '../../test/bench/server';
import { createEvents } from '../../test/bench/events';
import { validateMessages } from './ingest/validate';

const server = await startBenchServer({ migrateOnly: true });
const db = new Database(server.databaseUrl.slice(5));
db.exec('PRAGMA journal_mode = WAL'); db.exec('PRAGMA synchronous = NORMAL'); db.exec('PRAGMA cache_size = -131072');
const COLS = ['workspace_id', 'message_id', 'type', 'event', 'user_id', 'anonymous_id', 'group_id', 'previous_id', 'timestamp', 'received_at', 'sent_at', 'properties', 'traits', 'context'];
const stmt = (n: number) => db.prepare(`INSERT INTO events (${COLS.join(',')}) VALUES ${Array.from({ length: n }, () => `(${COLS.map(() => '?').join(',')})`).join(',')} ON CONFLICT (workspace_id, message_id) DO NOTHING`);
const args = (r: any) => [1, r.messageId, r.type, r.event, r.userId, r.anonymousId, r.groupId, r.previousId, r.timestamp, r.receivedAt, r.sentAt, r.properties, r.traits, r.context];
let c = 0;
for (const per of [500, 1, 50, 500, 1, 50, 100]) {
  const s = stmt(per);
  let total = 0; let bindT = 0;
  for (let k = 0; k < 20; k++) {
    const raw = Array.from({ length: 100 }, (_, i) => createEvents(50, c % 50, c * 100 + i)).flat(); c++;
    const { rows } = validateMessages(raw, Date.now(), false);
    const t0 = performance.now();
    db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < rows.length; i += per) { const tb = performance.now(); const a = rows.slice(i, i + per).flatMap(args); bindT += performance.now() - tb; s.run(...a); }
    db.exec('COMMIT');
    total += performance.now() - t0;
  }
  console.log(per, 'rows/stmt:', (total / 20).toFixed(1), 'ms per 5000; args build', (bindT / 20).toFixed(1));
}
