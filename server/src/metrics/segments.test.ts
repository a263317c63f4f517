import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../contracts/settings';
import { group, METRIC_SETTINGS } from '../testing/messages';
import { createTestApp } from '../testing/test-app';
import { memoizedSegments, SEGMENT_MEMO_MS } from './segments';

describe('memoizedSegments', () => {
  it('resolves a segment at one moment once within its lifetime; another moment or an unknown segment is its own ask', async () => {
    const t = await createTestApp();
    await t.post('/v1/batch', { batch: [group('u1', 'acc-ka', 1_000, { tier: 'KA' }), group('u2', 'acc-smb', 1_000, { tier: 'SMB' })] });
    const { segments: rules } = settingsSchema.parse(METRIC_SETTINGS);
    let clock = 0;
    const segments = memoizedSegments(() => clock);
    const ask = (at: number) => segments(t.db, 1, rules, 'Key accounts', at);
    const first = await ask(5_000);
    expect(first).toEqual(['acc-ka']);
    expect(await ask(5_000)).toBe(first);
    expect(await ask(500)).toEqual([]);
    clock = SEGMENT_MEMO_MS;
    expect(await ask(5_000)).not.toBe(first);
    await expect(segments(t.db, 1, rules, 'Whales', 5_000)).rejects.toThrow('Unknown segment "Whales"');
  });
});
