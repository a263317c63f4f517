import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock } from '../shared/clock';
import { waitFor } from '../flows/wait';
import { query } from '../flows/query';
import { describeTrigger, watchTrigger } from './index';
import type { TriggerContext } from './context';

/** A context whose navigation and tracked events the test drives by hand. */
function createContext(user: { daysInactive?: number | null; dormantAfterDays?: number } = {}) {
  const urls = new Set<() => void>();
  const tracks = new Set<(event: string) => void>();
  const clock = createClock();
  const ctx: TriggerContext = {
    where: () => location,
    onUrl: (handler) => (urls.add(handler), () => void urls.delete(handler)),
    onTrack: (handler) => (tracks.add(handler), () => void tracks.delete(handler)),
    onElement: (selector, handler) =>
      waitFor(
        () => query(document, selector),
        { clock, doc: document, timeoutMs: Infinity },
        () => handler(),
      ),
    daysInactive: () => user.daysInactive ?? null,
    dormantAfterDays: () => user.dormantAfterDays ?? 14,
  };
  const navigate = (url: string) => {
    history.pushState(null, '', url);
    urls.forEach((handler) => handler());
  };
  const track = (event: string) => tracks.forEach((handler) => handler(event));
  return { ctx, navigate, track, listeners: () => urls.size + tracks.size };
}

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/demo');
});
afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('page trigger', () => {
  it('holds while the URL matches: on load and after each navigation', () => {
    const { ctx, navigate, listeners } = createContext();
    const fire = vi.fn();
    const stop = watchTrigger({ type: 'page', url: '/demo/reports*', match: 'glob' }, ctx, fire);
    navigate('/demo/reports/7?tab=1');
    navigate('/demo/projects');
    expect(fire.mock.calls).toEqual([[false], [true], [false]]);
    stop();
    expect(listeners()).toBe(0);
  });

  it.each([
    ['exact', '/demo', true],
    ['exact', '/dem', false],
    ['prefix', '/de', true],
    ['regex', '^/demo$', true],
  ] as const)('match %s %s → %s', (match, url, expected) => {
    const fire = vi.fn();
    watchTrigger({ type: 'page', url, match }, createContext().ctx, fire)();
    expect(fire).toHaveBeenCalledExactlyOnceWith(expected);
  });
});

describe('event trigger', () => {
  it('fires when the host app tracks that event, and stops listening on stop()', () => {
    const { ctx, track, listeners } = createContext();
    const fire = vi.fn();
    const stop = watchTrigger({ type: 'event', event: 'Report Created' }, ctx, fire);
    track('Project Created');
    expect(fire).not.toHaveBeenCalled();
    track('Report Created');
    expect(fire).toHaveBeenCalledExactlyOnceWith(true);
    stop();
    track('Report Created');
    expect(fire).toHaveBeenCalledOnce();
    expect(listeners()).toBe(0);
  });
});

describe('element trigger', () => {
  it('fires once, when the selector first matches', async () => {
    const fire = vi.fn();
    const stop = watchTrigger(
      { type: 'element', selector: '.billing-alert' },
      createContext().ctx,
      fire,
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(fire).not.toHaveBeenCalled();
    document.body.innerHTML = '<div class="billing-alert"></div>';
    await vi.advanceTimersByTimeAsync(0);
    document.body.innerHTML += '<div class="billing-alert"></div>';
    await vi.advanceTimersByTimeAsync(1000);
    expect(fire).toHaveBeenCalledExactlyOnceWith(true);
    stop();
  });

  it('stop() before it appears leaves no observer or timer behind', async () => {
    const fire = vi.fn();
    watchTrigger({ type: 'element', selector: '#x' }, createContext().ctx, fire)();
    document.body.innerHTML = '<i id="x"></i>';
    await vi.advanceTimersByTimeAsync(1000);
    expect(fire).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('return trigger', () => {
  it.each([
    [{ daysInactive: 14, dormantAfterDays: 14 }, undefined, true],
    [{ daysInactive: 13.9, dormantAfterDays: 14 }, undefined, false],
    [{ daysInactive: 31 }, 30, true],
    [{ daysInactive: 20 }, 30, false],
    [{ daysInactive: null }, 1, false],
  ])('%j with afterDays %s → %s', (user, afterDays, fires) => {
    const fire = vi.fn();
    watchTrigger({ type: 'return', afterDays }, createContext(user).ctx, fire)();
    expect(fire.mock.calls).toEqual(fires ? [[true]] : []);
  });
});

describe('manual trigger', () => {
  it('never fires by itself', () => {
    const { ctx, navigate, track } = createContext();
    const fire = vi.fn();
    watchTrigger({ type: 'manual' }, ctx, fire);
    navigate('/demo/x');
    track('Anything');
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('describeTrigger', () => {
  it.each([
    [{ type: 'page', url: '/demo*', match: 'glob' }, 'page /demo* (glob)'],
    [{ type: 'event', event: 'Report Created' }, 'event "Report Created"'],
    [{ type: 'element', selector: '#x' }, 'element #x'],
    [{ type: 'return' }, 'return after dormantAfterDays days inactive'],
    [{ type: 'manual' }, 'manual (Onward.show or ?onward_flow=)'],
  ] as const)('%j', (trigger, text) => {
    expect(describeTrigger(trigger)).toBe(text);
  });
});
