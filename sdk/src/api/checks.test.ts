import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../shared/storage';
import { createMapStorage, createThrowingStorage } from '../testing/fakes';
import { disposeInstances, setupOnward as setup, trackInstance } from '../testing/onward-harness';
import { createOnward } from './create-onward';
import type { OnwardApi } from './types';

// Bad arguments reach the public methods from plain JavaScript: each is checked, logged in
// debug mode, and ignored; nothing reaches the host page.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  disposeInstances();
  vi.useRealTimers();
});

describe('never throws', () => {
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  const calls: [string, (onward: OnwardApi) => unknown][] = [
    ['identify()', (o) => (o.identify as (...a: unknown[]) => void)()],
    ['identify("")', (o) => o.identify('')],
    ['identify(id, "traits")', (o) => o.identify('u', 'traits' as never)],
    ['identify(id, {}, { userHash: 5 })', (o) => o.identify('u', {}, { userHash: 5 as never })],
    ['group(null)', (o) => o.group(null as never)],
    ['group(NaN)', (o) => o.group(Number.NaN)],
    ['track()', (o) => (o.track as (...a: unknown[]) => void)()],
    ['track("  ")', (o) => o.track('  ')],
    ['track(long)', (o) => o.track('x'.repeat(201))],
    ['track(e, [])', (o) => o.track('e', [] as never)],
    ['track(e, circular)', (o) => o.track('e', circular)],
    ['track(e, 40 KB)', (o) => o.track('e', { blob: 'x'.repeat(40_000) })],
    ['track(e, bigint)', (o) => o.track('e', { n: BigInt(1) })],
    ['page(5)', (o) => o.page(5 as never)],
    ['on("nope", fn)', (o) => o.on('nope' as never, () => {})],
    ['on("flow:started", "fn")', (o) => o.on('flow:started', 'fn' as never)],
    ['off(undefined)', (o) => (o.off as (...a: unknown[]) => void)()],
  ];

  it.each(calls)('%s is ignored with a debug warning', async (_name, call) => {
    const { onward, server, sink } = setup({ debug: true });
    expect(() => call(onward)).not.toThrow();
    await onward.flush();
    expect(server.messages()).toEqual([]);
    expect(sink.warn).toHaveBeenCalledOnce();
    expect(sink.warn.mock.calls[0]?.[0]).toMatch(/^\[Onward\] \w+: .+; call ignored$/s);
  });

  it('is silent about bad calls when debug is off', () => {
    const { onward, sink } = setup();
    onward.track('');
    expect(sink.warn).not.toHaveBeenCalled();
  });

  it('still works when every storage method throws', async () => {
    const { onward, sent } = setup({ storage: createThrowingStorage() });
    onward.identify('u_1');
    onward.track('Works');
    const messages = await sent();
    expect(messages.map((m) => m.type)).toEqual(['identify', 'track']);
    expect(messages[1]?.userId).toBe('u_1');
  });

  it('returns a callable unsubscribe from on, even for a bad call', () => {
    const { onward } = setup();
    const stop = onward.on('flow:started', () => {});
    expect(typeof stop).toBe('function');
    expect(() => stop()).not.toThrow();
    const ignored = onward.on('bad' as never, () => {});
    expect(() => ignored()).not.toThrow();
  });

  it('survives createOnward() with no options at all', () => {
    const onward = createOnward(undefined as never, {
      store: createStore(() => createMapStorage()),
      fetch: undefined,
      sendBeacon: undefined,
    });
    trackInstance(onward);
    expect(() => onward.track('x')).not.toThrow();
  });
});
