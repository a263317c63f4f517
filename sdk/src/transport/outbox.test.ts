import { describe, expect, it } from 'vitest';
import { createLogger } from '../shared/logger';
import { createStore } from '../shared/storage';
import { createMapStorage, createSpyConsole } from '../testing/fakes';
import type { Message } from './message';
import { OUTBOX_KEYS, createOutbox } from './outbox';

const message = (id: string): Message => ({
  type: 'track',
  event: 'E',
  messageId: id,
  timestamp: '2024-05-01T10:00:00.000Z',
  anonymousId: 'a',
  context: {},
});

const setup = (cap?: number) => {
  const storage = createMapStorage();
  const sink = createSpyConsole();
  const logger = createLogger(true, sink.console);
  const open = () =>
    createOutbox({ store: createStore(() => storage), logger, ...(cap ? { cap } : {}) });
  return { storage, sink, open, outbox: open() };
};
const ids = (entries: { message: Message }[]) => entries.map((entry) => entry.message.messageId);

describe('createOutbox', () => {
  it('persists added messages at the end of the task, in order', async () => {
    const { storage, outbox, open } = setup();
    outbox.add(message('m1'));
    outbox.add(message('m2'));
    expect(storage.getItem(OUTBOX_KEYS.entries)).toBeNull();
    await Promise.resolve();
    expect(ids(open().entries())).toEqual(['m1', 'm2']);
  });

  it('drops the oldest over the cap and persists the drop count', () => {
    const { outbox, open, sink } = setup(3);
    for (let i = 1; i <= 5; i++) outbox.add(message(`m${i}`));
    outbox.commit();
    expect(ids(outbox.entries())).toEqual(['m3', 'm4', 'm5']);
    const reload = open();
    expect(reload.dropped()).toBe(2);
    reload.add(message('m6'));
    reload.commit();
    expect(reload.dropped()).toBe(3);
    expect(sink.warn).toHaveBeenCalledWith('[Onward] outbox full: dropped the 2 oldest message(s)');
  });

  it('clearDropped subtracts only what was reported', () => {
    const { outbox } = setup(1);
    ['m1', 'm2', 'm3'].forEach((id) => outbox.add(message(id)));
    outbox.commit();
    expect(outbox.dropped()).toBe(2);
    outbox.clearDropped(1);
    expect(outbox.dropped()).toBe(1);
    outbox.clearDropped(1);
    expect(outbox.dropped()).toBe(0);
  });

  it('removes by messageId, keeping what another tab added meanwhile', () => {
    const { outbox, open } = setup();
    outbox.add(message('m1'));
    outbox.commit();
    const otherTab = open();
    otherTab.add(message('m2'));
    otherTab.commit();
    outbox.remove(['m1']);
    expect(ids(open().entries())).toEqual(['m2']);
  });

  it('marks beaconed messages without removing them', () => {
    const { outbox, open } = setup();
    outbox.add(message('m1'));
    outbox.add(message('m2'));
    outbox.markBeaconed(['m1'], 123);
    const entries = open().entries();
    expect(entries).toEqual([
      { message: message('m1'), beaconAt: 123 },
      { message: message('m2') },
    ]);
  });

  it('treats corrupt storage as empty and recovers', () => {
    const { storage, outbox } = setup();
    storage.setItem(OUTBOX_KEYS.entries, '{not json');
    expect(outbox.entries()).toEqual([]);
    storage.setItem(OUTBOX_KEYS.entries, JSON.stringify([{ nope: 1 }, { message: message('m1') }]));
    expect(ids(outbox.entries())).toEqual(['m1']);
  });

  it('removes the key once empty', () => {
    const { storage, outbox } = setup();
    outbox.add(message('m1'));
    outbox.remove(['m1']);
    expect(storage.getItem(OUTBOX_KEYS.entries)).toBeNull();
  });
});
