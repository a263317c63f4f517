import { describe, expect, it } from 'vitest';
import { kaplanMeier, kaplanMeierMedian, survivalSteps } from './kaplan-meier';
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

describe('survivalSteps', () => {
  it('keeps those censored at a reached time at risk at it, whatever their order of arrival', () => {
    // Reached at 1, 3, 3; censored at 0, 1, 3, 7: 7 at risk → at 1, 6 at risk (0 left) → 5/6;
    // at 3, 4 at risk (1 censored and 1 reached left) → 5/6 · 2/4 = 5/12.
    const steps = survivalSteps({ reached: Float64Array.of(1, 3, 3), censored: Float64Array.of(0, 1, 3, 7) });
    expect([...steps.time]).toEqual([1, 3]);
    expect([...steps.atRisk]).toEqual([6, 4]);
    expect([...steps.survival]).toEqual([5 / 6, (5 / 6) * (2 / 4)]);
  });
});
