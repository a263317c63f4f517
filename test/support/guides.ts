// The guides as a user meets them: the SDK's shadow root (`<div data-onward-root>`, open, so
// Playwright's locators pierce it), the `Onward …` events that reached the server, and test hooks.
import { expect, type Locator, type Page } from '@playwright/test';
import { signIn } from './demo-app';
import { readEvents, waitForEvents, type StoredEvent } from './events';
import type { TestServer } from './server';

/** The SDK's UI host in the page. */
export const onwardRoot = (page: Page): Locator => page.locator('[data-onward-root]');

/** A step drawn as a dialog (modal, tooltip, survey), by its title. */
export const stepDialog = (page: Page, title: string | RegExp): Locator =>
  onwardRoot(page).getByRole('dialog', { name: title });

/** Every dialog the SDK draws (the page's own dialogs are not counted). */
export const anyStepDialog = (page: Page): Locator => onwardRoot(page).getByRole('dialog');

/**
 * Shortens how long tooltips and hotspots wait for their target (default 5 s): the guides chunk
 * reads `data-target-wait` from any `<script>`; this adds an inert one before the page's scripts.
 */
export async function setTargetWait(page: Page, ms: number): Promise<void> {
  await page.addInitScript((wait) => {
    const add = () => {
      if (document.querySelector('script[data-target-wait]')) return;
      const script = document.createElement('script');
      script.type = 'application/json';
      script.setAttribute('data-target-wait', String(wait));
      (document.head ?? document.documentElement).append(script);
    };
    if (document.documentElement) add();
    document.addEventListener('DOMContentLoaded', add);
  }, ms);
}

/** Resolves with the next successful GET /v1/sdk/bootstrap of this page whose body can be read (bounded). */
export async function nextBootstrap<T = unknown>(page: Page, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const answer = await page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/sdk/bootstrap' && r.status() === 200, {
      timeout: Math.max(1, deadline - Date.now()),
    });
    try {
      return (await answer.json()) as T;
    } catch {
      // An answer to the document being navigated away from (a reload right after sign-in) has
      // no body any more: the next one is the new document's.
    }
  }
}

export type OnwardEvent = StoredEvent & { properties: Record<string, unknown> };

/** The stored `Onward …` track events of one flow, in order. */
export function flowEvents(events: StoredEvent[], flowId: string, name?: string): OnwardEvent[] {
  return events.filter(
    (e): e is OnwardEvent =>
      e.type === 'track' &&
      (e.event ?? '').startsWith('Onward ') &&
      (name === undefined || e.event === name) &&
      e.properties?.flowId === flowId,
  );
}

/**
 * Waits until the server stored what `done` asks of this flow's `Onward …` events; returns them.
 * With `page`, its SDK sends what it has queued at once instead of after its batching delay.
 */
export async function waitForFlowEvents(
  server: TestServer,
  flowId: string,
  done: (events: OnwardEvent[]) => boolean,
  page?: Page,
  timeoutMs = 15_000,
): Promise<OnwardEvent[]> {
  if (page) await flushSdk(page);
  const events = await waitForEvents(server, (all) => done(flowEvents(all, flowId)), timeoutMs);
  const mine = flowEvents(events, flowId);
  expect(
    done(mine),
    `Onward events of ${flowId}: ${JSON.stringify(mine.map((e) => [e.event, e.properties]))}`,
  ).toBe(true);
  return mine;
}

/** Count of stored `name` events of this flow now. */
export async function countFlowEvents(
  server: TestServer,
  flowId: string,
  name: string,
): Promise<number> {
  return flowEvents(await readEvents(server), flowId, name).length;
}

/** Sends what the page's SDK has queued now (so the server has it before a reload). */
export async function flushSdk(page: Page): Promise<void> {
  // Best effort: a page mid-navigation sends on its own a moment later.
  await page
    .evaluate(() =>
      (window as unknown as { Onward?: { flush?: () => Promise<void> } }).Onward?.flush?.(),
    )
    .catch(() => {});
}

/** Calls `Onward.<method>(...args)` in the page (after the SDK has loaded). */
export async function callOnward(page: Page, method: string, ...args: unknown[]): Promise<void> {
  await page.waitForFunction(
    () => typeof (window as { Onward?: { version?: unknown } }).Onward?.version === 'string',
    undefined,
    { timeout: 10_000 },
  );
  await page.evaluate(
    ([name, rest]) => {
      const onward = (window as unknown as { Onward: Record<string, (...a: unknown[]) => void> })
        .Onward;
      onward[name as string]!(...(rest as unknown[]));
    },
    [method, args] as const,
  );
}

/** Asserts nothing of the SDK's is on screen for `ms` (after what should have shown it). */
export async function expectNothingShownFor(page: Page, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await expect(anyStepDialog(page)).toHaveCount(0, { timeout: 1 });
    await expect(onwardRoot(page).getByRole('button')).toHaveCount(0, { timeout: 1 });
    await page.waitForTimeout(100);
  }
}

/**
 * Signs in on /demo once the SDK has nothing in flight. The SDK asks for a fresh bootstrap after
 * identify "once it is delivered", but a batch already in flight at sign-in makes it ask too early
 * (see tour.spec.ts, "…while a batch is in flight"); flows for signed-in users then wait for the
 * next page. Specs that are not about that race sign in this way.
 */
export async function signInQuietly(
  page: Page,
  who: Parameters<typeof signIn>[1] = {},
): Promise<void> {
  await page.waitForFunction(
    () => typeof (window as { Onward?: { version?: unknown } }).Onward?.version === 'string',
    undefined,
    { timeout: 10_000 },
  );
  await flushSdk(page);
  await signIn(page, who);
}
