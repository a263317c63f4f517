// First-run settings: the demo app's value and activation events, so a fresh install reads a real
// time-to-value chart as soon as someone uses the demo. Never overwrites settings a team saved.
import { settingsSchema, type SettingsInput } from '../contracts/settings';
import type { Database } from '../db';

/** True when this call wrote them (the workspace had no settings yet). */
export async function seedSettings(db: Database, workspaceId: number, settings: SettingsInput, now: number): Promise<boolean> {
  const result = await db.execute({
    sql: 'INSERT INTO settings (workspace_id, document, updated_at) VALUES (?, ?, ?) ON CONFLICT (workspace_id) DO NOTHING',
    args: [workspaceId, JSON.stringify(settingsSchema.parse(settings)), now],
  });
  return result.rowsAffected > 0;
}
