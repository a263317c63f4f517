// Percentile bootstrap with a seeded PRNG (METRICS.md "Flows", timeToValue): the same data always
// gives the same interval. The Kaplan–Meier median resampler draws counts over pre-sorted
// observations, so one resample costs O(n) and never sorts.
import { KM_MEDIAN_SURVIVAL, type Observation } from './kaplan-meier';
import { nearestRank } from './percentile';

/** mulberry32: a small, fast 32-bit PRNG; uniform in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type BootstrapOptions = { resamples: number; seed: number; level?: number };
export type BootstrapResult = {
  /** Nearest-rank percentiles (1−level)/2 and (1+level)/2 of the defined resample statistics. */
  interval: [number, number] | null;
  resamples: number;
  /** Resamples whose statistic was undefined (e.g. a median never reached). */
  undefinedResamples: number;
};

/**
 * Runs `statistic` on `resamples` resamples drawn with one PRNG seeded by `seed`. The interval is
 * null when more than (1−level)/2 of the resamples are undefined: one bound would then be unbounded.
 */
export function bootstrapInterval(statistic: (random: () => number) => number | null, options: BootstrapOptions): BootstrapResult {
  const level = options.level ?? 0.95;
  const random = createRandom(options.seed);
  const values: number[] = [];
  for (let i = 0; i < options.resamples; i += 1) {
    const value = statistic(random);
    if (value !== null) values.push(value);
  }
  const undefinedResamples = options.resamples - values.length;
  const tail = (1 - level) / 2;
  if (values.length === 0 || undefinedResamples > tail * options.resamples) return { interval: null, resamples: options.resamples, undefinedResamples };
  values.sort((a, b) => a - b);
  // (1 − 0.95) / 2 is 0.025000000000000022 in floating point: round it so 1000 resamples give ranks 25 and 975.
  const at = (p: number) => nearestRank(values, Math.round(p * 1e9) / 1e9)!;
  return { interval: [at(tail), at(1 - tail)], resamples: options.resamples, undefinedResamples };
}

/**
 * A function that draws one bootstrap resample (n draws with replacement) of `observations` and
 * returns its Kaplan–Meier median, with the conventions of kaplanMeierMedian (reached before
 * censored at equal times; smallest reached time with survival ≤ 0.5; null if none).
 */
export function kmMedianResampler(observations: readonly Observation[]): (random: () => number) => number | null {
  const sorted = [...observations].sort((a, b) => a.time - b.time || Number(b.reached) - Number(a.reached));
  const n = sorted.length;
  const times = Float64Array.from(sorted, (o) => o.time);
  const reached = Uint8Array.from(sorted, (o) => (o.reached ? 1 : 0));
  const counts = new Uint32Array(n);
  return (random) => {
    if (n === 0) return null;
    counts.fill(0);
    for (let k = 0; k < n; k += 1) counts[Math.floor(random() * n)]! += 1;
    let atRisk = n;
    let survival = 1;
    let i = 0;
    while (i < n) {
      const time = times[i]!;
      let events = 0;
      let leaving = 0;
      for (; i < n && times[i] === time; i += 1) {
        if (reached[i] === 1) events += counts[i]!;
        leaving += counts[i]!;
      }
      if (events > 0) {
        survival *= 1 - events / atRisk;
        if (survival <= KM_MEDIAN_SURVIVAL) return time;
      }
      atRisk -= leaving;
    }
    return null;
  };
}

/** Default and floor of the resample count, and the draws one report may spend on it. */
export const RESAMPLES = 1000;
const MIN_RESAMPLES = 200;
const MAX_DRAWS = 20_000_000;

/** 1000, lowered to max(200, ⌊2·10⁷ / n⌋) for n observations in all, so a report stays fast. */
export const boundedResamples = (n: number) => Math.max(MIN_RESAMPLES, Math.min(RESAMPLES, Math.floor(MAX_DRAWS / Math.max(1, n))));

/** Percentile bootstrap interval of median(a) − median(b), each group resampled on its own. */
export function kmMedianDifferenceInterval(a: readonly Observation[], b: readonly Observation[], options: BootstrapOptions): BootstrapResult {
  const medianA = kmMedianResampler(a);
  const medianB = kmMedianResampler(b);
  return bootstrapInterval((random) => {
    const ma = medianA(random);
    const mb = medianB(random);
    return ma === null || mb === null ? null : ma - mb;
  }, options);
}
