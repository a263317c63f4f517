import { describe, expect, it } from 'vitest';
import { createRandom } from './bootstrap';
import { rate, waldDifference, Z95 } from './proportions';

describe('waldDifference', () => {
  it('matches a hand computation', () => {
    // 30/100 vs 20/100: d = 0.1, se = √(0.3·0.7/100 + 0.2·0.8/100) = √0.0037 = 0.0608276,
    // half-width 1.959964 · 0.0608276 = 0.1192200.
    const r = waldDifference(30, 100, 20, 100)!;
    expect(r.difference).toBeCloseTo(0.1, 12);
    expect(r.ci95[0]).toBeCloseTo(-0.01922, 5);
    expect(r.ci95[1]).toBeCloseTo(0.21922, 5);
  });

  it('handles unequal groups and a negative difference', () => {
    // 5/50 vs 45/150: d = 0.1 − 0.3 = −0.2, se = √(0.1·0.9/50 + 0.3·0.7/150) = √(0.0018 + 0.0014) = √0.0032.
    const r = waldDifference(5, 50, 45, 150)!;
    const half = Z95 * Math.sqrt(0.0032);
    expect(r.difference).toBeCloseTo(-0.2, 12);
    expect(r.ci95[0]).toBeCloseTo(-0.2 - half, 12);
    expect(r.ci95[1]).toBeCloseTo(-0.2 + half, 12);
    expect(half).toBeCloseTo(0.110873, 5);
  });

  it('is null when a group is empty; rates are null for no users', () => {
    expect(waldDifference(0, 0, 3, 10)).toBeNull();
    expect(waldDifference(3, 10, 0, 0)).toBeNull();
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
  });

  it('covers the true difference about 95% of the time with large groups', () => {
    const random = createRandom(7);
    const [p1, p2, n] = [0.3, 0.25, 400];
    const draw = (p: number) => Array.from({ length: n }, () => random() < p).filter(Boolean).length;
    let covered = 0;
    const runs = 400;
    for (let i = 0; i < runs; i += 1) {
      const [lo, hi] = waldDifference(draw(p1), n, draw(p2), n)!.ci95;
      if (lo <= p1 - p2 && p1 - p2 <= hi) covered += 1;
    }
    expect(covered / runs).toBeGreaterThan(0.91);
    expect(covered / runs).toBeLessThan(0.98);
  });
});
