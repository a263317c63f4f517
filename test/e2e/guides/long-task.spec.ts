// The budget "no long task over 50 ms on the host page when a tour starts", measured in Chromium
// with a PerformanceObserver for 'longtask' installed before any script of the page runs, from the
// trigger until the first step is on screen and placed. The figures are printed.
//
// A long task is wall-clock time. On a shared 2-core machine a 15 ms task can last 60 ms because
// the renderer was descheduled, so each long task the observer reports is checked against a
// Chromium trace of the same window: the budget fails when the main thread really worked more
// than 50 ms in one task (its CPU time), not when the machine was busy elsewhere.
import type { Browser, Page } from '@playwright/test';
import { signIn } from '../../support/demo-app';
import {
  createFlow,
  createStep,
  en,
  expect,
  publishFlow,
  test,
  uniqueId,
} from '../../support/flows';
import { nextBootstrap, stepDialog } from '../../support/guides';

type Task = { start: number; duration: number };
type Probe = { longTasks: Task[]; shownAt?: number };

const LONG_TASK_MS = 50;
/** Positioning (floating-ui autoUpdate) and the spotlight run after the first paint. */
const SETTLE_MS = 300;
const CLOCK = 'onward-probe-clock:';

/**
 * Records, from the page's first script on, every long task, and (in a rAF loop) when the SDK
 * first puts a dialog on screen. The test reads them only afterwards: Playwright's own locator
 * engine, compiled into a new document on first use, is a long task that is not the SDK's.
 * `console.timeStamp` ties page time to the trace's clock.
 */
async function observeLongTasks(page: Page) {
  await page.addInitScript((clock) => {
    const probe: Probe = { longTasks: [] };
    (window as unknown as { probe: Probe }).probe = probe;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          probe.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No longtask support: then nothing is recorded, and the test says 0.
    }
    const look = () => {
      const root = document.querySelector('[data-onward-root]')?.shadowRoot;
      const dialog = root?.querySelector('[role="dialog"]');
      if (dialog && dialog.getBoundingClientRect().width > 0) {
        probe.shownAt = performance.now();
        console.timeStamp(`${clock}${probe.shownAt}`);
        console.debug('probe: step shown');
      } else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, CLOCK);
}

/** Waits (bounded) for the probe's console message, then the settling time; returns shownAt. */
async function waitShownAndSettled(page: Page): Promise<number> {
  await page.waitForEvent('console', {
    predicate: (m) => m.text() === 'probe: step shown',
    timeout: 10_000,
  });
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(() => (window as unknown as { probe: Probe }).probe.shownAt!);
}

const tourSteps = () => [
  createStep({
    id: 'projects',
    type: 'tooltip',
    target: '#nav-projects',
    placement: 'right',
    spotlight: true,
    content: en('Your projects', 'Everything starts with a **project**.'),
  }),
  createStep({ id: 'end', type: 'modal', content: en('Done') }),
];

/** Long tasks overlapping [from, to] (page time, ms). */
async function tasksBetween(page: Page, from: number, to: number): Promise<Task[]> {
  return page.evaluate(
    ([a, b]) =>
      (window as unknown as { probe: Probe }).probe.longTasks.filter(
        (t) => t.start + t.duration >= a! && t.start <= b!,
      ),
    [from, to],
  );
}

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { message?: string } };
};

/** The main-thread tasks of the trace, in page time, with their CPU time. */
function mainThreadTasks(trace: Buffer): { start: number; wall: number; cpu: number }[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const stamps = events.filter(
    (e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith(CLOCK),
  );
  const stamp = stamps.at(-1);
  if (!stamp) throw new Error('the trace has no clock stamp from the page');
  const pageMs = Number(stamp.args!.data!.message!.slice(CLOCK.length));
  const toPage = (ts: number) => pageMs + (ts - stamp.ts) / 1000;
  return events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === stamp.pid &&
        e.tid === stamp.tid &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    )
    .map((e) => ({ start: toPage(e.ts), wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}

/**
 * Each long task with the CPU time of the main-thread task behind it; logs the figures and
 * returns the largest wall-clock and CPU times seen.
 */
function explain(label: string, tasks: Task[], trace: Buffer, from: number, to: number) {
  const traced = mainThreadTasks(trace);
  const explained = tasks.map((t) => {
    const overlapping = traced.filter(
      (x) => x.start < t.start + t.duration + 2 && x.start + x.wall > t.start - 2,
    );
    return { ...t, cpu: Math.max(0, ...overlapping.map((x) => x.cpu)) };
  });
  const inWindow = traced.filter((x) => x.start + x.wall >= from && x.start <= to);
  const maxWall = Math.max(0, ...tasks.map((t) => t.duration));
  const maxCpu = Math.max(0, ...inWindow.map((x) => x.cpu));
  console.log(
    `[long tasks] ${label}: ${tasks.length} long task(s) in ${Math.round(to - from)} ms;` +
      ` longest ${Math.round(maxWall)} ms wall-clock; busiest main-thread task ${Math.round(maxCpu)} ms CPU` +
      (explained.length
        ? ` (each long task's CPU: ${explained.map((t) => Math.round(t.cpu)).join(', ')} ms)`
        : ''),
  );
  return { explained, maxWall, maxCpu };
}

async function traced<T>(browser: Browser, page: Page, run: () => Promise<T>) {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  try {
    const value = await run();
    return { value, trace: await browser.stopTracing() };
  } catch (error) {
    await browser.stopTracing().catch(() => {});
    throw error;
  }
}

test('no long task while a tour started by an event shows its first step', async ({
  page,
  browser,
  server,
}) => {
  await observeLongTasks(page);
  await page.goto(`${server.url}/demo`);
  await signIn(page, { email: `${uniqueId('perf')}@example.com` });
  const flow = await publishFlow(
    server,
    createFlow('perf-event', {
      kind: 'tour',
      trigger: { type: 'event', event: 'Tour Requested' },
      steps: tourSteps(),
    }),
  );
  const answer = nextBootstrap(page);
  await page.reload();
  await answer;
  // The guides chunk comes with a delivered flow; let the page settle before the trigger.
  await page.waitForLoadState('networkidle', { timeout: 10_000 });
  // Playwright's helpers get into the new document now, not during the measurement.
  await expect(stepDialog(page, 'Your projects')).toHaveCount(0);
  await page.evaluate(() => performance.now());
  await page.waitForTimeout(SETTLE_MS);

  const { value, trace } = await traced(browser, page, async () => {
    const shown = waitShownAndSettled(page);
    const from = await page.evaluate(() => {
      const at = performance.now();
      (window as unknown as { Onward: { track: (e: string) => void } }).Onward.track(
        'Tour Requested',
      );
      return at;
    });
    return { from, shown: await shown };
  });
  const to = value.shown + SETTLE_MS;
  const tasks = await tasksBetween(page, value.from, to);
  console.log(
    `[long tasks] event trigger → step on screen: ${Math.round(value.shown - value.from)} ms`,
  );
  const { explained, maxCpu } = explain(
    `event trigger → first step of ${flow.id}`,
    tasks,
    trace,
    value.from,
    to,
  );
  await expect(stepDialog(page, 'Your projects')).toBeVisible();
  expect(
    explained.filter((t) => t.cpu > LONG_TASK_MS),
    JSON.stringify(explained),
  ).toEqual([]);
  expect(maxCpu).toBeLessThanOrEqual(LONG_TASK_MS);
});

test('no long task while a page-triggered tour loads and shows its first step', async ({
  page,
  browser,
  server,
}) => {
  await page.goto(`${server.url}/demo`);
  await signIn(page, { email: `${uniqueId('perf')}@example.com` });
  const flow = await publishFlow(
    server,
    createFlow('perf-page', {
      kind: 'tour',
      trigger: { type: 'page', url: '/demo*' },
      steps: tourSteps(),
    }),
  );
  await observeLongTasks(page);
  // The tour starts on load: bootstrap, the guides chunk, the ui and the first step.
  const { value: shown, trace } = await traced(browser, page, async () => {
    const shownAt = waitShownAndSettled(page);
    await page.reload();
    return shownAt;
  });
  const to = shown + SETTLE_MS;
  // When the bootstrap answer (the tour's trigger on load) arrived, in page time.
  const bootstrapAt = await page.evaluate(
    () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) =>
        e.name.includes('/v1/sdk/bootstrap'),
      )?.responseEnd ?? 0,
  );
  expect(bootstrapAt).toBeGreaterThan(0);
  const all = await tasksBetween(page, 0, to);
  explain(`whole page load with the tour of ${flow.id}`, all, trace, 0, to);
  const tasks = all.filter((t) => t.start + t.duration >= bootstrapAt);
  console.log(
    `[long tasks] bootstrap answer → step on screen: ${Math.round(shown - bootstrapAt)} ms`,
  );
  const { explained, maxCpu } = explain(
    'bootstrap answer → first step',
    tasks,
    trace,
    bootstrapAt,
    to,
  );
  await expect(stepDialog(page, 'Your projects')).toBeVisible();
  expect(
    explained.filter((t) => t.cpu > LONG_TASK_MS),
    JSON.stringify(explained),
  ).toEqual([]);
  expect(maxCpu).toBeLessThanOrEqual(LONG_TASK_MS);
});
