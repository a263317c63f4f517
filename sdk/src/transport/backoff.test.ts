import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './backoff';

describe('backoffDelay', () => {
  it.each([
    [0, 1000],
    [1, 2000],
    [3, 8000],
    [5, 32_000],
    [6, 60_000],
    [20, 60_000],
  ])('attempt %i stays within [0, %i] ms', (attempt, ceiling) => {
    expect(backoffDelay(attempt, () => 0)).toBe(0);
    expect(backoffDelay(attempt, () => 0.999_999)).toBeLessThan(ceiling);
    expect(backoffDelay(attempt, () => 0.999_999)).toBeGreaterThan(ceiling * 0.99);
    expect(backoffDelay(attempt, () => 0.5)).toBe(ceiling / 2);
  });

  it('spreads retries with full jitter', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, Math.random)));
    expect(delays.size).toBeGreaterThan(40);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(0);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['5', 5000],
    [' 0 ', 0],
    [null, undefined],
    ['soon', undefined],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, 0)).toBe(expected);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.UTC(2024, 4, 1, 10, 0, 0);
    expect(parseRetryAfter('Wed, 01 May 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
  });
});
