// Workspace settings: one validated JSON document per workspace, cached for a bounded time.
import type { InStatement } from '@libsql/client';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../contracts/settings';
import type { Database } from '../db';

// Another server may change settings; a cached copy is at most this old.
const CACHE_MS = 5_000;

export type SettingsStore = {
  get: (workspaceId: number) => Promise<Settings>;
  /** Saves the document, and in the same transaction whatever goes `alongside` (a rebuild request). */
  put: (workspaceId: number, settings: Settings, alongside?: InStatement[]) => Promise<Settings>;
};

export function createSettingsStore(db: Database, now: () => number = Date.now): SettingsStore {
  const cache = new Map<number, { value: Settings; at: number }>();
  return {
    async get(workspaceId) {
      const hit = cache.get(workspaceId);
      if (hit !== undefined && now() - hit.at < CACHE_MS) return hit.value;
      const result = await db.execute({ sql: 'SELECT document FROM settings WHERE workspace_id = ?', args: [workspaceId] });
      const row = result.rows[0];
      const value = row === undefined ? DEFAULT_SETTINGS : settingsSchema.parse(JSON.parse(String(row.document)));
      cache.set(workspaceId, { value, at: now() });
      return value;
    },
    async put(workspaceId, settings, alongside = []) {
      const save = {
        sql: `INSERT INTO settings (workspace_id, document, updated_at) VALUES (?, ?, ?)
              ON CONFLICT (workspace_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at`,
        args: [workspaceId, JSON.stringify(settings), now()],
      };
      await db.batch([save, ...alongside], 'write');
      cache.set(workspaceId, { value: settings, at: now() });
      return settings;
    },
  };
}
