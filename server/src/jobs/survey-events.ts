// survey.responded: survey_responses rows after the workspace's id cursor, a page at a time.
import type { Database } from '../db';
import type { ProducedEvent } from '../webhooks';

const PAGE = 500;

/** The highest response id of any workspace: where a new cursor starts (ids only grow). */
export async function latestSurveyId(db: Database): Promise<number> {
  const r = await db.execute('SELECT coalesce(max(id), 0) AS id FROM survey_responses');
  return Number(r.rows[0]?.id ?? 0);
}

export async function* surveyResponses(
  db: Database,
  q: { workspaceId: number; afterId: number; createdAt: number },
): AsyncGenerator<{ events: ProducedEvent[]; lastId: number }> {
  let after = q.afterId;
  for (;;) {
    const r = await db.execute({
      sql: `SELECT s.id, s.user_id, s.flow_id, s.at, s.score, s.comment, u.account_id
            FROM survey_responses s LEFT JOIN users u ON u.workspace_id = s.workspace_id AND u.id = s.user_id
            WHERE s.workspace_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`,
      args: [q.workspaceId, after, PAGE],
    });
    const end = r.rows.at(-1);
    if (end === undefined) return;
    after = Number(end.id);
    const events = r.rows.map((row) => {
      const responseId = Number(row.id);
      return {
        workspaceId: q.workspaceId,
        key: `survey.responded:${responseId}`,
        type: 'survey.responded' as const,
        createdAt: q.createdAt,
        data: {
          responseId,
          userId: String(row.user_id),
          accountId: row.account_id === null || row.account_id === undefined ? null : String(row.account_id),
          flowId: row.flow_id === null ? null : String(row.flow_id),
          score: Number(row.score),
          comment: row.comment === null ? null : String(row.comment),
          respondedAt: new Date(Number(row.at)).toISOString(),
        },
      };
    });
    yield { events, lastId: after };
    if (r.rows.length < PAGE) return;
  }
}
