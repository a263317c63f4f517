// The only place a chunk enters the core: starts the guides engine once, on demand, and queues
// (up to 50) calls for it until it is there. A failed load is logged and the next load() retries.
import type { Guides } from './types';

export type { Guides, GuidesDeps, GuidesInput, GuidesModule, Importer } from './types';

export type Loader = {
  /** Runs `fn` on the engine now, or once it has loaded. */
  call(fn: (guides: Guides) => void): void;
  /** Loads the chunk and starts the engine (once). */
  load(): void;
  stop(): void;
};

/**
 * @example
 * const guides = createLoader(() => importer().then((m) => m.createGuides(deps)), log.warn);
 * guides.call((engine) => engine.update(bootstrap));
 * guides.load();
 */
export function createLoader(
  start: () => Promise<Guides>,
  onError: (error: unknown) => void,
): Loader {
  const queue: ((guides: Guides) => void)[] = [];
  let guides: Guides | undefined;
  let loading = false;
  let stopped = false;
  return {
    call(fn) {
      if (guides) fn(guides);
      else if (queue.push(fn) > 50) queue.shift();
    },
    load() {
      if (loading || stopped) return;
      loading = true;
      start()
        .then((started) => {
          if (stopped) return started.stop();
          guides = started;
          queue.splice(0).forEach((fn) => fn(started));
        })
        .catch((error: unknown) => {
          loading = false;
          onError(error);
        });
    },
    stop() {
      stopped = true;
      guides?.stop();
    },
  };
}
