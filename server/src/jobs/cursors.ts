// Per-workspace positions of the dormancy sweep (table sweep_cursors). They only move forward, so a
// slower server finishing late never moves one back and re-produces what was already produced.
import type { InStatement } from '@libsql/client';
import type { Database } from '../db';

export const CURSORS = {
  /** Time watermark (ms): activity up to here has been turned into events. */
  sweptAt: 'swept_at',
  /** Last survey_responses.id turned into events. */
  surveyId: 'survey_id',
} as const;
type CursorName = (typeof CURSORS)[keyof typeof CURSORS];

export type Cursors = { sweptAt: number | null; surveyId: number | null };

export async function readCursors(db: Database, workspaceId: number): Promise<Cursors> {
  const r = await db.execute({ sql: 'SELECT name, position FROM sweep_cursors WHERE workspace_id = ?', args: [workspaceId] });
  const at = (name: CursorName) => {
    const row = r.rows.find((x) => x.name === name);
    return row === undefined ? null : Number(row.position);
  };
  return { sweptAt: at(CURSORS.sweptAt), surveyId: at(CURSORS.surveyId) };
}

export const advanceCursor = (workspaceId: number, name: CursorName, position: number): InStatement => ({
  sql: `INSERT INTO sweep_cursors (workspace_id, name, position) VALUES (?, ?, ?)
        ON CONFLICT (workspace_id, name) DO UPDATE SET position = max(sweep_cursors.position, excluded.position)`,
  args: [workspaceId, name, position],
});

/**
 * Workspaces without an active webhook start afresh when they get one: events are produced from
 * then on, never a backlog of everything that happened while nobody was listening.
 */
export async function forgetUnwatchedWorkspaces(db: Database): Promise<void> {
  await db.execute('DELETE FROM sweep_cursors WHERE workspace_id NOT IN (SELECT workspace_id FROM webhooks WHERE active = 1)');
}
