// Workspaces and their keys: the default one created on first start, lookups cached briefly.
import type { Database } from '../db';
import { randomBytes } from 'node:crypto';
import { generateKey } from './keys';

export type Workspace = {
  id: number;
  name: string;
  writeKey: string;
  secretKey: string;
  /** HMAC key of identity verification (userHash = HMAC-SHA256(identitySecret, userId)). */
  identitySecret: string;
};

export type WorkspaceStore = {
  /** The workspace whose write or secret key this is, with which kind it was. */
  byKey: (key: string) => Promise<{ workspace: Workspace; kind: 'write' | 'secret' } | null>;
  /** Creates the first workspace once; env keys override the stored ones at every start. */
  ensureDefault: (keys: { writeKey?: string; secretKey?: string }) => Promise<Workspace>;
};

// Another server may change keys; a cached lookup is at most this old (ARCHITECTURE: bounded staleness).
const CACHE_MS = 30_000;

function toWorkspace(row: Record<string, unknown>): Workspace {
  return {
    id: Number(row.id),
    name: String(row.name),
    writeKey: String(row.write_key),
    secretKey: String(row.secret_key),
    identitySecret: String(row.identity_secret ?? ''),
  };
}

export function createWorkspaceStore(db: Database, now: () => number = Date.now): WorkspaceStore {
  const cache = new Map<string, { value: Awaited<ReturnType<WorkspaceStore['byKey']>>; at: number }>();

  return {
    async byKey(key) {
      const hit = cache.get(key);
      if (hit !== undefined && now() - hit.at < CACHE_MS) return hit.value;
      const result = await db.execute({
        sql: 'SELECT * FROM workspaces WHERE write_key = ?1 OR secret_key = ?1 LIMIT 1',
        args: [key],
      });
      const row = result.rows[0];
      const value =
        row === undefined
          ? null
          : { workspace: toWorkspace(row), kind: row.write_key === key ? ('write' as const) : ('secret' as const) };
      if (cache.size > 1000) cache.clear();
      cache.set(key, { value, at: now() });
      return value;
    },

    async ensureDefault({ writeKey, secretKey }) {
      await db.execute({
        sql: `INSERT INTO workspaces (id, name, write_key, secret_key, created_at)
              VALUES (1, 'Default', ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        args: [writeKey ?? generateKey('write'), secretKey ?? generateKey('secret'), now()],
      });
      await db.execute({
        sql: 'UPDATE workspaces SET identity_secret = ? WHERE id = 1 AND identity_secret IS NULL',
        args: [randomBytes(32).toString('hex')],
      });
      if (writeKey !== undefined || secretKey !== undefined) {
        await db.execute({
          sql: `UPDATE workspaces SET write_key = coalesce(?, write_key), secret_key = coalesce(?, secret_key)
                WHERE id = 1`,
          args: [writeKey ?? null, secretKey ?? null],
        });
      }
      const result = await db.execute('SELECT * FROM workspaces WHERE id = 1');
      return toWorkspace(result.rows[0]!);
    },
  };
}
