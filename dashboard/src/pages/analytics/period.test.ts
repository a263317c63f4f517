import { describe, expect, it } from 'vitest';
import { cohortOf, DAY, dayStart, defaultFilters, filtersFromHash, hashOfFilters, humanDuration, mondayOf, rangeOf, samplePoints, usersLink, weeklyBuckets } from './period';
import { waterfall } from './ndr-section';

const units = { d: (n: string) => `${n} d`, h: (n: string) => `${n} h`, min: (n: string) => `${n} min`, lessThanMinute: '< 1 min' };
const num = (n: number) => String(n);
const HOUR = 3_600_000;

describe('analytics period helpers', () => {
  it('finds the UTC Monday of a week', () => {
    expect(new Date(mondayOf(Date.parse('2026-01-11T23:00:00Z'))).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(new Date(mondayOf(Date.parse('2026-01-05T00:00:00Z'))).toISOString()).toBe('2026-01-05T00:00:00.000Z');
  });

  it('reads filters from the hash and falls back on the default range', () => {
    const now = Date.parse('2026-03-20T10:00:00Z');
    expect(defaultFilters(now)).toEqual({ from: '2025-12-29', to: '2026-03-20', segment: '' });
    expect(filtersFromHash('#/analytics?from=2026-02-01&to=2026-02-10&segment=SMB', now)).toEqual({ from: '2026-02-01', to: '2026-02-10', segment: 'SMB' });
    expect(filtersFromHash('#/analytics?from=2026-02-10&to=2026-02-01', now)).toEqual(defaultFilters(now));
    expect(hashOfFilters('/analytics', { from: '2026-02-01', to: '2026-02-10', segment: '' })).toBe('#/analytics?from=2026-02-01&to=2026-02-10');
    expect(rangeOf({ from: '2026-02-01', to: '2026-02-01', segment: '' })).toEqual({ from: dayStart('2026-02-01'), to: dayStart('2026-02-01') + DAY });
  });

  it('cuts weekly buckets at Mondays, at most max of them', () => {
    const from = Date.parse('2026-01-07T00:00:00Z');
    const to = Date.parse('2026-01-22T00:00:00Z');
    expect(weeklyBuckets(from, to).map((b) => [new Date(b.from).toISOString().slice(0, 10), new Date(b.to).toISOString().slice(0, 10)])).toEqual([
      ['2026-01-07', '2026-01-12'], ['2026-01-12', '2026-01-19'], ['2026-01-19', '2026-01-22'],
    ]);
    const year = weeklyBuckets(Date.parse('2025-01-01'), Date.parse('2026-01-01'));
    expect(year.length).toBeLessThanOrEqual(13);
    expect(year[0]!.from).toBe(Date.parse('2025-01-01'));
    expect(year.at(-1)!.to).toBe(Date.parse('2026-01-01'));
  });

  it('samples at most 12 increasing points ending at the end', () => {
    const pts = samplePoints(0, 84 * DAY);
    expect(pts).toHaveLength(12);
    expect(pts.at(-1)).toBe(84 * DAY);
    expect(pts[0]).toBeGreaterThan(0);
    expect(pts.every((p, i) => i === 0 || p > pts[i - 1]!)).toBe(true);
    expect(samplePoints(0, 3 * DAY)).toHaveLength(3);
  });

  it('says durations the way people do', () => {
    expect(humanDuration(2 * DAY + 4 * HOUR + 5 * 60_000, units, num)).toBe('2 d 4 h');
    expect(humanDuration(5 * HOUR + 30 * 60_000, units, num)).toBe('5 h 30 min');
    expect(humanDuration(3 * DAY, units, num)).toBe('3 d');
    expect(humanDuration(45 * 60_000, units, num)).toBe('45 min');
    expect(humanDuration(10_000, units, num)).toBe('< 1 min');
    expect(humanDuration(0, units, num)).toBe('0 min');
    expect(humanDuration(null, units, num)).toBe('—');
  });

  it('links to the users page with the API filters', () => {
    expect(usersLink({ segment: 'Key accounts', activated: true })).toBe('#/users?segment=Key+accounts&activated=true');
    expect(usersLink({ dormant: false })).toBe('#/users?dormant=false');
    expect(usersLink({ ...cohortOf({ from: 100, to: 200, segment: 'SMB' }), retainedWeek: 3 })).toBe('#/users?segment=SMB&startFrom=100&startTo=200&retainedWeek=3');
    expect(usersLink({ ...cohortOf({ from: 100, to: 200 }), ttvFromMs: 0, ttvToMs: undefined })).toBe('#/users?startFrom=100&startTo=200&ttvFromMs=0');
  });

  it('builds the NDR waterfall from begin to end', () => {
    const steps = waterfall({ accounts: 3, beginMrr: 1700, endMrr: 1300, upgrades: 100, downgrades: 0, churn: 500, ndr: 1300 / 1700, query: { from: '', to: '', asOf: '', segment: null } }, (k) => k);
    expect(steps.map((s) => [s.key, s.lo, s.hi])).toEqual([['begin', 0, 1700], ['upgrades', 1700, 1800], ['downgrades', 1800, 1800], ['churn', 1300, 1800], ['end', 0, 1300]]);
  });
});
