// The only place a chunk enters the core: starts what a chunk exports once, on demand, and queues
// (up to 50) calls for it until it is there. A failed load is logged and the next load() retries.

/** What a started chunk must offer: a way to stop it. */
export type Started = { stop(): void };

export type Loader<T extends Started> = {
  /** Runs `fn` on the started chunk now, or once it has loaded. */
  call(fn: (started: T) => void): void;
  /** Loads the chunk and starts it (once). */
  load(): void;
  stop(): void;
};

/**
 * @example
 * const guides = createLoader(() => importer().then((m) => m.createGuides(deps)), log.warn);
 * guides.call((engine) => engine.update(bootstrap));
 * guides.load();
 */
export function createLoader<T extends Started>(
  start: () => Promise<T>,
  onError: (error: unknown) => void,
): Loader<T> {
  const queue: ((started: T) => void)[] = [];
  let chunk: T | undefined;
  let loading = false;
  let stopped = false;
  return {
    call(fn) {
      if (chunk) fn(chunk);
      else if (queue.push(fn) > 50) queue.shift();
    },
    load() {
      if (loading || stopped) return;
      loading = true;
      start()
        .then((started) => {
          if (stopped) return started.stop();
          chunk = started;
          queue.splice(0).forEach((fn) => fn(started));
        })
        .catch((error: unknown) => {
          loading = false;
          onError(error);
        });
    },
    stop() {
      stopped = true;
      chunk?.stop();
    },
  };
}
