// Net Promoter Score from `Onward Survey Responded` (METRICS.md nps): each user's latest response
// in [from, to); at equal times the higher score, so the answer never depends on arrival order.
import { scopeArgs, segmentFilter, type Scope } from './scope';

/**
 * Each identified respondent's latest response as one number, at·16 + score (scores are 0–10), so
 * that max() picks the latest and, at equal times, the higher score; read from survey_responses_at alone.
 */
const LATEST = `SELECT s.user_id, max(s.at * 16 + s.score) AS latest FROM survey_responses s
  WHERE s.workspace_id = :ws AND s.at >= :from AND s.at < :to AND s.at <= :asOf AND s.anonymous = 0
  GROUP BY s.user_id`;

export async function nps(scope: Scope) {
  // A segment needs each respondent's account: one lookup a respondent, not one a response.
  const latest = scope.accounts === null
    ? `(${LATEST}) r`
    : `(${LATEST}) r JOIN users u ON u.workspace_id = :ws AND u.id = r.user_id ${segmentFilter(scope)}`;
  const result = await scope.db.execute({
    sql: `SELECT count(*) AS respondents, coalesce(sum(latest % 16 >= 9), 0) AS promoters,
            coalesce(sum(latest % 16 BETWEEN 7 AND 8), 0) AS passives, coalesce(sum(latest % 16 <= 6), 0) AS detractors
          FROM ${latest}`,
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
