// GET /v1/metrics/nps/comments: the latest survey answers with a comment in [from, to) (and by
// asOf), newest first, read from the survey_responses rollup (never the events table).
import { scopeArgs, segmentFilter, type Scope } from './scope';

export type NpsComment = { userId: string; score: number; comment: string; at: string; flowId: string | null };

export async function npsComments(scope: Scope, limit: number): Promise<{ comments: NpsComment[] }> {
  const result = await scope.db.execute({
    sql: `SELECT s.user_id, s.score, s.comment, s.at, s.flow_id
          FROM survey_responses s ${scope.accounts === null ? '' : `JOIN users u ON u.workspace_id = s.workspace_id AND u.id = s.user_id ${segmentFilter(scope)}`}
          WHERE s.workspace_id = :ws AND s.at >= :from AND s.at < :to AND s.at <= :asOf AND s.anonymous = 0
            AND s.comment IS NOT NULL AND trim(s.comment) <> ''
          ORDER BY s.at DESC, s.id DESC LIMIT :limit`,
    args: scopeArgs(scope, { limit }),
  });
  return {
    comments: result.rows.map((r) => ({
      userId: String(r.user_id),
      score: Number(r.score),
      comment: String(r.comment),
      at: new Date(Number(r.at)).toISOString(),
      flowId: r.flow_id === null ? null : String(r.flow_id),
    })),
  };
}
