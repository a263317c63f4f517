// Scored accounts kept for a short while per (workspace, asOf, settings): scoring 50k accounts
// reads every user row once (seconds at 1M users), and paging or re-sorting a list should not.
import type { Settings } from '../contracts/settings';
import type { ScoredAccount } from './score';

/** A page of a listing and the next one, a minute apart, reuse one computation. */
export const SCORE_CACHE_MS = 60_000;
const MAX_ENTRIES = 8;

export type ScoreCache = {
  get: (workspaceId: number, settings: Settings, asOf: number, compute: () => Promise<ScoredAccount[]>) => Promise<ScoredAccount[]>;
};

export function createScoreCache(now: () => number): ScoreCache {
  const entries = new Map<string, { at: number; value: Promise<ScoredAccount[]> }>();
  return {
    get(workspaceId, settings, asOf, compute) {
      const key = `${workspaceId}:${asOf}:${JSON.stringify(settings)}`;
      const hit = entries.get(key);
      if (hit !== undefined && now() - hit.at < SCORE_CACHE_MS) return hit.value;
      for (const [k, e] of entries) if (now() - e.at >= SCORE_CACHE_MS || entries.size >= MAX_ENTRIES) entries.delete(k);
      // The promise is kept, so concurrent requests share one computation; a failure is not kept.
      const value = compute();
      value.catch(() => entries.delete(key));
      entries.set(key, { at: now(), value });
      return value;
    },
  };
}
