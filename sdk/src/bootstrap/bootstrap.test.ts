import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock } from '../shared/clock';
import type { FetchLike } from '../shared/env';
import { createBootstrap, createFlow } from '../testing/guides';
import { STALE_AFTER_MS, fetchBootstrap, watchBootstrap } from './index';

const ids = { anonymousId: 'anon-1', userId: 'u 1', groupId: null, userHash: 'abc' };
const answer = createBootstrap([createFlow({ id: 'tour' })]);

/** A fetch answering `respond(url)`: a status and body, or a throw for a network error. */
function createServer(
  respond: (url: string) => { status: number; body?: unknown } | Promise<never>,
) {
  const urls: string[] = [];
  const fetch: FetchLike = vi.fn(async (url: string) => {
    urls.push(url);
    const { status, body } = await respond(url);
    return { status, headers: { get: () => null }, text: async () => JSON.stringify(body) };
  });
  return { fetch, urls };
}
const client = (fetch: FetchLike | undefined, timeoutMs?: number) => ({
  apiHost: 'https://api.test',
  writeKey: 'pk_1',
  fetch,
  clock: createClock(),
  timeoutMs,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('fetchBootstrap', () => {
  it('GETs the bootstrap with the write key and the ids that are set', async () => {
    const server = createServer(() => ({ status: 200, body: answer }));
    expect(await fetchBootstrap(client(server.fetch), ids, false)).toEqual(answer);
    expect(server.urls).toEqual([
      'https://api.test/v1/sdk/bootstrap?writeKey=pk_1&anonymousId=anon-1&userId=u+1&userHash=abc',
    ]);
    expect(server.fetch).toHaveBeenCalledWith(server.urls[0], {});
    await fetchBootstrap(client(server.fetch), ids, true);
    expect(server.urls[1]).toMatch(/&debug=1$/);
  });

  it.each([
    ['a refused key', () => ({ status: 401, body: { error: {} } }), 'HTTP 401'],
    ['a server error', () => ({ status: 503 }), 'HTTP 503'],
    ['an answer without flows', () => ({ status: 200, body: { settings: {} } }), 'no flows'],
    [
      'a network error',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'TypeError: Failed to fetch',
    ],
  ])('answers %s with a string, never a throw', async (_name, respond, error) => {
    const server = createServer(respond as never);
    await expect(fetchBootstrap(client(server.fetch), ids, false)).resolves.toBe(error);
  });

  it('gives up after the timeout', async () => {
    const server = createServer(() => new Promise<never>(() => {}));
    const result = fetchBootstrap(client(server.fetch, 3000), ids, false);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(result).resolves.toBe('timeout');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('answers without fetch (outside browsers)', async () => {
    await expect(fetchBootstrap(client(undefined), ids, false)).resolves.toMatch(/TypeError/);
  });
});

describe('watchBootstrap', () => {
  const setup = (respond: (url: string) => { status: number; body?: unknown } | Promise<never>) => {
    const server = createServer(respond);
    const onAnswer = vi.fn();
    const onError = vi.fn();
    let debug = false;
    const watch = watchBootstrap({
      ...client(server.fetch),
      ids: () => ids,
      debug: () => debug,
      onAnswer,
      onError,
    });
    return { watch, server, onAnswer, onError, setDebug: (on: boolean) => (debug = on) };
  };

  it('fetches once on start and once per burst of refreshes', async () => {
    const { watch, server, onAnswer } = setup(() => ({ status: 200, body: answer }));
    watch.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.urls).toHaveLength(1);
    watch.refresh();
    watch.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.urls).toHaveLength(2);
    expect(onAnswer).toHaveBeenCalledTimes(2);
    expect(onAnswer).toHaveBeenCalledWith(answer);
    watch.stop();
  });

  it('asks with debug=1 while debug is on, and reports failures', async () => {
    const { watch, server, onError, setDebug } = setup(() => ({ status: 500 }));
    setDebug(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.urls[0]).toMatch(/debug=1/);
    expect(onError).toHaveBeenCalledWith('HTTP 500');
    watch.stop();
  });

  it('drops an answer that a newer request overtook', async () => {
    const slow = answer;
    const fast = createBootstrap([]);
    let calls = 0;
    const { watch, onAnswer } = setup(() =>
      ++calls === 1
        ? (new Promise((resolve) =>
            setTimeout(() => resolve({ status: 200, body: slow }), 500),
          ) as never)
        : { status: 200, body: fast },
    );
    await vi.advanceTimersByTimeAsync(0);
    watch.refresh();
    await vi.advanceTimersByTimeAsync(1000);
    expect(onAnswer.mock.calls).toEqual([[fast]]);
    watch.stop();
  });

  it('fetches again when the tab becomes visible after 5 minutes, not sooner', async () => {
    const { watch, server } = setup(() => ({ status: 200, body: answer }));
    await vi.advanceTimersByTimeAsync(0);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.urls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(STALE_AFTER_MS);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.urls).toHaveLength(2);
    watch.stop();
    await vi.advanceTimersByTimeAsync(STALE_AFTER_MS);
    document.dispatchEvent(new Event('visibilitychange'));
    watch.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.urls).toHaveLength(2);
  });
});
