import { describe, expect, it } from 'vitest';
import { compareActivation, compareGoal, compareTimeToValue, duration, points } from './report-compare';
import type { Member } from './report-store';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T00:00:00Z');
const GOAL = { event: 'Report Created', withinDays: 7 };

/** `users` members of one group, the first `hits` of them converted (and activated). */
function group(holdout: boolean, users: number, hits: number, over: Partial<Member> = {}): Member[] {
  return Array.from({ length: users }, (_, i) => ({
    holdout, at: NOW - 30 * DAY, start: NOW - 40 * DAY, valueAt: null, activated: i < hits, converted: i < hits, ...over,
  }));
}

describe('compareGoal verdicts', () => {
  it.each([
    // 40/100 vs 20/100: d = 0.2, se = √(0.0024 + 0.0016) = 0.0632456, half 0.123959 → [0.076, 0.324].
    [100, 40, 100, 20, 'likely_real', '+20 points, likely real', [0.076041, 0.323959]],
    // 25/100 vs 20/100: d = 0.05, se = √(0.001875 + 0.0016) = 0.0589491, half 0.115538 → contains 0.
    [100, 25, 100, 20, 'no_detectable_effect', '+5 points, no detectable effect', [-0.065538, 0.165538]],
    [100, 20, 100, 40, 'likely_real', '-20 points, likely real', [-0.323959, -0.076041]],
    [29, 15, 100, 20, 'not_enough_users', null, null],
    [100, 4, 100, 20, 'not_enough_users', null, null],
    [100, 96, 100, 50, 'not_enough_users', null, null],
  ] as const)('%i users %i converted vs %i/%i → %s', (n1, x1, n2, x2, verdict, summary, ci) => {
    const r = compareGoal([...group(false, n1, x1), ...group(true, n2, x2)], GOAL, NOW);
    expect(r).toMatchObject({ exposed: { users: n1, converted: x1 }, holdout: { users: n2, converted: x2 }, verdict });
    if (summary !== null) expect(r.summary).toBe(summary);
    if (ci !== null) {
      expect(r.ci95![0]).toBeCloseTo(ci[0], 5);
      expect(r.ci95![1]).toBeCloseTo(ci[1], 5);
    }
  });

  it('has no lift or interval when a group is empty, and counts users still inside their window as pending', () => {
    const r = compareGoal(group(false, 10, 2, { at: NOW - 2 * DAY }), GOAL, NOW);
    expect(r).toMatchObject({ exposed: { users: 10, pending: 10 }, holdout: { users: 0, rate: null }, lift: null, ci95: null, verdict: 'not_enough_users', summary: 'not enough users yet' });
  });
});

describe('compareActivation', () => {
  it('counts only users whose activation window has ended', () => {
    const young = group(false, 5, 5, { start: NOW - 3 * DAY });
    const r = compareActivation([...young, ...group(false, 50, 30), ...group(true, 50, 10)], { events: ['Project Created'], windowDays: 7 }, NOW);
    expect(r).toMatchObject({ exposed: { users: 50, activated: 30, rate: 0.6 }, holdout: { users: 50, activated: 10, rate: 0.2 }, verdict: 'likely_real', summary: '+40 points, likely real' });
  });
});

describe('compareTimeToValue', () => {
  const reachedAfter = (holdout: boolean, days: number[]) =>
    days.map((d): Member => ({ holdout, at: NOW - 30 * DAY, start: NOW - 40 * DAY, valueAt: NOW - 40 * DAY + d * DAY, activated: false, converted: false }));
  const spread = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + (i % 10) * 0.2);

  it('is likely real when the bootstrap interval excludes 0, and deterministic', () => {
    const members = [...reachedAfter(false, spread(1, 40)), ...reachedAfter(true, spread(3, 40))];
    const r = compareTimeToValue(members, 'Report Created', NOW);
    // Medians: exposed 1 + 0.8 = 1.8 d, held out 3.8 d (rank 20 of 40 over the ten values 0–1.8 in steps of 0.2, each 4 times).
    expect(r).toMatchObject({ exposed: { users: 40, reached: 40 }, holdout: { users: 40, reached: 40 }, verdict: 'likely_real', summary: 'median time-to-value 2 d shorter, likely real' });
    expect(r.differenceMs).toBeCloseTo(-2 * DAY, -1);
    expect(r.ci95![1]).toBeLessThan(0);
    expect(compareTimeToValue([...members].reverse(), 'Report Created', NOW)).toEqual(r);
  });

  it('censors users who have not reached value at max(0, now − start)', () => {
    const r = compareTimeToValue([...group(false, 40, 0), ...reachedAfter(true, spread(3, 40))], 'Report Created', NOW);
    expect(r).toMatchObject({ exposed: { users: 40, reached: 0, kmMedianMs: null }, differenceMs: null, ci95: null, verdict: 'not_enough_users', summary: 'not enough users yet' });
  });
});

describe('formatting', () => {
  it.each([[0.08, '+8 points'], [0.083, '+8.3 points'], [-0.0049, '-0.5 points'], [0, '0 points']])('points(%d) = %s', (d, s) => expect(points(d)).toBe(s));
  it.each([[5 * 3_600_000, '5 h'], [2.5 * DAY, '2.5 d'], [-90_000, '1.5 min'], [400, '400 ms']])('duration(%d) = %s', (ms, s) => expect(duration(ms)).toBe(s));
});
