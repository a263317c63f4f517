import { describe, expect, it } from 'vitest';
import { BASE_DELAY_MS, MAX_DELAY_MS, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it.each([
    [1, 0, BASE_DELAY_MS / 2],
    [1, 0.999_999, BASE_DELAY_MS],
    [2, 0, BASE_DELAY_MS],
    [4, 0, BASE_DELAY_MS * 4],
    [30, 0, MAX_DELAY_MS / 2],
  ])('attempt %i with random %d → %i ms', (attempt, random, expected) => {
    expect(retryDelayMs(attempt, () => random)).toBe(expected);
  });

  it('doubles the nominal delay each attempt, jittered within [half, whole)', () => {
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const nominal = BASE_DELAY_MS * 2 ** (attempt - 1);
      const delay = retryDelayMs(attempt);
      expect(delay).toBeGreaterThanOrEqual(nominal / 2);
      expect(delay).toBeLessThanOrEqual(nominal);
    }
  });
});
