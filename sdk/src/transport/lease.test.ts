import { describe, expect, it } from 'vitest';
import type { Clock } from '../shared/clock';
import { createStore } from '../shared/storage';
import { createMapStorage } from '../testing/fakes';
import { createLease } from './lease';

const setup = () => {
  let now = 1000;
  const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
  const storage = createMapStorage();
  const lease = (id: string) =>
    createLease({
      store: createStore(() => storage),
      clock,
      key: 'onward:outbox:lock',
      id,
      ttlMs: 30_000,
    });
  return { lease, advance: (ms: number) => (now += ms), storage };
};

describe('createLease', () => {
  it('lets one tab send at a time', () => {
    const { lease } = setup();
    const a = lease('tab-a');
    const b = lease('tab-b');
    expect(a.acquire()).toBe(true);
    expect(b.acquire()).toBe(false);
    a.release();
    expect(b.acquire()).toBe(true);
  });

  it('expires when its holder died mid-send', () => {
    const { lease, advance } = setup();
    expect(lease('tab-a').acquire()).toBe(true);
    advance(30_001);
    expect(lease('tab-b').acquire()).toBe(true);
  });

  it('is re-entrant for its holder and never released by another tab', () => {
    const { lease, storage } = setup();
    const a = lease('tab-a');
    expect(a.acquire()).toBe(true);
    expect(a.acquire()).toBe(true);
    lease('tab-b').release();
    expect(storage.getItem('onward:outbox:lock')).toMatch(/^tab-a /);
  });
});
