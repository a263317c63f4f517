// Drains the snippet's queue into the real instance. The queue is copied and emptied first,
// then its push and methods forward straight to the instance: a call made during replay
// (by a handler, or by code holding the old stub) runs once and can never loop.

/** A call recorded by the snippet: `[method, ...args]`. */
export type QueuedCall = [method: string, ...args: unknown[]];

const invoke = (api: object, call: unknown): void => {
  if (!Array.isArray(call) || typeof call[0] !== 'string') return;
  const method: unknown = (api as Record<string, unknown>)[call[0]];
  if (typeof method !== 'function') return;
  try {
    method.apply(api, call.slice(1));
  } catch {
    // Public methods never throw; this guards an unexpected queue entry.
  }
};

/**
 * Replays the calls the snippet queued on `queue`, in order, into `api`; returns how many ran.
 * Anything that is not the snippet's array is ignored.
 *
 * @example
 * const queue = window.Onward; // the snippet's array
 * window.Onward = onward;
 * replayQueue(queue, onward);
 */
export function replayQueue(queue: unknown, api: object): number {
  if (!Array.isArray(queue)) return 0;
  const snapshot: unknown[] = queue.slice();
  queue.length = 0;
  const stub = queue as unknown[] & Record<string, unknown>;
  stub.push = (...calls: unknown[]): number => {
    calls.forEach((call) => invoke(api, call));
    return 0;
  };
  for (const name of Object.keys(stub)) {
    if (typeof stub[name] === 'function' && name !== 'push') {
      stub[name] = (...args: unknown[]) => invoke(api, [name, ...args]);
    }
  }
  snapshot.forEach((call) => invoke(api, call));
  return snapshot.length;
}
