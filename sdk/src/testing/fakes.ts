// Test doubles shared by the unit tests: a fetch that records requests, a console that
// records lines, and storages that fail the ways real browsers do. Never bundled.
import { vi } from 'vitest';
import type { BatchInput } from '@onward/server/contracts';
import type { FetchLike, FetchResponse } from '../shared/env';

/** One request the fake fetch received. */
export type Captured = { url: string; init: RequestInit; body: BatchInput };

/** How the fake server answers request number `index`; throw for a network error. */
export type Responder = (
  request: Captured,
  index: number,
) => {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

/**
 * A fetch that records each request and answers with `respond` (200 and no rejections by default).
 *
 * @example
 * const server = createFakeFetch(() => ({ status: 503 }));
 */
export function createFakeFetch(
  respond: Responder = () => ({ status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } }),
) {
  const requests: Captured[] = [];
  const fetch: FetchLike = async (url, init) => {
    const request = { url, init, body: JSON.parse(String(init.body)) as BatchInput };
    requests.push(request);
    const answer = respond(request, requests.length - 1);
    const response: FetchResponse = {
      status: answer.status,
      headers: { get: (name) => answer.headers?.[name] ?? null },
      text: async () => JSON.stringify(answer.body ?? {}),
    };
    return response;
  };
  /** Every message sent, in order, across requests. */
  const messages = () => requests.flatMap((request) => request.body.batch);
  return { fetch, requests, messages };
}

/**
 * A console whose `log` and `warn` are spies.
 *
 * @example
 * const sink = createSpyConsole();
 * expect(sink.warn).toHaveBeenCalledOnce();
 */
export function createSpyConsole() {
  const log = vi.fn();
  const warn = vi.fn();
  return { log, warn, console: { ...console, log, warn } as Console };
}

/**
 * A Storage whose every method throws, like Safari's private mode of old or a hostile page.
 *
 * @example
 * createStore(() => createThrowingStorage());
 */
export function createThrowingStorage(): Storage {
  const fail = (): never => {
    throw new DOMException('denied', 'SecurityError');
  };
  return {
    getItem: fail,
    setItem: fail,
    removeItem: fail,
    clear: fail,
    key: fail,
    get length(): number {
      return fail();
    },
  };
}

/**
 * A Storage backed by a Map, so several SDK instances can share it like tabs do.
 *
 * @example
 * const shared = createMapStorage();
 */
export function createMapStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}
