// How flows start on /demo: a tracked event, an element the page adds later, a deep link
// `?onward_flow=<id>`, `Onward.show(id)`; and `Onward.dismiss()` closes the one on screen.
import { createProject, navigate, signIn, watchPageErrors } from '../../support/demo-app';
import {
  createFlow,
  createStep,
  en,
  expect,
  publishFlow,
  test,
  uniqueId,
} from '../../support/flows';
import { startHostPages } from '../../support/host-page';
import {
  anyStepDialog,
  callOnward,
  expectNothingShownFor,
  nextBootstrap,
  stepDialog,
  waitForFlowEvents,
} from '../../support/guides';

const modal = (title: string) => [createStep({ id: 'only', type: 'modal', content: en(title) })];

test('event trigger: the flow starts when the app tracks the event', async ({ page, server }) => {
  const errors = watchPageErrors(page);
  await page.goto(`${server.url}/demo`);
  await signIn(page, { email: `${uniqueId('event')}@example.com` });
  const flow = await publishFlow(
    server,
    createFlow('on-event', {
      kind: 'modal',
      trigger: { type: 'event', event: 'Project Created' },
      steps: modal('Your first project!'),
    }),
  );
  const answer = nextBootstrap(page);
  await page.reload();
  await answer;
  await navigate(page, 'projects');
  await expect(anyStepDialog(page)).toHaveCount(0);
  await createProject(page, 'Apollo');
  const dialog = stepDialog(page, 'Your first project!');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Completed'),
    page,
  );
  // Started after the event that triggered it.
  const started = events.find((e) => e.event === 'Onward Flow Started')!;
  const rows = await server.query(
    "SELECT timestamp FROM events WHERE type = 'track' AND event = 'Project Created' AND user_id = ?",
    [started.userId],
  );
  expect(rows).toHaveLength(1);
  expect(started.timestamp).toBeGreaterThanOrEqual(Number(rows[0]!.timestamp));
  expect(errors.list()).toEqual([]);
});

test('element trigger: the flow starts when the page adds the element', async ({
  page,
  server,
}) => {
  const selector = `#${uniqueId('promo')}`;
  const flow = await publishFlow(
    server,
    createFlow('on-element', {
      kind: 'tip',
      trigger: { type: 'element', selector },
      steps: [
        createStep({
          id: 'promo',
          type: 'tooltip',
          target: selector,
          placement: 'bottom',
          content: en('A new promotion'),
        }),
      ],
    }),
  );
  const answer = nextBootstrap(page);
  await page.goto(`${server.url}/demo`);
  await answer;
  await expectNothingShownFor(page, 1_000);
  // The page renders the element a while later.
  await page.evaluate((id) => {
    setTimeout(() => {
      const promo = document.createElement('div');
      promo.id = id;
      promo.textContent = 'Spring sale';
      promo.style.cssText = 'position:fixed;top:120px;left:40px;padding:8px;background:#fde68a';
      document.body.append(promo);
    }, 300);
  }, selector.slice(1));
  const tip = stepDialog(page, 'A new promotion');
  await expect(tip).toBeVisible();
  // Anchored below its target.
  const target = (await page.locator(selector).boundingBox())!;
  const box = (await tip.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(target.y + target.height - 1);
  await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Step Viewed' && x.properties.stepId === 'promo'),
    page,
  );
});

test('deep link ?onward_flow=<id> starts a manual flow', async ({ page, server }) => {
  const flow = await publishFlow(
    server,
    createFlow('deep-link', { kind: 'modal', steps: modal('Opened from a link') }),
  );
  // Manual: nothing on a plain visit.
  const answer = nextBootstrap(page);
  await page.goto(`${server.url}/demo`);
  await answer;
  await expectNothingShownFor(page, 1_000);

  await page.goto(`${server.url}/demo?onward_flow=${flow.id}`);
  const dialog = stepDialog(page, 'Opened from a link');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Dismissed'),
    page,
  );
  expect(events[0]).toMatchObject({ event: 'Onward Flow Started' });
  expect((events[0]!.context?.page as { search?: string }).search).toBe(`?onward_flow=${flow.id}`);
});

test('Onward.show(id) starts a flow and Onward.dismiss() closes it', async ({ page, server }) => {
  const errors = watchPageErrors(page);
  const flow = await publishFlow(
    server,
    createFlow('show', {
      kind: 'tour',
      steps: [
        createStep({ id: 'one', type: 'modal', content: en('Shown on request') }),
        createStep({ id: 'two', type: 'modal', content: en('Second') }),
      ],
    }),
  );
  const dismissed: unknown[] = [];
  await page.exposeFunction('onDismissed', (e: unknown) => dismissed.push(e));
  const answer = nextBootstrap(page);
  await page.goto(`${server.url}/demo`);
  await answer;
  await page.evaluate(() => {
    const w = window as unknown as {
      Onward: { on: (n: string, h: (e: unknown) => void) => void };
      onDismissed: (e: unknown) => void;
    };
    w.Onward.on('flow:dismissed', (e) => w.onDismissed(e));
  });
  await callOnward(page, 'show', flow.id);
  const dialog = stepDialog(page, 'Shown on request');
  await expect(dialog).toBeVisible();
  // Asking again while it is on screen is a no-op.
  await callOnward(page, 'show', flow.id);
  await expect(anyStepDialog(page)).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(stepDialog(page, 'Second')).toBeVisible();

  await callOnward(page, 'dismiss');
  await expect(anyStepDialog(page)).toHaveCount(0);
  await expect(page.locator('#app')).not.toHaveAttribute('inert', '');
  await expect.poll(() => dismissed.length).toBe(1);
  expect(dismissed[0]).toMatchObject({ flowId: flow.id, stepIndex: 1, stepId: 'two' });

  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Dismissed'),
    page,
  );
  expect(events.map((e) => e.event)).toEqual([
    'Onward Flow Started',
    'Onward Step Viewed',
    'Onward Step Viewed',
    'Onward Flow Dismissed',
  ]);
  expect(events[3]!.properties).toMatchObject({ flowVersion: flow.version, stepIndex: 1 });
  // Dismissing with nothing on screen does nothing.
  await callOnward(page, 'dismiss');
  expect(errors.list()).toEqual([]);
});

test('Onward.show called through the snippet before sdk.js loads is replayed', async ({
  page,
  server,
}) => {
  const errors = watchPageErrors(page);
  const pages = await startHostPages(server);
  try {
    const flow = await publishFlow(
      server,
      createFlow('early-show', { kind: 'modal', steps: modal('Asked for early') }),
    );
    await page.goto(`${pages.url('guides-early-show.html')}?flow=${flow.id}`);
    await expect(stepDialog(page, 'Asked for early')).toBeVisible();
    await waitForFlowEvents(
      server,
      flow.id,
      (e) => e.some((x) => x.event === 'Onward Flow Started'),
      page,
    );
    expect(errors.list()).toEqual([]);
  } finally {
    await pages.close();
  }
});
