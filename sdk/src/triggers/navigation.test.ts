import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock } from '../shared/clock';
import { watchNavigation } from './navigation';

let stop: () => void = () => {};
// Checks run one timer tick after the event; 1 ms also covers fake timers' 0 ms → 1 ms rule.
const tick = () => vi.advanceTimersByTimeAsync(1);
const changes: string[] = [];
const start = () => {
  stop = watchNavigation({
    clock: createClock(),
    onChange: (url) => changes.push(url),
    onError: () => {},
  });
};

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/start');
  changes.length = 0;
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('watchNavigation', () => {
  it('reports a pushState navigation once the router is done', async () => {
    start();
    history.pushState({}, '', '/projects');
    document.title = 'Projects';
    expect(changes).toEqual([]);
    await tick();
    expect(changes).toEqual([`${location.origin}/projects`]);
  });

  it('ignores replaceState to the same URL, and coalesces calls in one tick', async () => {
    start();
    history.replaceState({ scroll: 1 }, '', '/start');
    await tick();
    expect(changes).toEqual([]);
    history.pushState({}, '', '/a');
    history.replaceState({}, '', '/b');
    await tick();
    expect(changes).toEqual([`${location.origin}/b`]);
  });

  it('reports hash changes and back/forward (popstate)', async () => {
    // The browser changes the URL itself, then fires the event; the unwrapped method does that.
    const silently = history.replaceState.bind(history);
    start();
    silently(null, '', '/start#/settings');
    window.dispatchEvent(new Event('hashchange'));
    await tick();
    expect(changes).toEqual([`${location.origin}/start#/settings`]);
    silently(null, '', '/previous');
    window.dispatchEvent(new Event('popstate'));
    await tick();
    expect(changes).toEqual([`${location.origin}/start#/settings`, `${location.origin}/previous`]);
    // An event without a URL change (a popstate after a hash link, say) sends nothing.
    window.dispatchEvent(new Event('popstate'));
    await tick();
    expect(changes).toHaveLength(2);
  });

  it('calls the original history methods first and lets their errors through', () => {
    const original = history.pushState;
    const calls: unknown[] = [];
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      calls.push(args[2]);
      if (args[2] === '/boom') throw new DOMException('insecure', 'SecurityError');
      return original.apply(this, args);
    };
    try {
      start();
      history.pushState({}, '', '/ok');
      expect(calls).toEqual(['/ok']);
      expect(location.pathname).toBe('/ok');
      expect(() => history.pushState({}, '', '/boom')).toThrow('insecure');
    } finally {
      stop();
      history.pushState = original;
    }
  });

  it('restores history on stop and stays silent afterwards', async () => {
    const { pushState, replaceState } = history;
    start();
    expect(history.pushState).not.toBe(pushState);
    stop();
    expect(history.pushState).toBe(pushState);
    expect(history.replaceState).toBe(replaceState);
    history.pushState({}, '', '/after');
    window.dispatchEvent(new Event('popstate'));
    await tick();
    expect(changes).toEqual([]);
  });

  it('reports a throwing onChange instead of breaking navigation', async () => {
    const onError = vi.fn();
    stop = watchNavigation({
      clock: createClock(),
      onChange: () => {
        throw new Error('bad');
      },
      onError,
    });
    expect(() => history.pushState({}, '', '/x')).not.toThrow();
    await tick();
    expect(onError).toHaveBeenCalledOnce();
  });
});
