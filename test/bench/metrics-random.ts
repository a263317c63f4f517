// Seeded randomness for bench:metrics: splitmix32 hashing of (seed, entity, stream) and mulberry32
// streams, so any user's or account's plan can be recomputed on its own, in any order.

/** A 32-bit hash of the given integers (splitmix32 finalizer over a running mix). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b) + 0x6a09e667;
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** One mulberry32 step from `state`: the next state and a uniform number in [0, 1). */
export function mulberry32(state: number): { state: number; value: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { state: next, value: ((t ^ (t >>> 14)) >>> 0) / 4294967296 };
}

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal (Box–Muller). */
  gauss(): number;
  /** The current state, to resume the stream later with createRandom(state). */
  state(): number;
};

/** A mulberry32 stream starting at `seed`. */
export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const next = () => {
    const step = mulberry32(s);
    s = step.state;
    return step.value;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    gauss: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    state: () => s,
  };
}

/** Splits `total` into integer shares proportional to `weights` (cumulative rounding: the sum is exact). */
export function apportion(weights: Float64Array, total: number): Int32Array {
  let sum = 0;
  for (const w of weights) sum += w;
  const shares = new Int32Array(weights.length);
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i]!;
    const upTo = i === weights.length - 1 ? total : Math.floor((cumulative / sum) * total);
    shares[i] = upTo - given;
    given = upTo;
  }
  return shares;
}
