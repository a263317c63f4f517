import { describe, expect, it } from 'vitest';
import { isReachedKey, kaplanMeier, kaplanMeierMedian, observationKey } from './kaplan-meier';
import { nearestRank } from './percentile';

describe('nearestRank', () => {
  it('takes the value at rank ceil(p·n)', () => {
    expect(nearestRank([10, 20, 30, 40], 0.5)).toBe(20);
    expect(nearestRank([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(nearestRank([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90);
    expect(nearestRank([5], 0.9)).toBe(5);
    expect(nearestRank([], 0.5)).toBeNull();
  });
});

describe('kaplanMeierMedian', () => {
  it('equals the plain median when nobody is censored', () => {
    const obs = [1, 2, 3, 4].map((time) => ({ time, reached: true }));
    // S drops to 0.75, 0.5 at t=2: the smallest time with S ≤ 0.5.
    expect(kaplanMeierMedian(obs)).toBe(2);
  });

  it('keeps censored users at risk until their censoring time', () => {
    // Hand-checked: t=1 reached (4 at risk) → 0.75; t=2 censored; t=3 reached (2 at risk) → 0.375.
    const obs = [
      { time: 1, reached: true },
      { time: 2, reached: false },
      { time: 3, reached: true },
      { time: 5, reached: false },
    ];
    expect(kaplanMeier(obs).map((p) => [p.time, p.survival])).toEqual([[1, 0.75], [3, 0.375]]);
    expect(kaplanMeierMedian(obs)).toBe(3);
  });

  it('counts reached before censored at equal times', () => {
    // At t=1: 2 at risk, 1 reached → 0.5, whichever order the input has.
    expect(kaplanMeierMedian([{ time: 1, reached: false }, { time: 1, reached: true }])).toBe(1);
  });

  it('is null when survival never reaches one half', () => {
    expect(kaplanMeierMedian([{ time: 1, reached: true }, { time: 2, reached: false }, { time: 3, reached: false }])).toBeNull();
    expect(kaplanMeierMedian([])).toBeNull();
  });
});

describe('isReachedKey', () => {
  it('tells reached from censored keys beyond 32 bits (180 days of ms is ~2^34)', () => {
    const times = [0, 1, 86_400_000 * 180, 2 ** 40 + 3, 2 ** 51 - 1];
    expect(times.map((t) => isReachedKey(observationKey(t, true)))).toEqual(times.map(() => true));
    expect(times.map((t) => isReachedKey(observationKey(t, false)))).toEqual(times.map(() => false));
  });
});
