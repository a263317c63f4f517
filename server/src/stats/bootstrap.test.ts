import { describe, expect, it } from 'vitest';
import { boundedResamples, bootstrapInterval, createRandom, kmMedianDifferenceInterval, kmMedianResampler } from './bootstrap';
import { kaplanMeierMedian, type Observation } from './kaplan-meier';

/** Exponential times with the given median, censored at `follow`. */
function sample(random: () => number, n: number, median: number, follow: number): Observation[] {
  return Array.from({ length: n }, () => {
    const time = (-Math.log(1 - random()) * median) / Math.LN2;
    return time <= follow ? { time, reached: true } : { time: follow, reached: false };
  });
}

describe('createRandom', () => {
  it('is deterministic per seed and uniform enough', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(createRandom(43)()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('kmMedianResampler', () => {
  it('gives the Kaplan–Meier median of the very resample it drew', () => {
    const random = createRandom(1);
    // Pre-sorted (time, reached first), with ties and censoring, so draw k picks sorted[k].
    const obs = sample(random, 40, 10, 25).map((o) => ({ ...o, time: Math.round(o.time) }));
    obs.sort((a, b) => a.time - b.time || Number(b.reached) - Number(a.reached));
    const resample = kmMedianResampler(obs);
    for (let seed = 0; seed < 50; seed += 1) {
      const drawn: number[] = [];
      const recording = createRandom(seed);
      const median = resample(() => {
        const x = recording();
        drawn.push(Math.floor(x * obs.length));
        return x;
      });
      expect(median).toBe(kaplanMeierMedian(drawn.map((k) => obs[k]!)));
    }
  });

  it('is null for no observations', () => {
    expect(kmMedianResampler([])(createRandom(1))).toBeNull();
  });
});

describe('bootstrapInterval', () => {
  it('takes nearest-rank 2.5% and 97.5% percentiles of the resample statistics', () => {
    // Statistic i on resample i: 1..1000 → ranks 25 and 975.
    let i = 0;
    expect(bootstrapInterval(() => (i += 1), { resamples: 1000, seed: 1 })).toEqual({ interval: [25, 975], resamples: 1000, undefinedResamples: 0 });
  });

  it('is null when more than 2.5% of the resamples are undefined', () => {
    let i = 0;
    const someNull = (share: number) => () => ((i += 1) % 1000 < share * 1000 ? null : i);
    expect(bootstrapInterval(someNull(0.02), { resamples: 1000, seed: 1 }).interval).not.toBeNull();
    expect(bootstrapInterval(someNull(0.03), { resamples: 1000, seed: 1 })).toMatchObject({ interval: null, undefinedResamples: 30 });
  });

  it('bounds the work: 1000 resamples, fewer (at least 200) for very large groups', () => {
    expect(boundedResamples(0)).toBe(1000);
    expect(boundedResamples(20_000)).toBe(1000);
    expect(boundedResamples(40_000)).toBe(500);
    expect(boundedResamples(10_000_000)).toBe(200);
  });
});

describe('kmMedianDifferenceInterval', () => {
  it('is deterministic: the same data and seed give the same interval, whatever the input order', () => {
    const random = createRandom(3);
    const a = sample(random, 80, 10, 40);
    const b = sample(random, 60, 15, 40);
    const once = kmMedianDifferenceInterval(a, b, { resamples: 500, seed: 9 });
    expect(kmMedianDifferenceInterval([...a].reverse(), b, { resamples: 500, seed: 9 })).toEqual(once);
    expect(once.interval).not.toBeNull();
    expect(kmMedianDifferenceInterval(a, b, { resamples: 500, seed: 10 }).interval).not.toEqual(once.interval);
  });

  it('covers the true difference of medians most of the time', () => {
    const random = createRandom(11);
    const truth = 10 - 15;
    let covered = 0;
    let width = 0;
    const runs = 100;
    for (let run = 0; run < runs; run += 1) {
      const { interval } = kmMedianDifferenceInterval(sample(random, 200, 10, 60), sample(random, 200, 15, 60), { resamples: 300, seed: run });
      if (interval !== null && interval[0] <= truth && truth <= interval[1]) covered += 1;
      width += interval === null ? Infinity : interval[1] - interval[0];
    }
    // Nominal 95%; the percentile bootstrap of a median runs a little under or over at n = 200.
    expect(covered).toBeGreaterThanOrEqual(85);
    // Asymptotic SE of the difference ≈ 1.8, so a 95% interval is about 7 wide: neither degenerate nor vacuous.
    expect(width / runs).toBeGreaterThan(4);
    expect(width / runs).toBeLessThan(12);
  });

  it('is null when a median is never reached in most resamples', () => {
    const reachedFew = Array.from({ length: 50 }, (_, i) => ({ time: i, reached: i < 5 }));
    const reachedAll = Array.from({ length: 50 }, (_, i) => ({ time: i, reached: true }));
    expect(kmMedianDifferenceInterval(reachedFew, reachedAll, { resamples: 200, seed: 1 }).interval).toBeNull();
  });
});
