import { describe, expect, it } from 'vitest';
import { kaplanMeier, kaplanMeierMedian, survivalTimes } from '../stats/kaplan-meier';
import { nearestRank } from '../stats/percentile';
import { summarizeTtv } from './ttv';

describe('summarizeTtv', () => {
  it('takes nearest ranks over reached users only, and the Kaplan–Meier median over everyone', () => {
    // Reached 1, 2, 3, 4, 10; censored at 2 and 20. Ranks over the 5 reached: median ceil(2.5) = 3rd, p90 ceil(4.5) = 5th.
    const times = survivalTimes([[1, true], [2, true], [2, false], [3, true], [4, true], [10, true], [20, false]].map(([time, reached]) => ({ time: Number(time), reached: reached === true })));
    // KM: 7 at risk → 6/7 at 1, × 5/6 at 2 = 5/7, (censored leaves) × 3/4 at 3 = 15/28, × 2/3 at 4 = 5/14 ≤ 0.5.
    expect(summarizeTtv(times)).toMatchObject({ users: 7, reached: 5, reachedShare: 5 / 7, medianMs: 3, p90Ms: 10, kmMedianMs: 4 });
    expect(summarizeTtv(survivalTimes([]))).toEqual({ users: 0, reached: 0, reachedShare: null, medianMs: null, p90Ms: null, kmMedianMs: null, curve: [] });
  });

  it('keeps every k-th step of the curve and the last one', () => {
    const obs = Array.from({ length: 10 }, (_, i) => ({ time: i + 1, reached: true }));
    const all = kaplanMeier(obs);
    expect(summarizeTtv(survivalTimes(obs), 100).curve).toEqual(all);
    // 10 steps, at most ~4 points: every 3rd (steps 0, 3, 6, 9).
    expect(summarizeTtv(survivalTimes(obs), 4).curve).toEqual([all[0], all[3], all[6], all[9]]);
    expect(summarizeTtv(survivalTimes(obs), 3).curve.map((p) => p.time)).toEqual([1, 5, 9, 10]);
  });

  // The textbook product-limit estimate, step by step from the observations as they are.
  function textbookCurve(obs: readonly { time: number; reached: boolean }[]) {
    const times = [...new Set(obs.filter((o) => o.reached).map((o) => o.time))].sort((a, b) => a - b);
    let survival = 1;
    return times.map((time) => {
      const atRisk = obs.filter((o) => o.time >= time).length;
      survival *= 1 - obs.filter((o) => o.reached && o.time === time).length / atRisk;
      return { time, survival, atRisk };
    });
  }

  it('agrees with the textbook curve, percentiles and median on random cohorts', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let run = 0; run < 200; run += 1) {
      const obs = Array.from({ length: Math.floor(random() * 60) }, () => ({ time: Math.floor(random() * 12), reached: random() < 0.6 }));
      const reached = obs.filter((o) => o.reached).map((o) => o.time).sort((a, b) => a - b);
      const curve = textbookCurve(obs);
      const result = summarizeTtv(survivalTimes(obs), 1_000);
      expect(result, JSON.stringify(obs)).toEqual({
        users: obs.length,
        reached: reached.length,
        reachedShare: obs.length === 0 ? null : reached.length / obs.length,
        medianMs: nearestRank(reached, 0.5),
        p90Ms: nearestRank(reached, 0.9),
        kmMedianMs: curve.find((p) => p.survival <= 0.5 + 1e-12)?.time ?? null,
        curve,
      });
      expect(kaplanMeierMedian(obs)).toBe(result.kmMedianMs);
    }
  });
});
