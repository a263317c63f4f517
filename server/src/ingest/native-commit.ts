// The commit worker's database access: libsql (the engine under @libsql/client) used directly, so
// each distinct statement is prepared once and reused. @libsql/client prepares every statement of
// every batch again, which cost the commit thread about an eighth of its time.
import Database from 'libsql';
import { BUSY_TIMEOUT_MS, CACHE_KIB, PASSIVE_CHECKPOINT } from '../db/client';
import { writeTurnsOf, type WriteTurns } from '../db/write-turns';
import type { Commit } from './commit';
import { ingestStatements, storedCounts } from './store';

// One array argument: libsql spreads and flattens a list of arguments first, which cost ~2 µs an
// event at 14 parameters a row.
type Prepared = { run(params: unknown[]): { changes: number } };

/**
 * About 1.6 GB of 4 KiB pages: past it the commit thread checkpoints by itself. Only a backstop:
 * checkpoint-worker.ts hands the WAL over for a restart at RESTART_AT_PAGES. At this size the
 * writer's own checkpoints took ~1 s each, every 5 s of ingest at full speed.
 */
const WAL_LIMIT_PAGES = 400_000;

/**
 * Memory-mapped reads for the writer (the server's queries use none, see db/client.ts). Without,
 * and with a 1 GB page cache instead, the full bench ingested slower: 15.4k events/s against 16.4k.
 */
const WRITER_MMAP_BYTES = 8 * 2 ** 30;

/**
 * `path` is the file of a `file:` DATABASE_URL. `restartDue` says that the checkpoint thread has
 * copied all but the latest commits of a long WAL (checkpoint-worker.ts). Other writers of the
 * process go in between two commits (`turns`, db/write-turns.ts).
 */
export function createNativeCommit(path: string, restartDue: () => boolean = () => false, turns: WriteTurns = writeTurnsOf()): Commit {
  const db = new Database(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec(`PRAGMA cache_size = ${CACHE_KIB}`);
  db.exec(`PRAGMA mmap_size = ${WRITER_MMAP_BYTES}`);
  // checkpoint-worker.ts copies pages back to the file; this connection checkpoints when that
  // thread asks it to (restartDue) and, should that fail, past WAL_LIMIT_PAGES, which bounds the WAL.
  db.exec(`PRAGMA wal_autocheckpoint = ${WAL_LIMIT_PAGES}`);
  // Bounded: the rollups, and one insert per row count (1–500).
  const statements = new Map<string, Prepared>();
  const prepared = (sql: string): Prepared => {
    let statement = statements.get(sql);
    if (statement === undefined) statements.set(sql, (statement = db.prepare<unknown[]>(sql)));
    return statement;
  };

  /**
   * Copying the WAL's last pages between two commits leaves it fully copied when the next one
   * begins, and so that one writes from the WAL's start again: 150-350 ms (two fsyncs) per ~600 MB.
   */
  const copyWalTail = () => {
    try {
      db.exec(PASSIVE_CHECKPOINT);
    } catch {
      // The WAL only grows until the next hand-over, or WAL_LIMIT_PAGES; the rows are stored as ever.
    }
  };

  return async (groups) => {
    if (restartDue()) copyWalTail();
    const plan = ingestStatements(groups);
    turns.beginCommit();
    try {
      // Inside the try: a BEGIN that fails (busy) must end the turn too.
      db.exec('BEGIN IMMEDIATE');
      const results = plan.statements.map((s) => {
        const { sql, args } = typeof s === 'string' ? { sql: s, args: [] } : s;
        const { changes } = prepared(sql).run(Array.isArray(args) ? args : []);
        return { rowsAffected: changes };
      });
      db.exec('COMMIT');
      return storedCounts(results, plan.groupOf, groups.length);
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    } finally {
      turns.endCommit();
    }
  };
}
