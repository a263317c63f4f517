import { describe, expect, it } from 'vitest';
import { filtersFromHash } from './users-page';

describe('filtersFromHash', () => {
  it('reads the filters an analytics link carries', () => {
    expect(filtersFromHash('#/users?segment=Key%20accounts&activated=true&dormant=false')).toEqual({ segment: 'Key accounts', activated: true, dormant: false });
    expect(filtersFromHash('#/users?account=acme&activated=maybe')).toEqual({ account: 'acme' });
    expect(filtersFromHash('#/users')).toEqual({});
  });
});
