// Scored accounts kept for a short while per (workspace, asOf, settings): scoring 50k accounts
// reads every user row once (seconds at 1M users), and paging or re-sorting a list should not.
import { createMemo } from '../cache/memo';
import type { Settings } from '../contracts/settings';
import type { ListedAccount } from './score';

/** A page of a listing and the next one, a minute apart, reuse one computation. */
export const SCORE_CACHE_MS = 60_000;

export type ScoreCache = {
  get: (workspaceId: number, settings: Settings, asOf: number, compute: () => Promise<ListedAccount[]>) => Promise<ListedAccount[]>;
};

export function createScoreCache(now: () => number): ScoreCache {
  const memo = createMemo<ListedAccount[]>({ ttlMs: SCORE_CACHE_MS, maxEntries: 8, now });
  return { get: (workspaceId, settings, asOf, compute) => memo(`${workspaceId}:${asOf}:${JSON.stringify(settings)}`, compute) };
}
