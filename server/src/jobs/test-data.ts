// Rows of the rollup tables the sweep reads, written directly (tests only), and a database file
// that two clients share, as two servers share one database.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkspaceStore } from '../auth/workspaces';
import { migrate, openDatabase, readMigrations, type Database } from '../db';
import { tempDir } from '../testing/temp-dir';
import { DAY_MS } from '../time';

export const DAY = DAY_MS;

export const insertUser = (db: Database, u: { id: string; lastActivityAt: number; accountId?: string; anonymous?: boolean }) =>
  db.execute({
    // Keyed as migration 008 keys the users it finds: negative, unique while the table grows.
    sql: `INSERT INTO users (workspace_id, id, is_anonymous, key, first_message_at, first_activity_at, last_activity_at, account_id)
          VALUES (1, ?, ?, -1 - (SELECT count(*) FROM users), 0, 0, ?, ?)
          ON CONFLICT (workspace_id, id) DO UPDATE SET last_activity_at = excluded.last_activity_at`,
    args: [u.id, u.anonymous === true ? 1 : 0, u.lastActivityAt, u.accountId ?? null],
  });

export const insertActiveDay = (db: Database, d: { userId: string; firstAt: number; gapBefore: number | null }) =>
  db.execute({
    sql: `INSERT INTO user_days (workspace_id, user_id, event, day, count, first_at, last_at, gap_before, user_key)
          VALUES (1, ?1, '', ?2, 0, ?3, ?3, ?4, (SELECT key FROM users WHERE workspace_id = 1 AND id = ?1))`,
    args: [d.userId, Math.floor(d.firstAt / DAY), d.firstAt, d.gapBefore],
  });

export const insertSurveyResponse = (db: Database, r: { userId: string; at: number; score: number; comment?: string }) =>
  db.execute({
    sql: 'INSERT INTO survey_responses (workspace_id, user_id, flow_id, at, score, comment) VALUES (1, ?, ?, ?, ?, ?)',
    args: [r.userId, 'nps-survey', r.at, r.score, r.comment ?? null],
  });

/** One migrated database file with the default workspace, opened by `clients` separate clients; its folder goes when the test finishes. */
export async function sharedDatabase(clients: number): Promise<{ dbs: Database[]; close: () => void }> {
  const url = `file:${join(tempDir('onward-jobs-'), 'onward.db')}`;
  const first = await openDatabase(url);
  await migrate(first, readMigrations(fileURLToPath(new URL('../db/migrations', import.meta.url))));
  await createWorkspaceStore(first).ensureDefault({});
  const dbs = [first];
  for (let i = 1; i < clients; i += 1) dbs.push(await openDatabase(url));
  return {
    dbs,
    close: () => {
      for (const db of dbs) db.close();
    },
  };
}
