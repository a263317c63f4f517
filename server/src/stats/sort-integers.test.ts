import { describe, expect, it } from 'vitest';
import { ascendingIntegers, sortIntegers } from './sort-integers';

/** A deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascending = (values: Float64Array) => Float64Array.from(values).sort();

describe('sortIntegers', () => {
  it('sorts like the comparison sort at every magnitude, duplicates included', () => {
    for (const [seed, bits] of [[1, 8], [2, 31], [3, 32], [4, 33], [5, 35], [6, 44], [7, 53]] as const) {
      const next = random(seed);
      const values = Float64Array.from({ length: 20_000 }, () => Math.floor(next() * 2 ** bits));
      values[0] = 2 ** bits - 1;
      values[1] = values[2]!;
      expect(sortIntegers(values.slice()), `${bits} bits`).toEqual(ascending(values));
    }
  });

  it('keeps values that straddle the 32-bit boundary in order', () => {
    const values = Float64Array.from({ length: 5_000 }, (_, i) => 2 ** 32 + ((i * 7919) % 5_000) - 2_500);
    expect(sortIntegers(values.slice())).toEqual(ascending(values));
  });

  it('handles empty, tiny and all-zero arrays', () => {
    expect(sortIntegers(new Float64Array(0))).toEqual(new Float64Array(0));
    expect(sortIntegers(Float64Array.of(3, 1, 2))).toEqual(Float64Array.of(1, 2, 3));
    expect(sortIntegers(new Float64Array(10_000))).toEqual(new Float64Array(10_000));
  });
});

describe('ascendingIntegers', () => {
  it('keeps ascending values, reverses descending ones and sorts the rest', () => {
    expect(ascendingIntegers(Float64Array.of(1, 2, 2, 5))).toEqual(Float64Array.of(1, 2, 2, 5));
    expect(ascendingIntegers(Float64Array.of(9, 4, 4, 0))).toEqual(Float64Array.of(0, 4, 4, 9));
    expect(ascendingIntegers(Float64Array.of(3, 1, 2))).toEqual(Float64Array.of(1, 2, 3));
    expect(ascendingIntegers(Float64Array.of(2, 2, 1, 3))).toEqual(Float64Array.of(1, 2, 2, 3));
    expect(ascendingIntegers(new Float64Array(0))).toEqual(new Float64Array(0));
  });
});
