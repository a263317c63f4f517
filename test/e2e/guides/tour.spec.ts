// A page-triggered, multi-page tour on /demo: a modal, a tooltip that advances on a click on its
// target, a tooltip on another page that advances on a product event, then a last modal. What the
// user sees, in order, and the `Onward …` events the server stored for it.
import { createProject, signIn, watchPageErrors } from '../../support/demo-app';
import {
  createFlow,
  createStep,
  en,
  expect,
  publishFlow,
  SIGNED_IN,
  test,
  uniqueId,
  type FlowInput,
} from '../../support/flows';
import {
  anyStepDialog,
  expectNothingShownFor,
  flowEvents,
  nextBootstrap,
  signInQuietly,
  stepDialog,
  waitForFlowEvents,
} from '../../support/guides';
import { readEvents } from '../../support/events';

const tour = (): FlowInput =>
  createFlow('tour', {
    kind: 'tour',
    trigger: { type: 'page', url: '/demo*', match: 'glob' },
    audience: SIGNED_IN,
    frequency: 'once',
    steps: [
      createStep({ id: 'welcome', type: 'modal', content: en('Welcome aboard', 'A short tour.') }),
      createStep({
        id: 'projects-nav',
        type: 'tooltip',
        target: '#nav-projects',
        placement: 'right',
        advance: { on: 'click' },
        content: en('Your projects', 'Click **Projects**.'),
      }),
      createStep({
        id: 'new-project',
        type: 'tooltip',
        target: '#new-project',
        url: '/demo/projects',
        placement: 'left',
        advance: { on: 'event', event: 'Project Created' },
        content: en('Create a project'),
      }),
      createStep({ id: 'done', type: 'modal', content: en('All set') }),
    ],
  });

const STEP_IDS = ['welcome', 'projects-nav', 'new-project', 'done'];

test('a page-triggered tour runs in order across pages and reports each step', async ({
  page,
  server,
}) => {
  const errors = watchPageErrors(page);
  const flow = await publishFlow(server, tour());
  await page.goto(`${server.url}/demo`);
  // Signed out, nothing covers the sign-in form; signed in, the tour starts.
  await expect(anyStepDialog(page)).toHaveCount(0);
  await signInQuietly(page, { email: `${uniqueId('tour')}@example.com` });

  // 1: the modal, labelled by its title, with its progress.
  const welcome = stepDialog(page, 'Welcome aboard');
  await expect(welcome).toBeVisible();
  await expect(welcome).toContainText('1 / 4');
  await expect(anyStepDialog(page)).toHaveCount(1);
  await welcome.getByRole('button', { name: 'Next' }).click();

  // 2: a tooltip on the Projects link; clicking the link itself advances.
  const nav = stepDialog(page, 'Your projects');
  await expect(nav).toBeVisible();
  await expect(welcome).toHaveCount(0);
  await page.locator('#nav-projects').click();

  // 3: waits for /demo/projects, then points at "New project"; the app's event advances it.
  await expect(page).toHaveURL(/\/demo\/projects$/);
  const create = stepDialog(page, 'Create a project');
  await expect(create).toBeVisible();
  await expect(nav).toHaveCount(0);
  await createProject(page, 'Apollo');

  // 4: the closing modal; Done ends the tour.
  const done = stepDialog(page, 'All set');
  await expect(done).toBeVisible();
  await expect(done).toContainText('4 / 4');
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(anyStepDialog(page)).toHaveCount(0);

  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Completed'),
    page,
  );
  expect(events.map((e) => e.event)).toEqual([
    'Onward Flow Started',
    'Onward Step Viewed',
    'Onward Step Viewed',
    'Onward Step Viewed',
    'Onward Step Viewed',
    'Onward Flow Completed',
  ]);
  for (const e of events)
    expect(e.properties).toMatchObject({ flowId: flow.id, flowVersion: flow.version });
  expect(events[0]!.properties).toMatchObject({ stepId: 'welcome', stepIndex: 0 });
  const viewed = flowEvents(events, flow.id, 'Onward Step Viewed');
  expect(viewed.map((e) => [e.properties.stepId, e.properties.stepIndex])).toEqual(
    STEP_IDS.map((id, i) => [id, i]),
  );
  expect(events[5]!.properties).toMatchObject({ stepId: 'done', stepIndex: 3 });
  // The third step was viewed on the page it asked for.
  expect((viewed[2]!.context?.page as { path?: string }).path).toBe('/demo/projects');

  // Frequency `once`: completed, it does not come back after a reload.
  const answer = nextBootstrap(page);
  await page.reload();
  await answer;
  await expect(page.locator('#signout')).toBeVisible();
  await expectNothingShownFor(page, 1_500);
  expect(flowEvents(await readEvents(server), flow.id, 'Onward Flow Started')).toHaveLength(1);
  expect(errors.list()).toEqual([]);
});

test('a reload mid-tour resumes at the same step, also on the multi-page step', async ({
  page,
  server,
}) => {
  const errors = watchPageErrors(page);
  const flow = await publishFlow(server, tour());
  await page.goto(`${server.url}/demo`);
  await signInQuietly(page, { email: `${uniqueId('resume')}@example.com` });
  await stepDialog(page, 'Welcome aboard').getByRole('button', { name: 'Next' }).click();
  await expect(stepDialog(page, 'Your projects')).toBeVisible();
  // The server has the progress (the SDK sends within about a second).
  await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Step Viewed' && x.properties.stepIndex === 1),
    page,
  );

  await page.reload();
  await expect(stepDialog(page, 'Your projects')).toBeVisible();
  await expect(stepDialog(page, 'Welcome aboard')).toHaveCount(0);

  // On to the step that belongs to /demo/projects, then reload there.
  await page.locator('#nav-projects').click();
  await expect(stepDialog(page, 'Create a project')).toBeVisible();
  await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Step Viewed' && x.properties.stepIndex === 2),
    page,
  );
  await page.reload();
  await expect(page).toHaveURL(/\/demo\/projects$/);
  await expect(stepDialog(page, 'Create a project')).toBeVisible();
  await expect(anyStepDialog(page)).toHaveCount(1);

  // Away from its page the step waits (hidden), and comes back on return.
  await page.locator('#nav-home').click();
  await expect(page).toHaveURL(/\/demo\/?$/);
  await expect(anyStepDialog(page)).toHaveCount(0);
  await page.locator('#nav-projects').click();
  await expect(stepDialog(page, 'Create a project')).toBeVisible();

  await createProject(page, 'Gemini');
  await stepDialog(page, 'All set').getByRole('button', { name: 'Done' }).click();
  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Completed'),
    page,
  );
  // One start: the reloads resumed the flow, they did not start it again.
  expect(flowEvents(events, flow.id, 'Onward Flow Started')).toHaveLength(1);
  // Never sent back to the first step after it was passed.
  const viewed = flowEvents(events, flow.id, 'Onward Step Viewed').map(
    (e) => e.properties.stepIndex,
  );
  expect(viewed.filter((i) => i === 0)).toHaveLength(1);
  expect(viewed).toEqual([...viewed].sort((a, b) => Number(a) - Number(b)));
  expect(errors.list()).toEqual([]);
});

test('a reload before the step events are sent still resumes, and the flow starts once', async ({
  page,
  server,
}) => {
  const flow = await publishFlow(server, tour());
  await page.goto(`${server.url}/demo`);
  await signInQuietly(page, { email: `${uniqueId('early-reload')}@example.com` });
  // The server has not heard of step 2 at the reload: sends take 1.5 s from here on, and the
  // unloading page's beacon is lost (it is best effort).
  await page.route('**/v1/batch', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await stepDialog(page, 'Welcome aboard').getByRole('button', { name: 'Next' }).click();
  await expect(stepDialog(page, 'Your projects')).toBeVisible();
  await page.evaluate(() => {
    navigator.sendBeacon = () => true;
  });
  await page.reload();
  await expect(stepDialog(page, 'Your projects')).toBeVisible();
  await expect(anyStepDialog(page)).toHaveCount(1);
  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Step Viewed' && x.properties.stepIndex === 1),
    page,
  );
  expect(flowEvents(events, flow.id, 'Onward Flow Started')).toHaveLength(1);
  // The welcome step once: the reload views step 2 again, it does not go back to step 1.
  const viewed = flowEvents(events, flow.id, 'Onward Step Viewed');
  expect(viewed.filter((e) => e.properties.stepIndex === 0)).toHaveLength(1);
});

// After identify the SDK delivers the outbox, then asks for a fresh bootstrap. A send already in
// flight at sign-in does not carry the identify: flush waits for it and sends again
// (sdk/src/transport/batcher.ts). Holding /v1/batch requests makes the race deterministic.
test('a tour for signed-in users starts at sign-in, even while a batch is in flight', async ({
  page,
  server,
}) => {
  await publishFlow(server, tour());
  await page.route('**/v1/batch', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto(`${server.url}/demo`);
  await page.waitForFunction(
    () => typeof (window as { Onward?: { version?: unknown } }).Onward?.version === 'string',
    undefined,
    { timeout: 10_000 },
  );
  // A send is under way (the page view, say) when the user signs in.
  await page.evaluate(() => {
    void (window as unknown as { Onward: { flush: () => Promise<void> } }).Onward.flush();
  });
  await signIn(page, { email: `${uniqueId('race')}@example.com` });
  await expect(stepDialog(page, 'Welcome aboard')).toBeVisible({ timeout: 10_000 });
});
