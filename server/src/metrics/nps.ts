// Net Promoter Score from `Onward Survey Responded` (METRICS.md nps): each user's latest response
// in [from, to); at equal times the higher score, so the answer never depends on arrival order.
import { scopeArgs, segmentUsersSql, type Scope } from './scope';

/**
 * Each identified respondent's latest response as one number, at·16 + score (scores are 0–10), so
 * that max() picks the latest and, at equal times, the higher score; read from survey_responses_user
 * alone, in user order, so that the grouping needs no sort. In a segment, responses are kept by the
 * set of the segment's users (from an index), not by looking up each respondent's account.
 */
const latest = (scope: Scope) => `SELECT s.user_id, max(s.at * 16 + s.score) AS latest FROM survey_responses s INDEXED BY survey_responses_user
  WHERE s.workspace_id = :ws AND s.at >= :from AND s.at < :to AND s.at <= :asOf AND s.anonymous = 0
    ${scope.accounts === null ? '' : `AND s.user_id IN (SELECT id FROM (${segmentUsersSql('users_account', 'u.id')}))`}
  GROUP BY s.user_id`;

export async function nps(scope: Scope) {
  const result = await scope.db.execute({
    sql: `SELECT count(*) AS respondents, coalesce(sum(latest % 16 >= 9), 0) AS promoters,
            coalesce(sum(latest % 16 BETWEEN 7 AND 8), 0) AS passives, coalesce(sum(latest % 16 <= 6), 0) AS detractors
          FROM (${latest(scope)})`,
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
