// A modal step from the keyboard: focus moves in, Tab and Shift+Tab stay inside, Enter works the
// buttons, Esc closes (and the server hears `Onward Flow Dismissed`), and the page behind is inert
// only while the modal is open.
import type { Locator, Page } from '@playwright/test';
import { watchPageErrors } from '../../support/demo-app';
import {
  createFlow,
  createStep,
  en,
  expect,
  publishFlow,
  test,
  type FlowInput,
} from '../../support/flows';
import { anyStepDialog, stepDialog, waitForFlowEvents } from '../../support/guides';

const modalTour = (): FlowInput =>
  createFlow('keys', {
    kind: 'modal',
    trigger: { type: 'page', url: '/demo*' },
    steps: [
      createStep({
        id: 'hello',
        type: 'modal',
        content: en('Keyboard friendly', 'Read the [docs](https://example.com/docs) first.'),
      }),
      createStep({ id: 'second', type: 'modal', content: en('Second step') }),
    ],
  });

/** Whether the focused element (through open shadow roots) is inside `dialog`. */
function focusInside(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((box) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active !== null && box.contains(active);
  });
}

/** The accessible name-ish of the focused element, for failure messages. */
function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return 'nothing';
    return `${active.tagName.toLowerCase()} ${active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 30) ?? ''}`;
  });
}

test('a modal step traps focus, works from the keyboard and closes on Esc', async ({
  page,
  server,
}) => {
  const errors = watchPageErrors(page);
  const flow = await publishFlow(server, modalTour());
  await page.goto(`${server.url}/demo`);
  const dialog = stepDialog(page, 'Keyboard friendly');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');

  // Focus moved into the dialog; the close button has a name.
  await expect.poll(() => focusInside(dialog)).toBe(true);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Next' })).toBeVisible();

  // The page behind is inert: the app's root and its sign-in button are out of reach.
  await expect(page.locator('#app')).toHaveAttribute('inert', '');
  await expect(page.getByTestId('signin-submit')).not.toBeFocused();

  // Tab and Shift+Tab cycle inside (close, link, next and back again), never reaching the page.
  const seen = new Set<string>();
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInside(dialog), `after Tab #${i + 1}: ${await focusedLabel(page)}`).toBe(
      true,
    );
    seen.add(await focusedLabel(page));
  }
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(
      await focusInside(dialog),
      `after Shift+Tab #${i + 1}: ${await focusedLabel(page)}`,
    ).toBe(true);
  }
  expect(seen.size, [...seen].join(' | ')).toBeGreaterThanOrEqual(3);

  // Enter on Next advances: the second step has focus in turn.
  await dialog.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  const second = stepDialog(page, 'Second step');
  await expect(second).toBeVisible();
  await expect.poll(() => focusInside(second)).toBe(true);
  await expect(page.locator('#app')).toHaveAttribute('inert', '');

  // Esc closes the flow; the page is usable again.
  await page.keyboard.press('Escape');
  await expect(anyStepDialog(page)).toHaveCount(0);
  await expect(page.locator('#app')).not.toHaveAttribute('inert', '');
  await page.getByTestId('signin-name').click();
  await expect(page.getByTestId('signin-name')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('signin-email')).toBeFocused();

  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Dismissed'),
    page,
  );
  const dismissed = events.filter((e) => e.event === 'Onward Flow Dismissed');
  expect(dismissed).toHaveLength(1);
  expect(dismissed[0]!.properties).toMatchObject({
    flowId: flow.id,
    flowVersion: flow.version,
    stepId: 'second',
    stepIndex: 1,
  });
  expect(events.some((e) => e.event === 'Onward Flow Completed')).toBe(false);
  expect(errors.list()).toEqual([]);
});

test('the close button dismisses a modal from the keyboard too', async ({ page, server }) => {
  const flow = await publishFlow(server, modalTour());
  await page.goto(`${server.url}/demo`);
  const dialog = stepDialog(page, 'Keyboard friendly');
  await expect(dialog).toBeVisible();
  const close = dialog.getByRole('button', { name: 'Close' });
  await close.focus();
  await page.keyboard.press('Enter');
  await expect(anyStepDialog(page)).toHaveCount(0);
  await expect(page.locator('#app')).not.toHaveAttribute('inert', '');
  const events = await waitForFlowEvents(
    server,
    flow.id,
    (e) => e.some((x) => x.event === 'Onward Flow Dismissed'),
    page,
  );
  expect(events.find((e) => e.event === 'Onward Flow Dismissed')!.properties).toMatchObject({
    stepIndex: 0,
    stepId: 'hello',
  });
});
