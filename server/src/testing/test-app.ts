// A whole app over a fresh :memory: database, for route tests through app.request().
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { createWorkspaceStore } from '../auth/workspaces';
import { migrate, openDatabase, readMigrations } from '../db';
import { createIngestWriter, createLocalCommit } from '../ingest';
import { createMemberStore, type Role } from '../team/members';
import { hashPassword, type ScryptParams } from '../team/password';

export const WRITE_KEY = 'pk_test_write';
export const SECRET_KEY = 'sk_test_secret';
/** Cheap scrypt for route tests; team/password.test.ts covers the production cost. */
export const TEST_PASSWORD_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const migrationsDir = fileURLToPath(new URL('../db/migrations', import.meta.url));

/** A response body, typed by the test that knows its shape. */
export const bodyOf = async <T>(res: Response): Promise<T> => (await res.json()) as T;

export async function createTestApp(options: { ingestRateLimit?: number; now?: () => number; dashboardDir?: string } = {}) {
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
    paths: { sdkDir: '/nonexistent', demoDir: fileURLToPath(new URL('../web/demo', import.meta.url)), ...(options.dashboardDir === undefined ? {} : { dashboardDir: options.dashboardDir }) },
    ingestRateLimit: options.ingestRateLimit ?? 0,
    isReady: () => true,
    logger: { info: () => {}, error: (_m, e) => errors.push(e) },
    passwordParams: TEST_PASSWORD_PARAMS,
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

  /**
   * Creates a dashboard member (an owner unless told) and signs in through POST /v1/session.
   * `request` then sends the session cookie, and the X-CSRF-Token on unsafe methods.
   */
  const signIn = async (who: { email?: string; password?: string; role?: Role; name?: string } = {}) => {
    const email = who.email ?? `owner-${Math.random().toString(36).slice(2)}@example.com`;
    const password = who.password ?? 'correct horse battery';
    const members = createMemberStore(db, options.now);
    if ((await members.byEmail(email)) === null) {
      await members.create({ workspaceId: 1, email, name: who.name ?? 'Test', role: who.role ?? 'owner', passwordHash: await hashPassword(password, TEST_PASSWORD_PARAMS) });
    }
    const res = await app.request('/v1/session', { method: 'POST', body: JSON.stringify({ email, password }), headers: { 'content-type': 'application/json' } });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const session = (await res.json()) as { csrfToken: string; member: { id: string; email: string; role: Role } };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.request(path, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        headers: { cookie, 'content-type': 'application/json', ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }), ...headers },
      });
    return { cookie, csrfToken: session.csrfToken, member: session.member, email, password, request };
  };

  return { app, db, post, admin, rows, errors, writer, workspaces, signIn };
}
