// The dashboard's main journey, in a real browser against the real server: sign in, create a tour
// in the flows editor, pick its target with the element picker on /demo (the SDK's builder mode in
// a window the dashboard opens), publish, meet the tour as an end user on /demo, then read the
// funnel on the report page. A screenshot per step goes to the test's output folder.
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { signIn as demoSignIn, navigate, watchPageErrors } from '../../support/demo-app';
import { captureBatches } from '../../support/batch-capture';
import { flowEvents, onwardRoot, stepDialog } from '../../support/guides';
import { waitForEvents } from '../../support/events';
import { startServer, type TestServer } from '../../support/server';
import { uniqueId } from '../../support/flows';

const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };

const test = base.extend<{ server: TestServer }>({
  server: async ({}, use, testInfo) => {
    const server = await startServer({
      withoutFlows: true,
      env: { ONWARD_ADMIN_EMAIL: ADMIN.email, ONWARD_ADMIN_PASSWORD: ADMIN.password },
    });
    await use(server);
    await server.dispose();
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('server output', { body: server.output(), contentType: 'text/plain' });
  },
});

let shot = 0;
const screenshot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({ path: info.outputPath(`${String(++shot).padStart(2, '0')}-${name}.png`) });

async function signInToDashboard(page: Page, server: TestServer) {
  await page.goto(`${server.url}/`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Flows' }).first()).toBeVisible();
}

// Signed out, the dashboard asks GET /v1/session and is told 401 by design; Chromium logs every
// 4xx response as a console error, so that one answer (and only it) is expected.
const isSignedOutCheck = (error: string) => /status of 401 .*\/v1\/session\)$/.test(error);

test('build a tour with the element picker, publish it, see it on /demo and read its funnel', async ({ page, context, browser, server }, testInfo) => {
  test.setTimeout(90_000);
  shot = 0;
  const errors = watchPageErrors(page);
  const flowId = uniqueId('picked-tour');

  // 1. Sign in to the dashboard as the owner from the environment.
  await signInToDashboard(page, server);
  await screenshot(page, testInfo, 'signed-in');

  // 2. A new tour: name, id, two steps (the welcome modal and a tooltip), shown on /demo/projects.
  await page.goto(`${server.url}/#/flows/new?kind=tour`);
  await page.getByLabel('Name', { exact: true }).fill('Picked tour');
  await page.getByLabel('Id (optional)').fill(flowId);
  await page.getByRole('button', { name: 'Delete step 3' }).click();
  await page.getByRole('tab', { name: 'Trigger and delivery' }).click();
  await page.getByLabel('URL pattern').fill('/demo/projects*');
  await page.getByRole('tab', { name: 'Steps' }).click();
  await page.locator('#flow-step-1').click();
  await screenshot(page, testInfo, 'tour-drafted');

  // 3. Pick the target on the real page: the dashboard opens /demo/projects in builder mode.
  const pickControls = page.locator('.flow-pick');
  await pickControls.getByRole('textbox', { name: 'Page' }).fill(`${server.url}/demo/projects`);
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    pickControls.getByRole('button', { name: 'Pick on page' }).click(),
  ]);
  const popupErrors = watchPageErrors(popup);
  await popup.waitForLoadState('domcontentloaded');
  expect(new URL(popup.url()).searchParams.get('onward_builder')).toMatch(/^[0-9a-f]{32}$/);
  const toolbar = popup.locator('[data-onward-builder="picker"]').getByRole('toolbar', { name: 'Onward element picker' });
  await expect(toolbar).toBeVisible();
  // Pause picking to sign in to the vendor app, then pick the "New project" button.
  await toolbar.getByRole('button', { name: 'Pick element' }).click();
  await expect(toolbar.getByRole('button', { name: 'Pick element' })).toHaveAttribute('aria-pressed', 'false');
  await demoSignIn(popup);
  await toolbar.getByRole('button', { name: 'Pick element' }).click();
  await popup.locator('#new-project').hover();
  const label = popup.locator('[data-onward-builder="picker"] .label');
  await expect(label).toHaveText('#new-project  ·  1 match');
  await screenshot(popup, testInfo, 'picker-hover');
  const closed = popup.waitForEvent('close');
  await popup.locator('#new-project').click();
  await closed; // the dashboard closes the window once it has the selector
  expect(popupErrors.list()).toEqual([]);
  const target = page.getByLabel('Target element');
  await expect(target).toHaveValue('#new-project');
  await expect(page.getByTestId('pick-note')).toContainText('1 match');
  await target.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'target-picked');

  // 4. Publish.
  await page.getByRole('button', { name: 'Save and publish' }).click();
  // A new flow is saved first, so the editor moves to its own URL and shows the live version.
  await expect(page).toHaveURL(new RegExp(`#/flows/${flowId}$`));
  await expect(page.getByText('Published v1')).toBeVisible();
  await screenshot(page, testInfo, 'published');

  // 5. An end user (a browser of their own) signs in to /demo and opens Projects: the tour starts.
  const user = await browser.newContext();
  const end = await user.newPage();
  await end.goto(`${server.url}/demo`);
  await demoSignIn(end, { email: `${uniqueId('ada')}@example.com` });
  await navigate(end, 'projects');
  const welcome = stepDialog(end, /Welcome, Ada!/);
  await expect(welcome).toBeVisible();
  await welcome.getByRole('button', { name: 'Show me' }).click();
  const tooltip = stepDialog(end, 'Create your first project');
  await expect(tooltip).toBeVisible();
  const [box, button] = await Promise.all([tooltip.boundingBox(), end.locator('#new-project').boundingBox()]);
  expect(box && button && Math.abs(box.y - (button.y + button.height)) < 40).toBe(true); // placed below the target
  await expect(onwardRoot(end).getByRole('dialog')).toHaveCount(1);
  await screenshot(end, testInfo, 'end-user-step');
  const events = await waitForEvents(server, (all) => flowEvents(all, flowId, 'Onward Step Viewed').length >= 2);
  expect(flowEvents(events, flowId).map((e) => [e.event, e.properties.stepIndex])).toEqual([
    ['Onward Flow Started', 0],
    ['Onward Step Viewed', 0],
    ['Onward Step Viewed', 1],
  ]);
  await user.close();

  // 6. The report: one user started, one viewed each step.
  await page.getByRole('link', { name: 'Report' }).click();
  await expect(page).toHaveURL(new RegExp(`#/flows/${flowId}/report`));
  const funnel = page.locator('.flow-funnel');
  await expect(async () => {
    await page.reload();
    await expect(funnel.locator('.flow-funnel-row').first()).toContainText(/Started\s*1/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(funnel.locator('.flow-funnel-row').nth(1)).toContainText(/Step 1.*1/);
  await expect(funnel.locator('.flow-funnel-row').nth(2)).toContainText(/Step 2: Create your first project\s*1/);
  await screenshot(page, testInfo, 'report');

  expect(errors.list().filter((e) => !isSignedOutCheck(e))).toEqual([]);
});

test('preview on page runs the edited flow on /demo and sends no analytics', async ({ page, context, server }, testInfo) => {
  test.setTimeout(90_000);
  shot = 0;
  const errors = watchPageErrors(page);
  await signInToDashboard(page, server);
  await page.goto(`${server.url}/#/flows/new?kind=tour`);
  await page.getByLabel('Name', { exact: true }).fill('Previewed tour');
  const controls = page.locator('.flow-preview-on-page');
  await expect(controls.getByRole('textbox', { name: 'Page' })).toHaveValue(`${server.url}/demo`);
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    controls.getByRole('button', { name: 'Preview on page' }).click(),
  ]);
  const batches = captureBatches(popup);
  const popupErrors = watchPageErrors(popup);
  expect(new URL(popup.url()).searchParams.get('onward_preview')).toMatch(/^[0-9a-f]{32}$/);
  // Started at once, whatever the trigger (/app/*) and audience; the user is signed out: no name.
  const welcome = stepDialog(popup, 'Welcome, there!');
  await expect(welcome).toBeVisible();
  const bar = popup.locator('[data-onward-builder="preview"]').getByRole('region', { name: 'Onward preview' });
  await expect(bar).toContainText('Preview — Previewed tour');
  await screenshot(popup, testInfo, 'preview-on-page');
  await welcome.getByRole('button', { name: 'Show me' }).click();
  await expect(stepDialog(popup, 'Create your first project')).toBeVisible();
  await popup.evaluate(() => (window as unknown as { Onward: { flush(): Promise<void> } }).Onward.flush());
  expect(batches.messages().filter((m) => (m.event ?? '').startsWith('Onward '))).toEqual([]);
  // Exit closes the window from inside the click handler, so the click may end on a closed page:
  // that is the outcome under test, any other failure of the click is not.
  const closed = popup.waitForEvent('close');
  await bar
    .getByRole('button', { name: 'Exit' })
    .click()
    .catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
  await closed;
  expect(popupErrors.list()).toEqual([]);
  expect(errors.list().filter((e) => !isSignedOutCheck(e))).toEqual([]);
});
