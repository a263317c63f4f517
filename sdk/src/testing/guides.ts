// Test doubles for the guides engine: flow and bootstrap factories, a fake Ui that records what
// it was asked to draw, and an engine wired to them on the happy-dom page. Never bundled.
import { afterEach, beforeEach, vi } from 'vitest';
import type { DeliveredFlow, Step } from '@onward/server/contracts';
import type { Properties, OnwardEvent, OnwardEventName } from '../api/types';
import type { Bootstrap } from '../bootstrap/types';
import type { GuidesDeps, GuidesModule } from '../api/guides-contract';
import { createEngine } from '../flows/engine';
import { createClock } from '../shared/clock';
import { createLogger } from '../shared/logger';
import { createStore } from '../shared/storage';
import { watchNavigation } from '../triggers/navigation';
import type { MountUi, StepCallbacks, StepView, UiOptions } from '../ui/types';
import { createMapStorage, createSpyConsole } from './fakes';

/** A step as the server's schema outputs it (defaults filled in): a modal titled by its id. */
export function createStep(step: Partial<Step> & { id: string }): Step {
  return {
    type: 'modal',
    placement: 'auto',
    content: { en: { title: step.id } },
    advance: { on: 'next' },
    spotlight: false,
    position: 'top',
    inline: false,
    ...step,
  };
}

/** A delivered flow: version 1, manual trigger, no progress, steps `s1`… unless given. */
export function createFlow(flow: Partial<DeliveredFlow> & { id: string }): DeliveredFlow {
  return {
    name: flow.id,
    kind: 'tour',
    trigger: { type: 'manual' },
    frequency: 'once',
    priority: 0,
    holdout: 0,
    steps: [createStep({ id: 's1' })],
    version: 1,
    heldOut: false,
    progress: null,
    ...flow,
  };
}

/** A bootstrap answer with these flows. */
export function createBootstrap(
  flows: DeliveredFlow[],
  rest: Partial<Omit<Bootstrap, 'flows'>> = {},
): Bootstrap {
  return {
    flows,
    settings: { throttleHours: 0, theme: {} },
    user: { verified: true, daysInactive: 0, dormantAfterDays: 14 },
    ...rest,
  };
}

/** A Ui that records renders; `current()` is what is on screen (null after clear). */
export function createFakeUi() {
  const renders: { view: StepView; callbacks: StepCallbacks }[] = [];
  const mounts: UiOptions[] = [];
  let current: { view: StepView; callbacks: StepCallbacks } | null = null;
  let destroyed = 0;
  const mount: MountUi = (options) => {
    mounts.push(options);
    return {
      render(view, callbacks) {
        current = { view, callbacks };
        renders.push(current);
      },
      clear: () => void (current = null),
      destroy() {
        current = null;
        destroyed++;
      },
    };
  };
  const on = () => {
    if (!current) throw new Error('nothing on screen');
    return current;
  };
  return {
    mount,
    renders,
    mounts,
    destroyed: () => destroyed,
    current: () => current,
    /** `flowId/stepId` on screen, or null. */
    shown: () => (current ? `${current.view.flowId}/${current.view.step.id}` : null),
    /** The callbacks of what is on screen. */
    cb: () => on().callbacks,
    view: () => on().view,
  };
}

export type EngineSetup = {
  storage?: Storage;
  targetWait?: number;
  language?: string;
  debug?: boolean;
  options?: { targetWait?: number };
};

/**
 * An engine on the test page, its `Onward …` events recorded in `sent` (and fed back to it, as
 * the core does), listener events in `emitted`.
 *
 * @example
 * const { engine, ui, sent } = setupEngine();
 * engine.update(createBootstrap([createFlow({ id: 'f' })]));
 */
export function setupEngine(setup: EngineSetup = {}) {
  const ui = createFakeUi();
  const storage = setup.storage ?? createMapStorage();
  const sink = createSpyConsole();
  const logger = createLogger(setup.debug ?? false, sink.console);
  const clock = createClock();
  const sent: { event: string; properties: Properties }[] = [];
  const emitted: [OnwardEventName, OnwardEvent][] = [];
  const navigate = vi.fn<(href: string) => void>();
  const engine = createEngine({
    options: setup.options ?? {},
    store: createStore(() => storage),
    clock,
    logger,
    track(event, properties) {
      sent.push({ event, properties });
      engine.saw({ type: 'track', event, properties });
    },
    emit: (name, event) => void emitted.push([name, event]),
    watchUrl: (onChange) =>
      watchNavigation({ clock, onChange, onError: (e) => logger.warn('nav', e) }),
    mountUi: ui.mount,
    doc: document,
    where: () => location,
    navigate,
    language: () => setup.language ?? 'en-US',
    targetWait: setup.targetWait ?? 5000,
  });
  /** The host app tracking an event. */
  const track = (event: string, properties: Properties = {}) =>
    engine.saw({ type: 'track', event, properties });
  /** `Onward …` events sent, as `Name flowId/stepIndex`. */
  const events = () =>
    sent.map(({ event, properties: p }) =>
      [event, [p.flowId, p.stepIndex].filter((x) => x !== undefined).join('/')].join(' '),
    );
  return { engine, ui, sent, events, emitted, storage, sink, navigate, track };
}

/** Lets microtasks, 0 ms timers and navigation checks run. */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await vi.advanceTimersByTimeAsync(0);
}

/**
 * A server for createOnward: answers GET /v1/sdk/bootstrap with `bootstrap()` and POST /v1/batch
 * with 200, recording both.
 *
 * @example
 * const api = createFakeApi(() => createBootstrap([]));
 */
export function createFakeApi(bootstrap: () => Bootstrap = () => createBootstrap([])) {
  const bootstraps: URL[] = [];
  const batches: { batch: Record<string, unknown>[] }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const body = url.includes('/v1/sdk/bootstrap')
      ? (bootstraps.push(new URL(url)), bootstrap())
      : (batches.push(JSON.parse(String(init.body))), { accepted: 1, duplicates: 0, rejected: [] });
    return { status: 200, headers: { get: () => null }, text: async () => JSON.stringify(body) };
  });
  const messages = () => batches.flatMap((request) => request.batch);
  return { fetch, bootstraps, messages };
}

/** A guides module whose engine records every call as `method arg`. */
export function createFakeGuides() {
  const calls: string[] = [];
  const deps: GuidesDeps[] = [];
  const describe = (value: unknown) =>
    typeof value === 'string'
      ? value
      : ((value as { type?: string; flows?: unknown[] }).type ??
        `${(value as { flows: unknown[] }).flows.length} flows`);
  const module: GuidesModule = {
    createGuides(given) {
      deps.push(given);
      const record = (name: string) => (arg?: unknown) =>
        void calls.push(arg === undefined ? name : `${name} ${describe(arg)}`);
      return {
        update: record('update'),
        saw: record('saw'),
        show: record('show'),
        dismiss: record('dismiss'),
        stop: record('stop'),
      };
    },
  };
  const importer = vi.fn(async () => module);
  return { module, importer, calls, deps };
}

/**
 * For an engine test file: fake timers at 2024-05-01 on /app before each test, and every engine a
 * test started stopped after it (with an empty body when `cleanBody`). Returns `setup`.
 */
export function useEngines({ cleanBody = false } = {}) {
  const stops: (() => void)[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2024, 4, 1) });
    history.replaceState(null, '', '/app');
    if (cleanBody) document.body.innerHTML = '';
  });
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    if (cleanBody) document.body.innerHTML = '';
    vi.useRealTimers();
  });
  return (...args: Parameters<typeof setupEngine>): ReturnType<typeof setupEngine> => {
    const made = setupEngine(...args);
    stops.push(made.engine.stop);
    return made;
  };
}
