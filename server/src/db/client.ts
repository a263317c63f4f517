// libSQL client factory: the embedded file by default, sqld / Turso when DATABASE_URL says so.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { pruningNamedArgs } from './named-args';

export type Database = Client;

/**
 * Page cache of the server's connection (negative = KiB), for the embedded file. No memory-mapped
 * reads (SQLite's default): a page the OS no longer caches costs one 4 KiB read, where a fault on
 * a mapping reads around it (up to the device's read-ahead, 8 MB on the 2-core test machine), and
 * the pages kept here are process memory, kept while the OS drops file pages the machine left idle.
 * A TTV call over 714k users in a fresh process: 366–409 ms, 411–645 with an 8 GB mapping; again
 * after 100 s idle, 172 ms, against 279 mapped (its pages had been dropped in the meantime).
 */
export const CACHE_KIB = -131_072;
export const BUSY_TIMEOUT_MS = 5_000;
/**
 * Copies the WAL's pages back to the file, as far as no reader still needs them, and never waits
 * for the writer: the ingest threads' checkpoint (ingest/checkpoint-worker.ts, native-commit.ts).
 * Its row's `log` is the WAL's length in pages (-1 when another checkpoint is running).
 */
export const PASSIVE_CHECKPOINT = 'PRAGMA wal_checkpoint(PASSIVE)';

/** True for URLs served by this process's embedded libSQL (a file or memory). */
export function isEmbedded(url: string): boolean {
  return url === ':memory:' || url.startsWith('file:');
}

/** The path of a `file:` URL (`file:./data/onward.db?x=y` → `./data/onward.db`). */
export function filePath(url: string): string {
  return url.slice('file:'.length).split('?')[0] ?? '';
}

/** Opens the database; a local file gets WAL so readers never wait on the writer. */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  if (url.startsWith('file:')) {
    const path = filePath(url);
    if (path !== '' && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  // libsql executes an embedded file's statements synchronously on this thread, so a second
  // connection buys no parallelism; one keeps its pragmas and a warm page cache. (Ingest writes
  // from its own connection in a worker.) The busy timeout covers waits for that writer.
  const local = url.startsWith('file:') ? { concurrency: 1, timeout: BUSY_TIMEOUT_MS } : {};
  const db = pruningNamedArgs(createClient({ url, ...local, ...(authToken === undefined ? {} : { authToken }) }));
  if (url.startsWith('file:')) {
    await db.execute('PRAGMA journal_mode = WAL');
    // WAL + NORMAL is durable across process crashes; only an OS crash can lose the last commits.
    await db.execute('PRAGMA synchronous = NORMAL');
    // Metric queries walk indexes of a million users: keep them in memory, not in read() calls.
    await db.execute(`PRAGMA cache_size = ${CACHE_KIB}`);
  }
  return db;
}
