// The score cache: one computation per (workspace, asOf, settings) within its lifetime.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../contracts/settings';
import { createScoreCache, SCORE_CACHE_MS } from './cache';

describe('createScoreCache', () => {
  it('shares a computation until it expires, and never keeps a failure', async () => {
    let t = 0;
    let calls = 0;
    const cache = createScoreCache(() => t);
    const compute = async () => {
      calls += 1;
      return [];
    };
    await Promise.all([cache.get(1, DEFAULT_SETTINGS, 5, compute), cache.get(1, DEFAULT_SETTINGS, 5, compute)]);
    expect(calls).toBe(1);
    await cache.get(1, DEFAULT_SETTINGS, 6, compute);
    await cache.get(2, DEFAULT_SETTINGS, 5, compute);
    await cache.get(1, { ...DEFAULT_SETTINGS, dormantAfterDays: 3 }, 5, compute);
    expect(calls).toBe(4);
    t = SCORE_CACHE_MS;
    await cache.get(1, DEFAULT_SETTINGS, 5, compute);
    expect(calls).toBe(5);
    await expect(cache.get(3, DEFAULT_SETTINGS, 5, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await cache.get(3, DEFAULT_SETTINGS, 5, compute);
    expect(calls).toBe(6);
  });
});
