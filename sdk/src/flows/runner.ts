// One flow on screen: start → step i → complete / dismiss. A step may wait for its URL
// (multi-page tours) and for its target element (bounded); it advances on Next, a click on the
// target, a tracked event or a URL reached. Callbacks from a step no longer shown are ignored.
import type { DeliveredFlow, Step } from '@onward/server/contracts';
import type { StepCallbacks, StepView, Ui } from '../ui/types';
import type { Report } from './events';

export type RunnerDeps = {
  flow: DeliveredFlow;
  /** The screen: render mounts the ui when needed, clear never does. */
  ui: Pick<Ui, 'render' | 'clear'>;
  report: Report;
  view(index: number, target: Element | null): StepView;
  /** Whether the page URL matches a step's `url` or `advance.url`. */
  here(pattern: string): boolean;
  /** Resolves the target, waiting a bounded time; null when it never appeared. */
  findTarget(selector: string, onFound: (target: Element | null) => void): () => void;
  /** Resolves a selector now (flows/query.ts syntax). */
  query(selector: string): Element | null;
  /** The page URL, for `Onward Flow Target Missing`. */
  href(): string;
  /** Checklist steps: whether every item is done. */
  allDone(index: number): boolean;
  /** After a CTA button with a link or flow action: navigate, or start that flow. */
  cta(button: NonNullable<Step['buttons']>[number]): void;
  /** A checklist item clicked. */
  item: StepCallbacks['checklistItem'];
  onEnd(result: 'completed' | 'dismissed'): void;
  onError(error: unknown): void;
  /** What the flow is doing, for debug mode. */
  status(text: string): void;
};

export type Runner = {
  /** Starts at `index`; `fresh` sends `Onward Flow Started` (a resume does not). */
  start(index: number, fresh: boolean): void;
  index(): number;
  step(): Step | undefined;
  /** The page URL changed. */
  url(): void;
  /** The host app tracked `event`. */
  event(event: string): void;
  /** Draws the step again (checklist items or traits changed); no event is sent. */
  refresh(): void;
  dismiss(): void;
  /** Takes the flow off screen without an event (suspended, or the SDK is disposed). */
  stop(): void;
};

/** Tooltips and hotspots point at something: they wait for it, and report when it never comes. */
const waitsForTarget = (step: Step): boolean => step.type === 'tooltip' || step.type === 'hotspot';

/**
 * @example
 * const runner = createRunner({ flow, ui, report, view, here, findTarget, … });
 * runner.start(flow.progress?.stepIndex ?? 0, !flow.progress);
 */
export function createRunner(deps: RunnerDeps): Runner {
  const { flow, report, ui, view, here, status, allDone } = deps;
  const { steps } = flow;
  const last = steps.length - 1;
  let index = 0;
  let token = 0;
  let shown = false;
  /** Waiting for the step's own URL. */
  let away = false;
  let ended = false;
  let target: Element | null = null;
  let cleanups: (() => void)[] = [];

  const reset = (): void => {
    token++;
    shown = away = false;
    cleanups.forEach((stop) => stop());
    cleanups = [];
  };
  // Every way in from the page or the ui is guarded; `live` also drops calls from a step that
  // is no longer the current one (a double click on Next advances once).
  const safe =
    <A extends unknown[]>(fn: (...args: A) => void, mine?: number) =>
    (...args: A): void => {
      if (ended || (mine !== undefined && mine !== token)) return;
      try {
        fn(...args);
      } catch (error) {
        deps.onError(error);
      }
    };
  const live = <A extends unknown[]>(fn: (...args: A) => void) => safe(fn, token);

  const end = (result: 'completed' | 'dismissed'): void => {
    reset();
    ended = true;
    ui.clear();
    report(result === 'completed' ? 'Flow Completed' : 'Flow Dismissed', flow, index);
    status(result);
    deps.onEnd(result);
  };
  const next = (): void => (index < last ? go(index + 1) : end('completed'));
  const back = (): void => void (index > 0 && go(index - 1));
  const checkDone = (): void => {
    if (steps[index]?.type === 'checklist' && allDone(index)) end('completed');
  };

  const callbacks = (): StepCallbacks => ({
    next: live(next),
    back: live(back),
    complete: live(() => end('completed')),
    dismiss: live(() => end('dismissed')),
    // A link continues the flow (or completes it on the last step), then the page navigates;
    // a flow button completes this flow, then the engine starts the other one.
    cta: live((button: NonNullable<Step['buttons']>[number]) => {
      const { action } = button;
      if (action === 'back') return back();
      if (action === 'next' || action === 'link') next();
      else end(action === 'skip' ? 'dismissed' : 'completed');
      if (action === 'link' || action === 'flow') deps.cta(button);
    }),
    survey: live((score: number, comment?: string) => {
      if (!Number.isInteger(score) || score < 0 || score > 10) return;
      const text = typeof comment === 'string' ? comment.trim().slice(0, 2000) : '';
      report('Survey Responded', flow, index, text ? { score, comment: text } : { score });
    }),
    checklistItem: live((item: Parameters<StepCallbacks['checklistItem']>[0]) => deps.item(item)),
  });

  const render = (): void => ui.render(view(index, target), callbacks());

  const show = (found: Element | null): void => {
    const step = steps[index] as Step;
    target = found;
    shown = true;
    render();
    report('Step Viewed', flow, index);
    const centred = found || !step.target ? '' : ' centred: target missing';
    status(`showing step ${index + 1}/${steps.length}${centred}`);
    if (step.advance.on === 'click' && found) {
      const onClick = live(next);
      found.addEventListener('click', onClick, true);
      cleanups.push(() => found.removeEventListener('click', onClick, true));
    }
    checkDone();
  };

  function go(to: number): void {
    reset();
    index = to;
    target = null;
    const step = steps[to] as Step;
    const { url, target: selector } = step;
    if (url && !here(url)) {
      away = true;
      ui.clear();
      return status(`waiting for URL ${url} (step ${to + 1})`);
    }
    // Other step types use a target only if it is there (a spotlight on a modal, say).
    if (!selector || !waitsForTarget(step)) return show(selector ? deps.query(selector) : null);
    status(`waiting for target ${selector} (step ${to + 1})`);
    const found = live((element: Element | null) => {
      if (!element) report('Flow Target Missing', flow, index, { selector, url: deps.href() });
      show(element);
    });
    cleanups.push(deps.findTarget(selector, found));
  }

  return {
    start: (at, fresh) => {
      index = Math.min(Math.max(0, at), last);
      if (fresh) report('Flow Started', flow, index);
      go(index);
    },
    index: () => index,
    step: () => steps[index],
    url: safe(() => {
      const { url, advance } = steps[index] as Step;
      if (advance.on === 'url' && here(advance.url)) next();
      // Arrived on the step's page, or left it: wait (again) for it.
      else if (url && away === here(url)) go(index);
    }),
    event: safe((event: string) => {
      const advance = steps[index]?.advance;
      if (advance?.on === 'event' && advance.event === event) next();
    }),
    refresh: safe(() => {
      if (!shown) return;
      render();
      checkDone();
    }),
    dismiss: safe(() => end('dismissed')),
    stop() {
      reset();
      ended = true;
      ui.clear();
    },
  };
}
