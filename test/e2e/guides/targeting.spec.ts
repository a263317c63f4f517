// Who sees what, and when: a step whose target never appears, the workspace throttle, holdout
// groups, identity verification, and content in the user's language with their first name.
import { createHmac } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { navigate, signIn, watchPageErrors } from '../../support/demo-app';
import { readEvents } from '../../support/events';
import {
  createFlow,
  createStep,
  en,
  expect,
  getSettings,
  publishFlow,
  putSettings,
  test,
  uniqueId,
} from '../../support/flows';
import {
  anyStepDialog,
  callOnward,
  expectNothingShownFor,
  flowEvents,
  nextBootstrap,
  onwardRoot,
  setTargetWait,
  stepDialog,
  waitForFlowEvents,
} from '../../support/guides';
import type { TestServer } from '../../support/server';

const TARGET_WAIT_MS = 1_500;

test('a missing target: after the bounded wait the step is a centred dialog, and the server hears of it', async ({
  page,
  server,
}) => {
  const errors = watchPageErrors(page);
  await setTargetWait(page, TARGET_WAIT_MS);
  const flow = await publishFlow(
    server,
    createFlow('missing', {
      kind: 'tip',
      trigger: { type: 'page', url: '/demo*' },
      steps: [
        createStep({
          id: 'ghost',
          type: 'tooltip',
          target: '#no-such-element',
          placement: 'bottom',
          content: en('Pointing at nothing'),
        }),
      ],
    }),
  );
  const answer = nextBootstrap(page);
  await page.goto(`${server.url}/demo`);
  await answer;
  const asked = Date.now();
  const dialog = stepDialog(page, 'Pointing at nothing');
  await expect(dialog).toBeVisible({ timeout: TARGET_WAIT_MS + 8_000 });
  const waited = Date.now() - asked;
  expect(waited).toBeGreaterThanOrEqual(TARGET_WAIT_MS - 500);

  // Centred in the viewport, as a modal.
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  const box = (await dialog.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(Math.abs(box.x + box.width / 2 - viewport.width / 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(box.y + box.height / 2 - viewport.height / 2)).toBeLessThanOrEqual(2);

  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Target Missing'),
    page,
  );
  const missing = events.filter((e) => e.event === 'Onward Flow Target Missing');
  expect(missing).toHaveLength(1);
  expect(missing[0]!.properties).toMatchObject({
    flowId: flow.id,
    flowVersion: flow.version,
    stepId: 'ghost',
    stepIndex: 0,
    selector: '#no-such-element',
    url: `${server.url}/demo`,
  });
  // The step still counts as viewed (centred), after the report of the missing target.
  const names = events.map((e) => e.event);
  expect(names.indexOf('Onward Step Viewed')).toBeGreaterThan(
    names.indexOf('Onward Flow Target Missing'),
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(anyStepDialog(page)).toHaveCount(0);
  expect(errors.list()).toEqual([]);
});

test('throttle: one unsolicited flow per 24 hours; Onward.show still works', async ({
  page,
  freshServer: server,
}) => {
  await putSettings(server, { throttleHours: 24 });
  const first = await publishFlow(
    server,
    createFlow('first', {
      kind: 'modal',
      priority: 10,
      trigger: { type: 'page', url: '/demo*' },
      steps: [createStep({ id: 'a', content: en('First announcement') })],
    }),
  );
  const second = await publishFlow(
    server,
    createFlow('second', {
      kind: 'modal',
      priority: 5,
      trigger: { type: 'page', url: '/demo*' },
      steps: [createStep({ id: 'b', content: en('Second announcement') })],
    }),
  );
  await page.goto(`${server.url}/demo`);
  const one = stepDialog(page, 'First announcement');
  await expect(one).toBeVisible();
  await one.getByRole('button', { name: 'Close' }).click();
  await expect(one).toHaveCount(0);
  // The second flow wants the screen too, but the throttle holds it back, also after a reload.
  await expectNothingShownFor(page, 1_500);
  await waitForFlowEvents(
    server,
    first.id,
    (e) => e.some((x) => x.event === 'Onward Flow Dismissed'),
    page,
  );
  const answer = nextBootstrap(page);
  await page.reload();
  const delivered = (await answer) as { flows: { id: string }[] };
  expect(delivered.flows.map((f) => f.id)).toEqual([second.id]);
  await expectNothingShownFor(page, 1_500);
  expect(flowEvents(await readEvents(server), second.id)).toEqual([]);

  // Asked for explicitly, it shows.
  await callOnward(page, 'show', second.id);
  await expect(stepDialog(page, 'Second announcement')).toBeVisible();
  await waitForFlowEvents(
    server,
    second.id,
    (e) => e.some((x) => x.event === 'Onward Flow Started'),
    page,
  );
});

/** One visitor of /demo with a fixed anonymous id: held out (no UI) or shown the modal. */
async function visit(browser: Browser, server: TestServer, anonymousId: string, flowId: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript((id) => localStorage.setItem('onward:anonymousId', id), anonymousId);
    const sides: ('held out' | 'shown')[] = [];
    for (const load of ['first visit', 'reload']) {
      const answer = nextBootstrap(page);
      await (load === 'reload' ? page.reload() : page.goto(`${server.url}/demo`));
      await answer;
      const heldOut = async () =>
        (await readEvents(server)).some(
          (e) =>
            e.event === 'Onward Flow Held Out' &&
            e.anonymousId === anonymousId &&
            e.properties?.flowId === flowId,
        );
      const shown = () => stepDialog(page, 'Holdout check').isVisible();
      if (load === 'first visit') {
        // Either the modal appears, or the held-out event reaches the server (and no UI).
        await expect
          .poll(async () => (await shown()) || (await heldOut()), {
            timeout: 15_000,
            intervals: [100, 200],
          })
          .toBe(true);
        sides.push((await shown()) ? 'shown' : 'held out');
        if (sides[0] === 'held out') await expectNothingShownFor(page, 500);
      } else if (sides[0] === 'shown') {
        await expect(stepDialog(page, 'Holdout check')).toBeVisible();
        sides.push('shown');
      } else {
        await expectNothingShownFor(page, 1_500);
        sides.push('held out');
      }
    }
    return sides;
  } finally {
    await context.close();
  }
}

test('holdout: a deterministic share of users sees nothing and is reported held out', async ({
  browser,
  freshServer: server,
}) => {
  // A fixed flow id and fixed visitors: the split is the same on every run.
  const flow = await publishFlow(server, {
    ...createFlow('holdout', {
      kind: 'modal',
      holdout: 0.5,
      trigger: { type: 'page', url: '/demo*' },
      steps: [createStep({ id: 'h', content: en('Holdout check') })],
    }),
    id: 'holdout-tour',
  });
  const users = Array.from({ length: 3 }, (_, i) => `holdout-user-${i + 1}`);
  const sides: Record<string, ('held out' | 'shown')[]> = {};
  // All at once: each visitor mostly waits on the network.
  for (let i = 0; i < users.length; i += 3) {
    await Promise.all(
      users
        .slice(i, i + 3)
        .map(async (id) => (sides[id] = await visit(browser, server, id, flow.id))),
    );
  }
  // Each user stays on the same side across reloads, and both sides are populated.
  for (const id of users) expect(new Set(sides[id]).size, `${id}: ${sides[id]}`).toBe(1);
  const held = users.filter((id) => sides[id]![0] === 'held out');
  expect(held.length, JSON.stringify(sides)).toBeGreaterThan(0);
  expect(held.length, JSON.stringify(sides)).toBeLessThan(users.length);

  const events = flowEvents(await readEvents(server), flow.id);
  for (const id of users) {
    const mine = events.filter((e) => e.anonymousId === id).map((e) => e.event);
    if (held.includes(id)) {
      // Held out once (the reload gets nothing more), never started or viewed.
      expect(mine, id).toEqual(['Onward Flow Held Out']);
    } else {
      expect(mine, id).not.toContain('Onward Flow Held Out');
      expect(
        mine.filter((e) => e === 'Onward Flow Started'),
        id,
      ).toHaveLength(1);
    }
  }
  const heldOut = events.find((e) => e.event === 'Onward Flow Held Out')!;
  expect(heldOut.properties).toMatchObject({ flowId: flow.id, flowVersion: flow.version });
});

test('identity verification: no flows without the userHash, the flow with the right one', async ({
  page,
  freshServer: server,
}) => {
  const errors = watchPageErrors(page);
  const { identitySecret } = await putSettings(server, { identityVerification: true });
  expect(identitySecret).toMatch(/\S{16,}/);
  expect((await getSettings(server)).identityVerification).toBe(true);
  await page.goto(`${server.url}/demo`);
  await signIn(page, { email: `${uniqueId('verify')}@example.com` });
  const flow = await publishFlow(
    server,
    createFlow('verified', {
      kind: 'modal',
      trigger: { type: 'page', url: '/demo*' },
      steps: [createStep({ id: 'v', content: en('For verified users') })],
    }),
  );

  // The demo app identifies without a hash: nothing is delivered.
  let answer = nextBootstrap(page);
  await page.reload();
  const unverified = (await answer) as {
    flows: unknown[];
    user: { verified: boolean };
  };
  expect(unverified).toMatchObject({ flows: [], user: { verified: false } });
  await expect(page.locator('#signout')).toBeVisible();
  await expectNothingShownFor(page, 1_500);
  const userId = await page.evaluate(() => localStorage.getItem('onward:userId'));
  expect(userId).toMatch(/^user_/);

  // The vendor's backend signs the user id with the identity secret; the page passes the hash.
  const userHash = createHmac('sha256', identitySecret).update(userId!).digest('hex');
  answer = nextBootstrap(page);
  await callOnward(page, 'identify', userId, { plan: 'pro' }, { userHash });
  expect(((await answer) as { user: { verified: boolean } }).user.verified).toBe(
    true,
  );
  await expect(stepDialog(page, 'For verified users')).toBeVisible();
  await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Step Viewed'),
    page,
  );

  // The server kept only the verified identify.
  const identifies = (await readEvents(server)).filter(
    (e) => e.type === 'identify' && e.userId === userId,
  );
  // The app's identify calls without a hash (sign-in, reload) were refused: only ours is stored.
  expect(identifies.length).toBeGreaterThan(0);
  expect(identifies.map((e) => e.traits)).toEqual(identifies.map(() => ({ plan: 'pro' })));
  expect(errors.list()).toEqual([]);
});

async function localizedFlow(server: TestServer) {
  return publishFlow(
    server,
    createFlow('localized', {
      kind: 'modal',
      trigger: { type: 'page', url: '/demo*' },
      steps: [
        createStep({
          id: 'hi',
          type: 'modal',
          content: {
            en: { title: 'Welcome, {{user.firstName|there}}', body: 'Let us show you around.' },
            'zh-CN': { title: '欢迎，{{user.firstName|朋友}}', body: '我们带您四处看看。' },
          },
        }),
      ],
    }),
  );
}

async function setDemoLocale(page: Page, locale: 'en' | 'zh-CN') {
  await navigate(page, 'settings');
  await page.getByTestId('settings-locale').selectOption(locale);
  await page.getByTestId('settings-submit').click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

test('localized content: the locale trait picks the language, the first name fills the title', async ({
  page,
  browser,
  server,
}) => {
  await page.goto(`${server.url}/demo`);
  await signIn(page, { name: 'Ada Lovelace', email: `${uniqueId('zh')}@example.com` });
  await setDemoLocale(page, 'zh-CN');
  await localizedFlow(server);
  await page.reload();
  const zh = stepDialog(page, '欢迎，Ada');
  await expect(zh).toBeVisible();
  await expect(zh).toContainText('我们带您四处看看。');
  // Marked up in that language for screen readers and fonts.
  await expect(onwardRoot(page).locator('[lang]').first()).toHaveAttribute('lang', 'zh-CN');

  // A visitor who has not signed in: the browser's language, and the fallback for the name.
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const visitor = await context.newPage();
    await visitor.goto(`${server.url}/demo`);
    await expect(stepDialog(visitor, '欢迎，朋友')).toBeVisible();
  } finally {
    await context.close();
  }
});
