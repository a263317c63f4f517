// Net dollar retention (METRICS.md ndr) from the mrr trait's history: accounts paying at `from`,
// what they pay at `to` (only messages up to asOf count); the segment is judged at `from`.
import { jsonRows } from '../db/json-rows';
import { scopeArgs, type Scope } from './scope';

/** mrr at :at (absent or not a number = 0). */
const mrrAt = (at: string) => `(
  SELECT h.value FROM account_trait_history h
  WHERE h.workspace_id = :ws AND h.key = 'mrr' AND h.account_id = a.account_id AND h.set_at <= ${at}
  ORDER BY h.set_at DESC LIMIT 1)`;

function money(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : 0;
}

export async function ndr(scope: Scope) {
  const segment = scope.accounts === null ? '' : 'AND account_id IN (SELECT value FROM json_each(:accounts))';
  const rows = await jsonRows<[unknown, unknown]>(
    scope.db,
    `SELECT ${mrrAt(':from')} AS begin_mrr, ${mrrAt(':end')} AS end_mrr
     FROM (SELECT DISTINCT account_id FROM account_trait_history WHERE workspace_id = :ws AND key = 'mrr' AND set_at <= :from ${segment}) a`,
    ['json(begin_mrr)', 'json(end_mrr)'],
    scopeArgs(scope, { end: Math.min(scope.query.to, scope.query.asOf) }),
  );
  let beginMrr = 0;
  let endMrr = 0;
  let upgrades = 0;
  let downgrades = 0;
  let churn = 0;
  let accounts = 0;
  for (const [beginValue, endValue] of rows) {
    const begin = money(beginValue);
    if (begin <= 0) continue;
    accounts += 1;
    const end = Math.max(0, money(endValue));
    beginMrr += begin;
    endMrr += end;
    if (end === 0) churn += begin;
    else if (end > begin) upgrades += end - begin;
    else downgrades += begin - end;
  }
  return { accounts, beginMrr, endMrr, upgrades, downgrades, churn, ndr: beginMrr === 0 ? null : endMrr / beginMrr };
}
