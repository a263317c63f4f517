// libSQL client factory: the embedded file by default, sqld / Turso when DATABASE_URL says so.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';

export type Database = Client;

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
  const db = createClient(authToken === undefined ? { url } : { url, authToken });
  if (url.startsWith('file:')) {
    await db.execute('PRAGMA journal_mode = WAL');
    // WAL + NORMAL is durable across process crashes; only an OS crash can lose the last commits.
    await db.execute('PRAGMA synchronous = NORMAL');
    await db.execute('PRAGMA busy_timeout = 5000');
  }
  return db;
}
