import { describe, expect, it } from 'vitest';
import { createMemo } from './memo';

describe('createMemo', () => {
  it('shares one computation per key within its lifetime, keeps at most maxEntries, and forgets failures', async () => {
    let t = 0;
    let calls = 0;
    const memo = createMemo<number>({ ttlMs: 100, maxEntries: 2, now: () => t });
    const compute = async () => (calls += 1);
    expect(await Promise.all([memo('a', compute), memo('a', compute)])).toEqual([1, 1]);
    expect(await memo('b', compute)).toBe(2);
    t = 99;
    expect(await memo('a', compute)).toBe(1);
    t = 100;
    expect(await memo('a', compute)).toBe(3);
    // A third key evicts, so at most two computations are held.
    await memo('c', compute);
    await memo('d', compute);
    expect(await memo('a', compute)).toBe(6);
    await expect(memo('e', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await memo('e', compute)).toBe(7);
  });
});
