// Net Promoter Score from `Onward Survey Responded` (METRICS.md nps): each user's latest response
// in [from, to); at equal times the higher score, so the answer never depends on arrival order.
import { scopeArgs, segmentFilter, type Scope } from './scope';

export async function nps(scope: Scope) {
  const result = await scope.db.execute({
    sql: `SELECT count(*) AS respondents, coalesce(sum(score >= 9), 0) AS promoters,
            coalesce(sum(score BETWEEN 7 AND 8), 0) AS passives, coalesce(sum(score <= 6), 0) AS detractors
          FROM (
            SELECT s.score, row_number() OVER (PARTITION BY s.user_id ORDER BY s.at DESC, s.score DESC) AS n
            FROM survey_responses s JOIN users u ON u.workspace_id = s.workspace_id AND u.id = s.user_id
            WHERE s.workspace_id = :ws AND s.at >= :from AND s.at < :to AND s.at <= :asOf AND u.is_anonymous = 0 ${segmentFilter(scope)})
          WHERE n = 1`,
    args: scopeArgs(scope),
  });
  const r = result.rows[0]!;
  const [respondents, promoters, passives, detractors] = [r.respondents, r.promoters, r.passives, r.detractors].map(Number) as [number, number, number, number];
  return {
    respondents,
    promoters,
    passives,
    detractors,
    nps: respondents === 0 ? null : Math.round((100 * (promoters - detractors)) / respondents),
  };
}
