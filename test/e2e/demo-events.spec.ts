// Journey: a user signs in to the /demo vendor app and works in it; everything the SDK records
// reaches the server, with identity, account, page context, and nothing broken on the page.
import { captureBatches } from '../support/batch-capture';
import {
  createProject,
  createReport,
  inviteTeammate,
  navigate,
  renameUser,
  signIn,
  watchPageErrors,
} from '../support/demo-app';
import { pagePaths, tracks, waitForEvents, type StoredEvent } from '../support/events';
import { expect, test } from '../support/server';

const PRODUCT_EVENTS = [
  'Signed In',
  'Project Created',
  'Report Created',
  'Teammate Invited',
  'Settings Updated',
];

/** Each expected path, in this order, somewhere in `paths` (other pages may sit between). */
function containsInOrder(paths: (string | undefined)[], expected: string[]): boolean {
  let at = 0;
  for (const path of paths) if (path === expected[at]) at += 1;
  return at === expected.length;
}

const VISITED = [
  '/demo',
  '/demo/projects',
  '/demo/reports',
  '/demo/teammates',
  '/demo/settings',
  '/demo/teammates',
];

test('the demo app delivers identify, group, product events and SPA page views', async ({
  page,
  freshServer,
}) => {
  const server = freshServer;
  const errors = watchPageErrors(page);
  const capture = captureBatches(page);

  await page.goto(`${server.url}/demo`);
  await signIn(page);
  await navigate(page, 'projects');
  await createProject(page, 'Apollo');
  await navigate(page, 'reports');
  await createReport(page, 'Weekly signups');
  await navigate(page, 'teammates');
  await inviteTeammate(page, 'katherine@example.com');
  await navigate(page, 'settings');
  await renameUser(page, 'Ada King');
  await page.goBack();
  await expect(page).toHaveURL(/\/demo\/teammates$/);
  await expect(page.locator('#invite-teammate')).toBeVisible();

  const done = (events: StoredEvent[]) =>
    PRODUCT_EVENTS.every((name) => tracks(events, name).length > 0) &&
    containsInOrder(pagePaths(events), VISITED) &&
    [...capture.messageIds()].every((id) => events.some((e) => e.messageId === id));
  const events = await waitForEvents(server, done);
  const trackNames = events.filter((e) => e.type === 'track').map((e) => e.event);
  expect(trackNames).toEqual(expect.arrayContaining(PRODUCT_EVENTS));
  expect(
    containsInOrder(pagePaths(events), VISITED),
    `page paths ${JSON.stringify(pagePaths(events))}`,
  ).toBe(true);

  // Who: identify with the persona's traits, then the renamed one; the account by group.
  const identifies = events.filter((e) => e.type === 'identify');
  expect(identifies.length).toBeGreaterThanOrEqual(2);
  const userId = identifies[0]!.userId!;
  expect(userId).toMatch(/\S/);
  expect(identifies[0]!.traits).toMatchObject({
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    plan: 'pro',
  });
  expect(identifies.at(-1)!.traits).toMatchObject({ name: 'Ada King' });
  const groups = events.filter((e) => e.type === 'group');
  expect(groups.length).toBeGreaterThanOrEqual(1);
  const accountId = groups[0]!.groupId!;
  expect(groups[0]!.traits).toMatchObject({ name: 'Analytical Engines Ltd', plan: 'pro' });

  // Every product event after sign-in is the user's, with the right properties.
  for (const name of PRODUCT_EVENTS) {
    const [event] = tracks(events, name);
    expect(event?.userId, `${name}.userId`).toBe(userId);
  }
  expect(tracks(events, 'Project Created')).toHaveLength(1);
  expect(tracks(events, 'Project Created')[0]!.properties).toMatchObject({ name: 'Apollo' });
  expect(tracks(events, 'Report Created')[0]!.properties).toMatchObject({ name: 'Weekly signups' });

  // One anonymous id across the whole visit, before and after sign-in.
  const anonymousIds = new Set(events.map((e) => e.anonymousId));
  expect(anonymousIds.size).toBe(1);
  expect([...anonymousIds][0]).toMatch(/\S/);

  // Context on every message: where it happened and which library sent it.
  for (const e of events) {
    const context = e.context ?? {};
    expect(
      (context.page as { path?: string } | undefined)?.path,
      `${e.type} ${e.event} context.page.path`,
    ).toMatch(/^\/demo/);
    expect((context.library as { name?: string } | undefined)?.name, 'context.library.name').toBe(
      '@onward/sdk',
    );
  }
  // The SDK reads the title the router set right after pushState, as analytics.js users expect.
  const reportsPage = events.find(
    (e) => e.type === 'page' && e.properties?.path === '/demo/reports',
  );
  expect(reportsPage?.properties).toMatchObject({
    path: '/demo/reports',
    url: `${server.url}/demo/reports`,
  });
  expect(String(reportsPage?.properties?.title)).toMatch(/Reports/);
  const projectCreated = tracks(events, 'Project Created')[0]!;
  expect((projectCreated.context?.page as { path: string }).path).toBe('/demo/projects');

  // Rollups: the user belongs to the account; traits hold the latest name.
  const users = await server.query('SELECT account_id FROM users WHERE id = ?', [userId]);
  expect(users[0]?.account_id).toBe(accountId);
  const name = await server.query(
    "SELECT value FROM user_traits WHERE user_id = ? AND key = 'name'",
    [userId],
  );
  expect(JSON.parse(String(name[0]?.value))).toBe('Ada King');

  // What reached /v1/batch: text/plain (no preflight), every attempt answered 200, no repeats stored.
  const batches = capture.batches();
  expect(batches.length).toBeGreaterThan(0);
  for (const batch of batches) {
    expect(batch.contentType).toMatch(/^text\/plain/);
    expect(batch.body?.writeKey).toBe(server.writeKey);
  }
  expect(batches.filter((b) => b.outcome !== 'pending').every((b) => b.outcome === 200)).toBe(true);
  expect(new Set(events.map((e) => e.messageId)).size).toBe(events.length);
  for (const id of capture.messageIds()) expect(events.some((e) => e.messageId === id)).toBe(true);

  expect(errors.list()).toEqual([]);
});

test('a project created just before the user leaves still arrives, once', async ({
  page,
  freshServer: server,
}) => {
  const errors = watchPageErrors(page);
  await page.goto(`${server.url}/demo`);
  await signIn(page);
  await navigate(page, 'projects');
  await createProject(page, 'Left in a hurry');
  // Leave at once, before the next regular send: the SDK hands the outbox to sendBeacon on pagehide.
  const pending = await page.evaluate(() => localStorage.getItem('onward:outbox') ?? '');
  await page.goto('about:blank');
  expect(errors.list()).toEqual([]);

  const arrived = (events: StoredEvent[]) => tracks(events, 'Project Created').length === 1;
  expect(
    arrived(await waitForEvents(server, arrived, 10_000)),
    `outbox when leaving: ${pending}`,
  ).toBe(true);

  // Back in the app, the SDK confirms what it beaconed (the server ignores the repeat) and clears it.
  await page.goto(`${server.url}/demo/projects`);
  await expect(page.locator('#signout')).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('onward:outbox')), { timeout: 15_000 })
    .toBeNull();
  const events = await waitForEvents(
    server,
    (e) => e.filter((x) => x.type === 'page').length >= 3,
    5_000,
  );
  expect(tracks(events, 'Project Created')).toHaveLength(1);
  expect(new Set(events.map((e) => e.messageId)).size).toBe(events.length);
});

test('signing out forgets the user: a new anonymous id, and the next user is someone else', async ({
  page,
  freshServer: server,
}) => {
  const errors = watchPageErrors(page);
  await page.goto(`${server.url}/demo`);
  await signIn(page);
  await navigate(page, 'projects');
  await page.locator('#signout').click();
  await expect(page.getByTestId('signin-submit')).toBeVisible();
  await expect(page).toHaveURL(/\/demo\/?$/);
  await page.getByTestId('signin-persona').filter({ hasText: 'Grace Hopper' }).click();
  await signIn(page);

  const events = await waitForEvents(server, (e) => tracks(e, 'Signed In').length === 2);
  const [ada, grace] = tracks(events, 'Signed In');
  const signedOut = tracks(events, 'Signed Out');
  expect(signedOut).toHaveLength(1);
  expect(signedOut[0]!.userId).toBe(ada!.userId);
  expect(grace!.userId).not.toBe(ada!.userId);
  expect(grace!.anonymousId).not.toBe(ada!.anonymousId);

  // Between sign-out and the next sign-in, the page view belongs to nobody known.
  const graceFirst = events.findIndex((e) => e.userId === grace!.userId);
  const between = events.slice(events.indexOf(signedOut[0]!) + 1, graceFirst);
  expect(between.filter((e) => e.type === 'page').length).toBeGreaterThanOrEqual(1);
  for (const e of between) {
    expect(e.userId, `${e.type} after sign-out`).toBeNull();
    expect(e.anonymousId).toBe(grace!.anonymousId);
  }
  const graceIdentify = events.find((e) => e.type === 'identify' && e.userId === grace!.userId);
  expect(graceIdentify?.traits).toMatchObject({ email: 'grace@example.com' });
  const links = await server.query('SELECT user_id FROM identities WHERE anonymous_id = ?', [
    grace!.anonymousId,
  ]);
  expect(links.map((r) => r.user_id)).toEqual([grace!.userId]);
  expect(errors.list()).toEqual([]);
});
