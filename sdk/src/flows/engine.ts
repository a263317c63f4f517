// The guides engine (sdk/flows), loaded lazily with the ui: turns bootstrap flows and the host
// app's calls into flows on screen. One flow at a time, by priority: a higher-priority flow
// that wants the screen pauses a lower one started by a trigger, which comes back at its step.
import type { DeliveredFlow } from '@onward/server/contracts';
import type { Bootstrap } from '../bootstrap/types';
import type { Guides, GuidesDeps, GuidesInput } from '../api/guides-contract';
import type { MountUi, Ui } from '../ui/types';
import { matchUrl, watchTrigger } from '../triggers';
import type { TriggerContext, Where } from '../triggers';
import { doneItems, itemsOf, markItems } from './checklist';
import type { Personal } from './content';
import { createReport } from './events';
import { explain } from './explain';
import { query } from './query';
import { createRunner } from './runner';
import type { Runner } from './runner';
import { createThrottle } from './throttle';
import { buildView } from './view';
import { waitFor } from './wait';

export type EngineDeps = GuidesDeps & {
  mountUi: MountUi;
  doc: Document;
  where(): Where;
  /** CTA links and checklist items: a same-origin path loads in place, others in a new tab. */
  navigate(href: string): void;
  /** The browser's language (`navigator.language`). */
  language(): string | undefined;
  /** How long tooltips and hotspots wait for their target, in ms. */
  targetWait: number;
};

type Entry = { flow: DeliveredFlow; active: boolean; at: number | null; stop: () => void };
type Running = { entry: Entry; runner: Runner; solicited: boolean; status(): string };

/** Traits given to identify and group on this device, for personalisation. */
export const TRAITS_KEY = 'onward:traits';

/**
 * @example
 * const guides = createEngine({ ...deps, mountUi, doc: document, where: () => location, … });
 * guides.update(bootstrap);
 */
export function createEngine(deps: EngineDeps): Guides {
  const { store, clock, logger, doc } = deps;
  const log = (flowId: string, text: string): void => logger.debug(`flow ${flowId}: ${text}`);
  const report = createReport(deps);
  const throttle = createThrottle(store, clock);
  const urlHandlers = new Set<() => void>();
  const trackHandlers = new Set<(event: string) => void>();
  const subscribe = <T>(set: Set<T>, handler: T) => (
    set.add(handler),
    () => void set.delete(handler)
  );
  const entries = new Map<string, Entry>();
  /** Flows that ended in this page session: how, and when. */
  const done = new Map<string, { how: string; at: number }>();
  let running: Running | undefined;
  let mounted: { ui: Ui; key: string } | undefined;
  let boot: Bootstrap | undefined;
  let daysInactive: number | null = null;
  let traits = readTraits();
  let linked = '';
  /** Onward.show calls that came before the first bootstrap. */
  const early: string[] = [];
  let scheduled = false;
  let explaining = false;
  let stopped = false;

  function readTraits(): Personal {
    try {
      const value = JSON.parse(store.get(TRAITS_KEY) ?? '{}') as Partial<Personal>;
      return { user: value.user ?? {}, account: value.account ?? {} };
    } catch {
      return { user: {}, account: {} };
    }
  }
  const here = (pattern: string): boolean =>
    matchUrl(pattern, pattern.includes('*') ? 'glob' : 'exact', deps.where());
  const find = (selector: string, timeoutMs: number, onFound: (el: Element | null) => void) =>
    waitFor(() => query(doc, selector), { clock, doc, timeoutMs }, onFound);
  const throttledUntil = (): number => throttle.until(boot?.settings.throttleHours ?? 0);

  const ctx: TriggerContext = {
    where: deps.where,
    onUrl: (handler) => subscribe(urlHandlers, handler),
    onTrack: (handler) => subscribe(trackHandlers, handler),
    onElement: (selector, handler) => find(selector, Infinity, () => handler()),
    daysInactive: () => daysInactive,
    dormantAfterDays: () => boot?.user.dormantAfterDays ?? 14,
  };

  /** The ui, mounted again when a flow brings its own theme overrides. */
  const uiFor = (flow: DeliveredFlow): Ui => {
    const theme = { ...boot?.settings.theme, ...flow.theme };
    const key = JSON.stringify(theme);
    if (mounted?.key === key) return mounted.ui;
    mounted?.ui.destroy();
    return (mounted = { ui: deps.mountUi({ doc, theme }), key }).ui;
  };

  /** Whether a flow may resume at step `index` on this page. */
  const pageOk = (entry: Entry, index: number): boolean => {
    const url = entry.flow.steps[index]?.url;
    return url ? here(url) : entry.flow.trigger.type !== 'page' || entry.active;
  };
  // A flow started by its page trigger leaves when the page no longer matches, and comes back
  // at the same step later; a step with its own URL waits instead (multi-page tours).
  const leaves = ({ entry, runner, solicited }: Running): boolean =>
    !solicited && !runner.step()?.url && entry.flow.trigger.type === 'page' && !entry.active;

  const run = (entry: Entry, at: number, fresh: boolean, solicited: boolean): void => {
    const { flow } = entry;
    let status = 'starting';
    entry.at = null;
    done.delete(flow.id);
    const runner = createRunner({
      flow,
      report,
      ui: {
        render: (view, callbacks) => uiFor(flow).render(view, callbacks),
        clear: () => mounted?.ui.clear(),
      },
      view: (index, target) =>
        buildView({
          flow,
          index,
          target,
          locale: String(traits.user.locale ?? '') || deps.language(),
          traits,
          done: doneItems(store, flow.id),
        }),
      here,
      findTarget: (selector, onFound) => find(selector, deps.targetWait, onFound),
      query: (selector) => query(doc, selector),
      href: () => deps.where().href,
      allDone: () => itemsOf(flow).every((item) => doneItems(store, flow.id).has(item.id)),
      cta: (button) => {
        if (button.action === 'flow' && button.flowId) show(button.flowId, 'button');
        else if (button.href) deps.navigate(button.href);
      },
      item: (item) => {
        if (item.action && 'flowId' in item.action) show(item.action.flowId, 'checklist');
        else if (item.action) deps.navigate(item.action.href);
      },
      onEnd: (how) => {
        if (running !== current) return;
        running = undefined;
        done.set(flow.id, { how, at: clock.now() });
        if (how === 'completed') completed(flow.id);
        schedule();
      },
      onError: (error) => logger.warn(`flow ${flow.id}`, error),
      status: (text) => {
        status = text;
        log(flow.id, text);
      },
    });
    const current: Running = { entry, runner, solicited, status: () => status };
    running = current;
    log(
      flow.id,
      `${fresh ? 'starts' : 'resumes'} at step ${at + 1}${solicited ? ' (asked for)' : ''}`,
    );
    runner.start(at, fresh);
  };

  /** Takes the flow off screen without an event; it resumes at its step later. */
  const pause = (): void => {
    const current = running;
    if (!current) return;
    running = undefined;
    current.entry.at = current.runner.index();
    current.runner.stop();
    log(current.entry.flow.id, `paused at step ${current.entry.at + 1}`);
  };

  const holdOut = (entry: Entry): void => {
    report('Flow Held Out', entry.flow);
    done.set(entry.flow.id, { how: 'held out (Onward Flow Held Out sent, nothing shown)', at: 0 });
    log(entry.flow.id, 'held out (no UI)');
  };

  /** Puts the highest-priority flow that wants the screen on it. */
  function pump(): void {
    scheduled = false;
    if (stopped) return;
    for (const entry of entries.values()) {
      if (entry.flow.heldOut && entry.active && !done.has(entry.flow.id)) holdOut(entry);
    }
    for (const entry of entries.values()) {
      const { flow } = entry;
      if (done.has(flow.id) || running?.entry === entry || flow.heldOut) continue;
      const resume = entry.at !== null;
      if (resume ? !pageOk(entry, entry.at as number) : !entry.active) continue;
      const until = resume ? 0 : throttledUntil();
      if (until) {
        // An event, element or return moment passes: it does not start the flow hours later.
        if (flow.trigger.type !== 'page') {
          entry.active = false;
          log(flow.id, `throttled until ${new Date(until).toISOString()}: trigger dropped`);
        }
        continue;
      }
      if (running && (running.solicited || running.entry.flow.priority >= flow.priority)) break;
      pause();
      if (!resume) throttle.mark();
      run(entry, entry.at ?? 0, !resume, false);
      break;
    }
    if (explaining) explainAll();
  }
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    void Promise.resolve().then(guarded(pump));
  }

  const explainAll = (): void => {
    explaining = false;
    for (const { flowId, reason } of boot?.excluded ?? []) log(flowId, `not delivered: ${reason}`);
    for (const entry of entries.values()) {
      const on = running?.entry === entry;
      const text = explain({
        ...entry,
        status: on ? running?.status() : undefined,
        done: done.get(entry.flow.id)?.how,
        pageOk: entry.at === null || pageOk(entry, entry.at),
        throttledUntil: throttledUntil(),
        blockedBy: running?.entry.flow.id,
      });
      log(entry.flow.id, text);
    }
  };

  const completed = (flowId: string): void => {
    for (const entry of entries.values()) {
      if (markItems(store, entry.flow, (on) => 'flow' in on && on.flow === flowId)) refresh(entry);
    }
  };
  const refresh = (entry: Entry): void => {
    if (running?.entry === entry) running.runner.refresh();
  };

  /** A solicited start (Onward.show, a deep link, a CTA): now, over any flow, no throttle. */
  const show = (flowId: string, how: string): void => {
    const entry = entries.get(flowId);
    if (!entry) {
      const reason = boot?.excluded?.find((x) => x.flowId === flowId || x.flowId === '*')?.reason;
      return log(flowId, `${how}: not delivered to this user${reason ? `: ${reason}` : ''}`);
    }
    if (entry.flow.heldOut) return done.has(flowId) ? undefined : holdOut(entry);
    if (running?.entry === entry) return;
    pause();
    const at = entry.at;
    run(entry, at ?? 0, at === null, true);
  };

  const onUrl = (): void => {
    urlHandlers.forEach((handler) => handler());
    const current = running;
    current?.runner.url();
    if (current && running === current && leaves(current)) pause();
    deepLink();
    schedule();
  };
  const deepLink = (): void => {
    const where = deps.where();
    const id = /[?&]onward_flow=([^&#]+)/.exec(where.search)?.[1];
    if (!id || linked === where.href) return;
    linked = where.href;
    show(decodeURIComponent(id), 'deep link');
  };

  const update = (bootstrap: Bootstrap): void => {
    const first = !boot;
    boot = bootstrap;
    const days = bootstrap.user.daysInactive;
    // Our own messages make the user active again: the return trigger keeps the load-time value.
    if (days !== null) daysInactive = Math.max(daysInactive ?? 0, days);
    const previous = new Map(entries);
    entries.clear();
    for (const flow of bootstrap.flows) {
      const old = previous.get(flow.id);
      previous.delete(flow.id);
      const { progress } = flow;
      const entry: Entry = old ?? { flow, active: false, at: null, stop: () => {} };
      entry.flow = flow;
      if (!old && progress?.status === 'started') entry.at = progress.stepIndex;
      // Ended here: it stays ended until the server has seen that and still delivers it.
      if (progress && progress.at >= (done.get(flow.id)?.at || Infinity)) done.delete(flow.id);
      if (progress?.status === 'completed') completed(flow.id);
      entry.stop();
      entries.set(flow.id, entry);
      entry.stop = watchTrigger(flow.trigger, ctx, (active) => {
        entry.active = flow.trigger.type === 'page' ? active : entry.active || active;
        schedule();
      });
    }
    previous.forEach((entry) => entry.stop());
    explaining = logger.isEnabled();
    if (first) {
      deepLink();
      early.splice(0).forEach((flowId) => show(flowId, 'Onward.show'));
    }
    schedule();
  };

  const saw = (input: GuidesInput): void => {
    if (input.type === 'reset') {
      traits = { user: {}, account: {} };
      store.remove(TRAITS_KEY);
      daysInactive = null;
      pause();
      entries.forEach((entry) => entry.stop());
      entries.clear();
    } else if (input.type === 'track') {
      const { event } = input;
      if (event.startsWith('Onward ')) return;
      running?.runner.event(event);
      for (const entry of entries.values()) {
        if (markItems(store, entry.flow, (on) => 'event' in on && on.event === event))
          refresh(entry);
      }
      trackHandlers.forEach((handler) => handler(event));
    } else if (input.type !== 'page') {
      const scope = input.type === 'identify' ? 'user' : 'account';
      traits = { ...traits, [scope]: { ...traits[scope], ...input.traits } };
      store.set(TRAITS_KEY, JSON.stringify(traits));
      running?.runner.refresh();
    }
  };

  function guarded<A extends unknown[]>(fn: (...args: A) => void) {
    return (...args: A): void => {
      if (stopped) return;
      try {
        fn(...args);
      } catch (error) {
        logger.warn('guides', error);
      }
    };
  }
  const stopNavigation = deps.watchUrl(guarded(onUrl));
  return {
    update: guarded(update),
    saw: guarded(saw),
    show: guarded((flowId: string) => (boot ? show(flowId, 'Onward.show') : early.push(flowId))),
    dismiss: guarded(() => running?.runner.dismiss()),
    stop: guarded(() => {
      pause();
      stopped = true;
      stopNavigation();
      entries.forEach((entry) => entry.stop());
      mounted?.ui.destroy();
    }),
  };
}
