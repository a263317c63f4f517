import { describe, expect, it } from 'vitest';
import { filtersFromHash } from './users-page';

describe('filtersFromHash', () => {
  it('reads the filters an analytics link carries', () => {
    expect(filtersFromHash('#/users?segment=Key%20accounts&activated=true&dormant=false')).toEqual({ segment: 'Key accounts', activated: true, dormant: false });
    expect(filtersFromHash('#/users?account=acme&activated=maybe')).toEqual({ account: 'acme' });
    expect(filtersFromHash('#/users')).toEqual({});
  });

  it('reads the cohort, TTV bin, retention week and return range a figure links with', () => {
    expect(filtersFromHash('#/users?segment=SMB&startFrom=100&startTo=200&reached=true&ttvFromMs=0&ttvToMs=3600000&retainedWeek=2&returnedFrom=5&returnedTo=9')).toEqual({
      segment: 'SMB', startFrom: 100, startTo: 200, reached: true, ttvFromMs: 0, ttvToMs: 3_600_000, retainedWeek: 2, returnedFrom: 5, returnedTo: 9,
    });
    expect(filtersFromHash('#/users?startFrom=soon&retainedWeek=-1&reached=yes')).toEqual({});
  });
});
