// Journey: the Onward server goes down (SIGTERM) while the user keeps working, then comes back on
// the same port and database. The SDK's outbox and retries deliver everything, exactly once.
import type { Page } from '@playwright/test';
import { captureBatches, type BatchCapture } from '../support/batch-capture';
import { createProject, navigate, signIn, watchPageErrors } from '../support/demo-app';
import { readEvents, tracks, waitForEvents, type StoredEvent } from '../support/events';
import { startHostPages, waitForSdk } from '../support/host-page';
import { expect, startServer, test, type TestServer } from '../support/server';

type OutboxEntry = {
  message: { messageId: string; type: string; event?: string; properties?: { name?: unknown } };
};

async function outbox(page: Page): Promise<OutboxEntry[]> {
  const raw = await page.evaluate(() => localStorage.getItem('onward:outbox'));
  return raw === null ? [] : (JSON.parse(raw) as OutboxEntry[]);
}

/**
 * Waits (≤ 30 s) until every message the page tried to send, and every expected project, is
 * stored. The SDK retries with jittered backoff of up to a minute, so page time is moved on
 * (fake timers) rather than waited for in real time.
 */
async function waitForDelivery(
  page: Page,
  server: TestServer,
  captures: BatchCapture[],
  projects: string[],
) {
  const deadline = Date.now() + 30_000;
  let events: StoredEvent[] = [];
  const complete = () => {
    const stored = new Set(events.map((e) => e.messageId));
    const names = tracks(events, 'Project Created').map((e) => e.properties?.name);
    return (
      projects.every((p) => names.includes(p)) &&
      [...sentIds(captures)].every((id) => stored.has(id))
    );
  };
  while (Date.now() < deadline) {
    events = await readEvents(server);
    if (complete() && (await outbox(page)).length === 0) return events;
    await page.clock.fastForward(61_000);
    await page.waitForTimeout(500);
  }
  return events;
}

/**
 * The demo app is served by the Onward server itself; a real vendor app lives elsewhere and stays
 * up. Serve every page and asset from a copy of its first answer, so only /v1 goes down.
 */
async function keepHostPagesUp(page: Page) {
  const copies = new Map<
    string,
    { status: number; headers: Record<string, string>; body: Buffer }
  >();
  await page.route(
    (url) => !url.pathname.startsWith('/v1/'),
    async (route) => {
      const { pathname } = new URL(route.request().url());
      const key =
        pathname.startsWith('/demo/assets/') || pathname === '/sdk.js' ? pathname : '/demo';
      let copy = copies.get(key);
      if (copy === undefined) {
        const response = await route.fetch();
        copy = {
          status: response.status(),
          headers: response.headers(),
          body: await response.body(),
        };
        if (response.ok()) copies.set(key, copy);
      }
      await route.fulfill(copy);
    },
  );
}

/** Every messageId the pages tried to send. */
const sentIds = (captures: BatchCapture[]) => new Set(captures.flatMap((c) => [...c.messageIds()]));

function expectExactlyOnce(events: StoredEvent[], captures: BatchCapture[], projects: string[]) {
  // Every project the user created is one `Project Created` event, no more, no less.
  const names = tracks(events, 'Project Created').map((e) => e.properties?.name);
  expect(names.slice().sort()).toEqual(projects.slice().sort());
  // Every message the page tried to send (retries included) is stored, once.
  const stored = events.map((e) => e.messageId);
  expect(new Set(stored).size).toBe(stored.length);
  const missing = [...sentIds(captures)].filter((id) => !stored.includes(id));
  expect(missing).toEqual([]);
}

test.describe('server outage', () => {
  test.beforeEach(async ({ context }) => {
    // Fake timers that still run in real time: the test can jump over long retry backoffs.
    await context.clock.install();
  });

  test('events made while the server is down arrive exactly once after it restarts', async ({
    page,
    freshServer: server,
  }) => {
    const errors = watchPageErrors(page);
    const capture = captureBatches(page);
    await page.goto(`${server.url}/demo`);
    await signIn(page);
    await navigate(page, 'projects');
    await createProject(page, 'Before outage');
    await expect
      .poll(async () => tracks(await readEvents(server), 'Project Created').length, {
        timeout: 15_000,
      })
      .toBe(1);

    await server.stop('SIGTERM');
    const during = ['Outage one', 'Outage two', 'Outage three', 'Outage four'];
    for (const name of during) await createProject(page, name);
    await navigate(page, 'reports');
    await navigate(page, 'projects');
    // The SDK tried and failed while the server was down, and kept the messages.
    await expect
      .poll(() => capture.batches().some((b) => b.outcome === 'failed'), { timeout: 15_000 })
      .toBe(true);
    const queued = (await outbox(page)).filter((e) => e.message.event === 'Project Created');
    expect(queued.map((e) => e.message.properties?.name)).toEqual(expect.arrayContaining(during));

    await server.restart();
    const projects = ['Before outage', ...during];
    const events = await waitForDelivery(page, server, [capture], projects);
    expectExactlyOnce(events, [capture], projects);
    expect(await outbox(page)).toEqual([]);
    const pages = events
      .filter((e) => e.type === 'page')
      .map((e) => (e.context?.page as { path: string }).path);
    expect(pages.slice(-2)).toEqual(['/demo/reports', '/demo/projects']);
    // Network failures log in the console as failed resources; nothing else may.
    expect(
      errors.list().filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)),
    ).toEqual([]);
  });

  test('events queued before a reload during the outage still arrive after the restart', async ({
    page,
    freshServer: server,
  }) => {
    const capture = captureBatches(page);
    await keepHostPagesUp(page);
    await page.goto(`${server.url}/demo`);
    await signIn(page);
    await navigate(page, 'projects');
    await createProject(page, 'Seen live');

    await server.stop('SIGTERM');
    await createProject(page, 'Before reload A');
    await createProject(page, 'Before reload B');
    const beforeReload = (await outbox(page)).map((e) => e.message.messageId);
    expect(beforeReload.length).toBeGreaterThanOrEqual(2);

    await page.reload();
    await expect(page.locator('#signout')).toBeVisible();
    // The outbox survived the reload; the new page load adds its own messages to it.
    const afterReload = (await outbox(page)).map((e) => e.message.messageId);
    expect(afterReload).toEqual(expect.arrayContaining(beforeReload));
    await createProject(page, 'After reload');

    await server.restart();
    const projects = ['Seen live', 'Before reload A', 'Before reload B', 'After reload'];
    const events = await waitForDelivery(page, server, [capture], projects);
    expectExactlyOnce(events, [capture], projects);
    const stored = new Set(events.map((e) => e.messageId));
    expect(beforeReload.filter((id) => !stored.has(id))).toEqual([]);
    expect(await outbox(page)).toEqual([]);
  });

  test('two tabs sharing one outbox deliver everything once after the outage', async ({
    page,
    context,
    freshServer: server,
  }) => {
    const first = { page, capture: captureBatches(page) };
    await page.goto(`${server.url}/demo`);
    await signIn(page);
    const other = await context.newPage();
    const second = { page: other, capture: captureBatches(other) };
    await other.goto(`${server.url}/demo`);
    await expect(other.locator('#signout')).toBeVisible();
    for (const tab of [first, second]) await navigate(tab.page, 'projects');

    await server.stop('SIGTERM');
    const projects: string[] = [];
    for (let round = 1; round <= 3; round += 1) {
      for (const [i, tab] of [first, second].entries()) {
        const name = `Tab ${i + 1} project ${round}`;
        await createProject(tab.page, name);
        projects.push(name);
      }
    }
    await server.restart();

    const events = await waitForDelivery(page, server, [first.capture, second.capture], projects);
    expectExactlyOnce(events, [first.capture, second.capture], projects);
    expect(await outbox(other)).toEqual([]);
  });
});

test('a rate-limited server (429 + Retry-After) still gets every event, once', async ({ page }) => {
  const server = await startServer({ env: { ONWARD_INGEST_RATE_LIMIT: '1' } });
  const hostPages = await startHostPages(server);
  try {
    const capture = captureBatches(page);
    await page.goto(hostPages.url('plain.html'));
    await waitForSdk(page);
    // More than one batch holds (100): the SDK sends back to back and meets the limit.
    const count = 150;
    await page.evaluate((n) => {
      const onward = (window as unknown as { Onward: { track: (e: string, p: object) => void } })
        .Onward;
      for (let i = 0; i < n; i += 1) onward.track('Bulk Event', { i });
    }, count);

    const events = await waitForEvents(
      server,
      (e) => tracks(e, 'Bulk Event').length >= count,
      20_000,
    );
    const indexes = tracks(events, 'Bulk Event').map((e) => e.properties?.i);
    expect(indexes.slice().sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: count }, (_, i) => i),
    );
    expect(capture.batches().some((b) => b.outcome === 429)).toBe(true);
    expect(new Set(events.map((e) => e.messageId)).size).toBe(events.length);
  } finally {
    await hostPages.close();
    await server.dispose();
  }
});
