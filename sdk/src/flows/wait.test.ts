import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock } from '../shared/clock';
import { waitFor } from './wait';

const deps = (timeoutMs: number) => ({ clock: createClock(), doc: document, timeoutMs });
const find = () => document.querySelector('#late');

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('waitFor', () => {
  it('answers at once when the element is there', () => {
    document.body.innerHTML = '<p id="late"></p>';
    const onFound = vi.fn();
    waitFor(find, deps(100), onFound);
    expect(onFound).toHaveBeenCalledWith(document.querySelector('#late'));
  });

  it('sees an element added later through the MutationObserver, before any poll', async () => {
    const onFound = vi.fn();
    waitFor(find, deps(5000), onFound);
    document.body.insertAdjacentHTML('beforeend', '<p id="late"></p>');
    await vi.advanceTimersByTimeAsync(0);
    expect(onFound).toHaveBeenCalledOnce();
    expect(onFound.mock.calls[0]?.[0]).toBe(document.querySelector('#late'));
  });

  it('gives null once at the timeout, and nothing after', async () => {
    const onFound = vi.fn();
    waitFor(find, deps(1000), onFound);
    await vi.advanceTimersByTimeAsync(999);
    expect(onFound).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onFound).toHaveBeenCalledExactlyOnceWith(null);
    document.body.innerHTML = '<p id="late"></p>';
    await vi.advanceTimersByTimeAsync(2000);
    expect(onFound).toHaveBeenCalledOnce();
  });

  it('stop() ends the wait: no observer, no timers', async () => {
    const onFound = vi.fn();
    const stop = waitFor(find, deps(1000), onFound);
    stop();
    document.body.innerHTML = '<p id="late"></p>';
    await vi.advanceTimersByTimeAsync(2000);
    expect(onFound).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('polls for what the observer cannot see, for ever when the timeout is Infinity', async () => {
    let found: Element | null = null;
    const onFound = vi.fn();
    waitFor(() => found, deps(Infinity), onFound);
    await vi.advanceTimersByTimeAsync(60_000);
    found = document.body;
    await vi.advanceTimersByTimeAsync(250);
    expect(onFound).toHaveBeenCalledExactlyOnceWith(document.body);
  });
});
