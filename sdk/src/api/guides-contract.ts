// The typed contract between the core and the lazily loaded guides chunk (entries/guides.ts).
// The core imports these types only, so none of the engine reaches the script-tag bundle.
import type { Bootstrap } from '../bootstrap/types';
import type { MessageFields } from './build-message';
import type { OnwardEvent, OnwardEventName, OnwardOptions, Properties } from './types';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { Store } from '../shared/storage';

/** What the host app did, as the engine sees it: its identify/group/track calls, and reset. */
export type GuidesInput = MessageFields | { type: 'reset' };

/** What the core hands the engine. */
export type GuidesDeps = {
  options: Partial<OnwardOptions>;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** The public `track` (guarded, through the outbox): how `Onward …` events leave. */
  track(event: string, properties: Properties): void;
  /** Emits to `Onward.on` listeners. */
  emit(name: OnwardEventName, event: OnwardEvent): void;
  /** Calls back after each SPA navigation (the core's history watcher); returns stop(). */
  watchUrl(onChange: () => void): () => void;
};

/** A running guides engine. Every method is safe to call at any time and never throws. */
export type Guides = {
  /** A new bootstrap answer: flows, progress, settings. */
  update(bootstrap: Bootstrap): void;
  saw(input: GuidesInput): void;
  /** `Onward.show(flowId)`: start a delivered flow now (solicited: no throttle). */
  show(flowId: string): void;
  /** `Onward.dismiss()`: close the flow on screen. */
  dismiss(): void;
  /** Removes the UI, stops triggers and observers. */
  stop(): void;
};

/**
 * The guides chunk's module shape. The builder chunk has the same shape and stands in for the
 * engine in builder mode; it gets the guides importer to run previews with the real engine.
 */
export type GuidesModule = { createGuides(deps: GuidesDeps, guides: Importer): Guides };

/** How a build brings the chunk in: `import(url)` for the script tag, `import('./guides')` for ESM. */
export type Importer = () => Promise<GuidesModule>;
