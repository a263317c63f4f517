// A whole app over a fresh :memory: database, for route tests through app.request().
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { createWorkspaceStore } from '../auth/workspaces';
import { migrate, openDatabase, readMigrations } from '../db';
import { createIngestWriter, createLocalCommit } from '../ingest';

export const WRITE_KEY = 'pk_test_write';
export const SECRET_KEY = 'sk_test_secret';
const migrationsDir = fileURLToPath(new URL('../db/migrations', import.meta.url));

/** A response body, typed by the test that knows its shape. */
export const bodyOf = async <T>(res: Response): Promise<T> => (await res.json()) as T;

export async function createTestApp(options: { ingestRateLimit?: number; now?: () => number } = {}) {
  const db = await openDatabase(':memory:');
  await migrate(db, readMigrations(migrationsDir));
  const workspaces = createWorkspaceStore(db);
  await workspaces.ensureDefault({ writeKey: WRITE_KEY, secretKey: SECRET_KEY });
  const writer = createIngestWriter({ commit: createLocalCommit(db) });
  const errors: unknown[] = [];
  const app = createApp({
    db,
    workspaces,
    writer,
    writeKey: () => WRITE_KEY,
    paths: { sdkDir: '/nonexistent', demoDir: fileURLToPath(new URL('../web/demo', import.meta.url)) },
    ingestRateLimit: options.ingestRateLimit ?? 0,
    isReady: () => true,
    logger: { info: () => {}, error: (_m, e) => errors.push(e) },
    ...(options.now === undefined ? {} : { now: options.now }),
  });

  /** POSTs JSON to an ingestion path with the write key as a Bearer token. */
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { authorization: `Bearer ${WRITE_KEY}`, 'content-type': 'application/json', ...headers },
    });

  /** Calls the admin API with the secret key. */
  const admin = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
    });

  const rows = async (sql: string, args: (string | number)[] = []) =>
    (await db.execute({ sql, args })).rows.map((r) => ({ ...r }));

  return { app, db, post, admin, rows, errors, writer, workspaces };
}
