// The guides' foothold in the core: watches the bootstrap and loads the guides chunk only when
// there is something to show (a delivered flow, Onward.show, or a ?onward_flow= deep link).
import type { BootstrapClientDeps } from '../bootstrap';
import { watchBootstrap } from '../bootstrap';
import type { BootstrapWatch } from '../bootstrap';
import type { Ids } from '../identity/identity';
import { createLoader } from '../loader';
import type { GuidesDeps, GuidesInput, Importer } from './guides-contract';
import { getWindow } from '../shared/env';

/** The longest the first bootstrap waits for what an earlier page load left unsent. */
export const INHERITED_WAIT_MS = 3000;

export type GuidesHost = {
  /** Starts watching the bootstrap (after the snippet's queued calls have run). */
  start(): void;
  saw(input: GuidesInput): void;
  show(flowId: string): void;
  dismiss(): void;
  refresh(): void;
  stop(): void;
};

/**
 * Creates the host; nothing is fetched before `start()`.
 *
 * @example
 * const guides = createGuidesHost({ ...client, ids: identity.get, importer, engine: deps });
 * guides.start();
 */
export function createGuidesHost(
  deps: BootstrapClientDeps & {
    ids: () => Ids;
    importer: Importer;
    /** The builder chunk: in builder mode it stands in for the engine. */
    builder?: Importer | undefined;
    engine: GuidesDeps;
    /** Delivers the outbox, so a refreshed bootstrap sees the traits just identified. */
    flush: () => Promise<void>;
    /** Whether an earlier page load left messages in the outbox that are not confirmed. */
    inherited: boolean;
  },
): GuidesHost {
  const { logger } = deps.engine;
  let importer = deps.importer;
  const guides = createLoader(
    () => importer().then((module) => module.createGuides(deps.engine, deps.importer)),
    (error) => logger.warn('guides', error),
  );
  let watch: BootstrapWatch | undefined;
  const refresh = (): void => watch?.refresh();
  return {
    start() {
      const search = getWindow()?.location.search ?? '';
      // Opened by the dashboard's picker or preview: the builder chunk runs instead of the
      // engine, and this page's own flows stay away (no bootstrap).
      if (deps.builder && /[?&]onward_(builder|preview)=/.test(search)) {
        importer = deps.builder;
        return guides.load();
      }
      watch ??= watchBootstrap({
        ...deps,
        // A step seen or a user identified just before a reload may still be on its way, and
        // the server answers progress and audience from what it has: a flow would start over.
        after:
          deps.inherited &&
          Promise.race([
            deps.flush(),
            new Promise<void>((wake) => deps.clock.setTimeout(wake, INHERITED_WAIT_MS)),
          ]),
        debug: logger.isEnabled,
        onAnswer(bootstrap) {
          guides.call((engine) => engine.update(bootstrap));
          if (bootstrap.flows.length) guides.load();
        },
        onError: (error) => logger.warn(`bootstrap: ${error}`),
      });
      if (/[?&]onward_flow=/.test(search)) guides.load();
    },
    saw(input) {
      if (input.type === 'page') return;
      guides.call((engine) => engine.saw(input));
      // Audience rules read identify and group traits on the server: deliver them, then ask.
      if (input.type !== 'track') deps.flush().then(refresh, refresh);
    },
    show(flowId) {
      guides.call((engine) => engine.show(flowId));
      guides.load();
    },
    dismiss: () => guides.call((engine) => engine.dismiss()),
    refresh,
    stop() {
      watch?.stop();
      guides.stop();
    },
  };
}
