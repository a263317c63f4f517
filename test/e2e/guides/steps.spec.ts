// Every step type on /demo, as the user sees it and as the server records it: a hotspot, a banner,
// a checklist that ticks off as the user works, an NPS survey after an event, and the
// welcome-back modal for a user who returns after a month away.
import type { Page } from '@playwright/test';
import { createMessage } from '../../fixtures/messages';
import {
  createProject,
  createReport,
  inviteTeammate,
  navigate,
  signIn,
  watchPageErrors,
} from '../../support/demo-app';
import {
  createFlow,
  createStep,
  en,
  expect,
  publishFlow,
  SIGNED_IN,
  test,
  uniqueId,
} from '../../support/flows';
import {
  anyStepDialog,
  flowEvents,
  onwardRoot,
  signInQuietly,
  stepDialog,
  waitForFlowEvents,
} from '../../support/guides';
import { postBatch } from '../../support/ingest';
import { readEvents } from '../../support/events';

/** Signs in on /demo as a new user of this test (nothing published yet). */
async function signInFresh(page: Page, baseUrl: string, prefix: string) {
  await page.goto(`${baseUrl}/demo`);
  await signInQuietly(page, { email: `${uniqueId(prefix)}@example.com` });
}

test('hotspot: a beacon on the target opens its tip', async ({ page, server }) => {
  const errors = watchPageErrors(page);
  const flow = await publishFlow(
    server,
    createFlow('hotspot', {
      kind: 'tip',
      trigger: { type: 'page', url: '/demo*' },
      audience: SIGNED_IN,
      steps: [
        createStep({
          id: 'reports',
          type: 'hotspot',
          target: '#nav-reports',
          placement: 'right',
          content: en('Reports across projects', 'Compare every report in one place.'),
        }),
      ],
    }),
  );
  await signInFresh(page, server.url, 'hotspot');

  // A beacon, named after the tip, sits on the target's corner; the tip is closed.
  const beacon = onwardRoot(page).getByRole('button', { name: 'Reports across projects' });
  await expect(beacon).toBeVisible();
  await expect(beacon).toHaveAttribute('aria-expanded', 'false');
  await expect(anyStepDialog(page)).toHaveCount(0);
  const target = (await page.locator('#nav-reports').boundingBox())!;
  const dot = (await beacon.boundingBox())!;
  const centre = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 };
  expect(Math.abs(centre.x - (target.x + target.width))).toBeLessThanOrEqual(4);
  expect(Math.abs(centre.y - target.y)).toBeLessThanOrEqual(4);

  await beacon.click();
  const tip = stepDialog(page, 'Reports across projects');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Compare every report in one place.');
  await expect(beacon).toHaveAttribute('aria-expanded', 'true');
  // The tip sits beside its target (placement right), not over it.
  const box = (await tip.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(target.x + target.width - 1);

  await tip.getByRole('button', { name: 'Done' }).click();
  await expect(beacon).toHaveCount(0);
  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Completed'),
    page,
  );
  expect(events.map((e) => e.event)).toEqual([
    'Onward Flow Started',
    'Onward Step Viewed',
    'Onward Flow Completed',
  ]);
  expect(events[1]!.properties).toMatchObject({
    stepId: 'reports',
    stepIndex: 0,
    flowVersion: flow.version,
  });
  expect(errors.list()).toEqual([]);
});

test('banner: a bar at the top with its text, closed with its button', async ({ page, server }) => {
  const flow = await publishFlow(
    server,
    createFlow('banner', {
      kind: 'banner',
      trigger: { type: 'page', url: '/demo/reports' },
      audience: SIGNED_IN,
      steps: [
        createStep({
          id: 'news',
          type: 'banner',
          position: 'top',
          content: en('New: area charts', 'Reports can now be drawn as **area charts**.'),
        }),
      ],
    }),
  );
  await signInFresh(page, server.url, 'banner');
  // Page trigger: not on home, only on /demo/reports.
  await expect(page.locator('#signout')).toBeVisible();
  await expect(onwardRoot(page).getByRole('region')).toHaveCount(0);
  await navigate(page, 'reports');

  const banner = onwardRoot(page).getByRole('region', { name: 'New: area charts' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Reports can now be drawn as area charts.');
  await expect(banner.locator('strong')).toHaveText('area charts');
  const box = (await banner.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeLessThanOrEqual(1);
  expect(box.width).toBeGreaterThanOrEqual(viewport.width - 2);
  // A banner does not take the focus nor make the page inert.
  await expect(page.locator('#app')).not.toHaveAttribute('inert', '');

  await banner.getByRole('button', { name: 'Close' }).click();
  await expect(banner).toHaveCount(0);
  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Dismissed'),
    page,
  );
  expect(events.find((e) => e.event === 'Onward Flow Dismissed')!.properties).toMatchObject({
    flowId: flow.id,
    stepId: 'news',
    stepIndex: 0,
  });
});

test('checklist: the launcher counts items done in the app, closes, and completes', async ({
  page,
  server,
}) => {
  const errors = watchPageErrors(page);
  const flow = await publishFlow(
    server,
    createFlow('checklist', {
      kind: 'checklist',
      trigger: { type: 'page', url: '/demo*' },
      audience: SIGNED_IN,
      frequency: 'until_completed',
      steps: [
        createStep({
          id: 'list',
          type: 'checklist',
          content: en('First week', 'Two things to do.'),
          items: [
            {
              id: 'project',
              content: en('Create a project'),
              completeOn: { event: 'Project Created' },
            },
            {
              id: 'invite',
              content: en('Invite a teammate'),
              completeOn: { event: 'Teammate Invited' },
            },
          ],
        }),
      ],
    }),
  );
  await signInFresh(page, server.url, 'checklist');

  const progress = onwardRoot(page).getByRole('progressbar', { name: 'Progress' });
  await expect(progress).toHaveText('0/2');
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  const panel = onwardRoot(page).getByRole('region', { name: 'First week' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveText([/Create a project/, /Invite a teammate/]);

  await navigate(page, 'projects');
  await createProject(page, 'Apollo');
  await expect(progress).toHaveText('1/2');
  await expect(progress).toHaveAttribute('aria-valuetext', '1 of 2 done');

  // Collapsible from its launcher button, and always closable.
  const launcher = onwardRoot(page).getByRole('button', { name: 'First week' });
  if ((await launcher.getAttribute('aria-expanded')) === 'false') await launcher.click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Create a project' })).toContainText(
    '(done)',
  );
  await launcher.click();
  await expect(panel).toHaveCount(0);
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await onwardRoot(page).getByRole('button', { name: 'Close' }).click();
  await expect(progress).toHaveCount(0);
  await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Dismissed'),
    page,
  );

  // until_completed: it is back after a reload, with the item still done; the last one completes it.
  await page.reload();
  await expect(progress).toHaveText('1/2');
  await navigate(page, 'teammates');
  await inviteTeammate(page, 'katherine@example.com');
  await expect(progress).toHaveCount(0);
  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Completed'),
    page,
  );
  expect(events.filter((e) => e.event === 'Onward Flow Completed')).toHaveLength(1);
  expect(errors.list()).toEqual([]);
});

test('NPS survey: shown after Report Created, score 9 and a comment reach the server', async ({
  page,
  server,
}) => {
  const errors = watchPageErrors(page);
  const flow = await publishFlow(
    server,
    createFlow('nps', {
      kind: 'survey',
      trigger: { type: 'event', event: 'Report Created' },
      frequency: { everyDays: 90 },
      steps: [
        createStep({
          id: 'score',
          type: 'survey',
          content: en(
            'How likely are you to recommend Acme?',
            'What is the main reason for your score?',
          ),
        }),
      ],
    }),
  );
  await signInFresh(page, server.url, 'nps');
  await navigate(page, 'projects');
  await createProject(page, 'Apollo');
  await expect(anyStepDialog(page)).toHaveCount(0);
  await navigate(page, 'reports');
  await createReport(page, 'Weekly signups');

  const survey = stepDialog(page, 'How likely are you to recommend Acme?');
  await expect(survey).toBeVisible();
  const scale = survey.getByRole('group', { name: 'How likely are you to recommend Acme?' });
  await expect(scale.getByRole('button')).toHaveCount(11);
  await expect(scale.getByRole('button', { name: '0, Not likely' })).toBeVisible();
  await expect(scale.getByRole('button', { name: '10, Very likely' })).toBeVisible();
  await scale.getByRole('button', { name: '9', exact: true }).click();

  const comment = survey.getByRole('textbox', { name: 'What is the main reason for your score?' });
  await expect(comment).toBeFocused();
  await comment.fill('The charts save me an hour a week');
  await survey.getByRole('button', { name: 'Send' }).click();
  await expect(survey.getByRole('status')).toHaveText('Thank you!');
  await expect(survey).toHaveCount(0, { timeout: 8_000 });

  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) =>
      e.some((x) => x.event === 'Onward Survey Responded' && x.properties.comment !== undefined) &&
      e.some((x) => x.event === 'Onward Flow Completed'),
    page,
  );
  const responses = events.filter((e) => e.event === 'Onward Survey Responded');
  expect(responses.every((r) => r.properties.score === 9)).toBe(true);
  expect(responses.at(-1)!.properties).toMatchObject({
    flowId: flow.id,
    flowVersion: flow.version,
    stepId: 'score',
    stepIndex: 0,
    score: 9,
    comment: 'The charts save me an hour a week',
  });
  expect(errors.list()).toEqual([]);
});

test('welcome back: a user away for 30 days gets the return modal, a new one does not', async ({
  page,
  browser,
  server,
}) => {
  const flow = await publishFlow(
    server,
    createFlow('welcome-back', {
      kind: 'modal',
      trigger: { type: 'return' },
      frequency: { everyDays: 14 },
      steps: [
        createStep({
          id: 'back',
          type: 'modal',
          content: en(
            'Welcome back, {{user.firstName|there}}',
            'Since your last visit: **area charts**.',
          ),
        }),
      ],
    }),
  );
  // The user's last activity, 30 days ago, is on the server before the page loads.
  const userId = uniqueId('returning');
  const longAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const answer = await postBatch(server, [
    createMessage({ type: 'identify', userId, traits: { firstName: 'Grace' }, timestamp: longAgo }),
    createMessage({ type: 'track', userId, event: 'Report Created', timestamp: longAgo }),
  ]);
  expect(answer.status, answer.text).toBe(200);
  // Signed in to /demo since then (the app keeps its session in localStorage).
  await page.addInitScript((id) => {
    if (localStorage.getItem('acme-demo:session')) return;
    const session = {
      userId: id,
      accountId: 'acct_navy',
      name: 'Grace Hopper',
      email: `${id}@example.com`,
      company: 'US Navy',
    };
    localStorage.setItem('acme-demo:session', JSON.stringify(session));
  }, userId);
  await page.goto(`${server.url}/demo`);
  const modal = stepDialog(page, 'Welcome back, Grace');
  await expect(modal).toBeVisible();
  await expect(modal).toContainText('Since your last visit: area charts.');
  await modal.getByRole('button', { name: 'Done' }).click();
  await expect(modal).toHaveCount(0);
  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Completed'),
    page,
  );
  expect(events.every((e) => e.userId === userId)).toBe(true);

  // A user who just signed up is not "returning".
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(`${server.url}/demo`);
    await signIn(other, { email: `${uniqueId('new')}@example.com` });
    await other.reload();
    await expect(other.locator('#signout')).toBeVisible();
    await other.waitForTimeout(1_500);
    await expect(anyStepDialog(other)).toHaveCount(0);
  } finally {
    await context.close();
  }
  expect(flowEvents(await readEvents(server), flow.id, 'Onward Flow Started')).toHaveLength(1);
});
