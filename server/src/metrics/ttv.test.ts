import { describe, expect, it } from 'vitest';
import { observationKey } from '../stats/kaplan-meier';
import { summarizeTtv } from './ttv';

describe('summarizeTtv', () => {
  it('takes nearest ranks over reached users only, and the Kaplan–Meier median over everyone', () => {
    // Reached 1, 2, 3, 4, 10; censored at 2 and 20. Ranks over the 5 reached: median ceil(2.5) = 3rd, p90 ceil(4.5) = 5th.
    const keys = Float64Array.from([[1, true], [2, true], [2, false], [3, true], [4, true], [10, true], [20, false]] as const, ([t, r]) => observationKey(t, r)).sort();
    // KM: 7 at risk → 6/7 at 1, × 5/6 at 2 = 5/7, (censored leaves) × 3/4 at 3 = 15/28, × 2/3 at 4 = 5/14 ≤ 0.5.
    expect(summarizeTtv(keys)).toEqual({ users: 7, reached: 5, reachedShare: 5 / 7, medianMs: 3, p90Ms: 10, kmMedianMs: 4 });
    expect(summarizeTtv(new Float64Array(0))).toEqual({ users: 0, reached: 0, reachedShare: null, medianMs: null, p90Ms: null, kmMedianMs: null });
  });
});
