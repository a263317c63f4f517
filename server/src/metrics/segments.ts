// Which accounts are in a segment at a moment: segment rules over the account's traits at that
// moment (latest value by timestamp at or before it), read from current traits or their history.
import { createMemo } from '../cache/memo';
import type { SegmentRule } from '../contracts/settings';
import type { Database } from '../db';
import { jsonRows } from '../db/json-rows';
import { badRequest } from '../http/api-error';
import { segmentOf } from '../audience/segment';

/** The value of each trait at :at: the current row when it was set by then, else the history. */
const TRAITS_AT = `
SELECT a.account_id, a.key, CASE WHEN a.set_at <= :at THEN a.value ELSE (
  SELECT h.value FROM account_trait_history h
  WHERE h.workspace_id = a.workspace_id AND h.account_id = a.account_id AND h.key = a.key AND h.set_at <= :at
  ORDER BY h.set_at DESC LIMIT 1) END AS value
FROM account_traits a
WHERE a.workspace_id = :ws AND a.key IN (SELECT value FROM json_each(:keys))`;

/** A 400 naming the defined segments when `name` is not one of them. */
export function checkSegment(rules: readonly SegmentRule[], name: string | undefined): void {
  if (name === undefined || rules.some((r) => r.name === name)) return;
  const known = rules.map((r) => r.name);
  throw badRequest(`Unknown segment "${name}"; ${known.length === 0 ? 'no segments are defined in settings' : `defined: ${known.join(', ')}`}`, [
    { path: 'segment', message: 'not a segment of the workspace settings' },
  ]);
}

export async function accountsInSegment(
  db: Database,
  workspaceId: number,
  rules: readonly SegmentRule[],
  name: string,
  at: number,
): Promise<string[]> {
  checkSegment(rules, name);
  const keys = [...new Set(rules.flatMap((r) => (r.when === undefined ? [] : [r.when.account])))];
  const args = { at, ws: workspaceId, keys: JSON.stringify(keys) };
  const [accounts, traits] = await Promise.all([
    jsonRows<[string]>(db, 'SELECT id FROM accounts WHERE workspace_id = :ws AND first_message_at <= :at', ['id'], args),
    jsonRows<[string, string, unknown]>(db, TRAITS_AT, ['account_id', 'key', 'json(value)'], args),
  ]);
  const byAccount = new Map<string, Record<string, unknown>>(accounts.map(([id]) => [id, {}]));
  for (const [id, key, value] of traits) {
    const account = byAccount.get(id);
    if (account !== undefined && value !== null) account[key] = value;
  }
  return [...byAccount].filter(([, t]) => segmentOf(t, rules) === name).map(([id]) => id);
}

/** How long a segment's accounts at one moment are reused: a trait that arrives late, timestamped at or before that moment, shows within it. */
export const SEGMENT_MEMO_MS = 60_000;

export type SegmentAccounts = typeof accountsInSegment;

/**
 * accountsInSegment, shared by the asks for the same segment at the same moment within
 * SEGMENT_MEMO_MS: an analytics page asks six metrics of one segment at once, and resolving it
 * reads every account's traits (~175 ms at 50k accounts).
 */
export function memoizedSegments(now: () => number): SegmentAccounts {
  const memo = createMemo<string[]>({ ttlMs: SEGMENT_MEMO_MS, maxEntries: 32, now });
  return async (db, workspaceId, rules, name, at) => {
    checkSegment(rules, name);
    return memo(`${workspaceId}:${name}:${at}:${JSON.stringify(rules)}`, () => accountsInSegment(db, workspaceId, rules, name, at));
  };
}
