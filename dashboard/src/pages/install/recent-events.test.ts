import { describe, expect, it } from 'vitest';
import type { RecentEvent } from '../../api/types';
import { cursorOf, labelOf, mergeEvents } from './recent-events';

const event = (id: number, patch: Partial<RecentEvent> = {}): RecentEvent => ({
  id, type: 'track', event: `Event ${id}`, userId: 'u1', anonymousId: null, timestamp: id, ...patch,
});

describe('recent events', () => {
  it('merges overlapping polls newest first, each message once, capped', () => {
    const merged = mergeEvents([event(3), event(2)], [event(4), event(3)], 3);
    expect(merged.map((e) => e.id)).toEqual([4, 3, 2]);
    expect(mergeEvents(merged, [event(5)], 3).map((e) => e.id)).toEqual([5, 4, 3]);
  });

  it('moves the cursor to the highest id seen', () => {
    expect(cursorOf([], undefined)).toBeUndefined();
    expect(cursorOf([], 7)).toBe(7);
    expect(cursorOf([event(9), event(12), event(10)], 7)).toBe(12);
  });

  it('labels each message by what it is about', () => {
    expect(labelOf(event(1))).toBe('Event 1');
    expect(labelOf(event(1, { type: 'identify', event: null, userId: 'ada' }))).toBe('ada');
    expect(labelOf(event(1, { type: 'group', event: null, groupId: 'acct_7' }))).toBe('acct_7');
    expect(labelOf(event(1, { type: 'page', event: null, userId: null, anonymousId: 'anon' }))).toBe('anon');
  });
});
