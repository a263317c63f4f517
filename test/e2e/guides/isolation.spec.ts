// The guides UI on vendor pages that fight it: CSS that unsets everything, hides dialogs and
// headings, and stacks its own elements at the highest z-index; and a strict Content-Security-
// Policy without 'unsafe-inline'. The steps must look like themselves, stay on top, leave the
// page's own styles alone, and trip no CSP violation.
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
import { startHostPages } from '../../support/host-page';
import { callOnward, onwardRoot, stepDialog, waitForFlowEvents } from '../../support/guides';

const twoSteps = (trigger: Record<string, unknown>): FlowInput =>
  createFlow('isolated', {
    kind: 'tour',
    trigger,
    steps: [
      createStep({
        id: 'upgrade',
        type: 'tooltip',
        target: '#target',
        placement: 'bottom',
        content: en('Upgrade here', 'Plans start at **$10**.'),
      }),
      createStep({ id: 'thanks', type: 'modal', content: en('That is all') }),
    ],
  });

const PAGE_PROPS = [
  'display',
  'position',
  'z-index',
  'font-size',
  'color',
  'background-color',
  'border-top-width',
  'overflow',
  'padding-top',
  'transform',
  'filter',
] as const;

/** Computed styles of the page's own elements, and their attributes. */
function pageStyles(page: Page) {
  return page.evaluate((props) => {
    const out: Record<string, unknown> = {};
    for (const selector of ['html', 'body', 'header', 'main', 'p', '#target', '.cover', 'h2']) {
      const el = document.querySelector(selector);
      if (!el) continue;
      const style = getComputedStyle(el);
      out[selector] = {
        css: Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)])),
        attributes: el.getAttributeNames().sort(),
      };
    }
    out.scroll = [window.scrollX, document.documentElement.scrollWidth];
    return out;
  }, PAGE_PROPS);
}

function styleOf(locator: Locator, props: string[]) {
  return locator.evaluate(
    (el, names) =>
      Object.fromEntries(names.map((n) => [n, getComputedStyle(el).getPropertyValue(n)])),
    props,
  );
}

/** Whether the topmost element at the centre of `box` is the SDK's host (its shadow tree). */
async function onTopAt(page: Page, x: number, y: number): Promise<boolean> {
  return page.evaluate(
    ([px, py]) => document.elementFromPoint(px!, py!)?.hasAttribute('data-onward-root') ?? false,
    [x, y],
  );
}

test('on a page with hostile CSS the steps keep their own look, stay on top and change nothing', async ({
  page,
  server,
}) => {
  const errors = watchPageErrors(page);
  const pages = await startHostPages(server);
  try {
    const flow = await publishFlow(server, twoSteps({ type: 'manual' }));
    await page.goto(pages.url('guides-hostile.html'));
    await expect(page.locator('#target')).toBeVisible();
    // The page's CSS really is in force.
    expect(await styleOf(page.locator('#target'), ['font-size', 'color'])).toEqual({
      'font-size': '40px',
      color: 'rgb(255, 0, 0)',
    });
    const before = await pageStyles(page);

    await callOnward(page, 'show', flow.id);
    const tip = stepDialog(page, 'Upgrade here');
    await expect(tip).toBeVisible();
    await expect(tip.getByRole('heading', { name: 'Upgrade here' })).toBeVisible();
    await expect(tip).toContainText('Plans start at $10.');

    // Its own typography and size, not the page's 30-80 px fonts or unset layout.
    expect(await styleOf(tip, ['font-size', 'position', 'display', 'box-sizing'])).toEqual({
      'font-size': '14px',
      position: 'fixed',
      display: 'block',
      'box-sizing': 'border-box',
    });
    const heading = await styleOf(tip.getByRole('heading'), ['font-size', 'display']);
    expect(heading).toEqual({ 'font-size': '16px', display: 'block' });
    const next = tip.getByRole('button', { name: 'Next' });
    expect(await styleOf(next, ['font-size', 'color'])).toEqual({
      'font-size': '14px',
      color: 'rgb(255, 255, 255)',
    });
    const close = (await tip.getByRole('button', { name: 'Close' }).boundingBox())!;
    expect(close.width).toBe(28);
    const box = (await tip.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(120);
    expect(box.width).toBeLessThanOrEqual(362);
    expect(box.height).toBeLessThanOrEqual(300);

    // Anchored under its target, over the page's "maximal z-index" panel, and on top there.
    const target = (await page.locator('#target').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(target.y + target.height - 1);
    expect(box.y).toBeLessThanOrEqual(target.y + target.height + 40);
    expect(await onTopAt(page, box.x + box.width / 2, box.y + box.height / 2)).toBe(true);

    // The page's own elements look exactly as before.
    expect(await pageStyles(page)).toEqual(before);

    // The next step, a modal, covers everything, the fixed max-z-index header included.
    await next.click();
    const modal = stepDialog(page, 'That is all');
    await expect(modal).toBeVisible();
    const header = (await page.locator('header').boundingBox())!;
    expect(await onTopAt(page, header.x + 10, header.y + header.height / 2)).toBe(true);
    const viewport = page.viewportSize()!;
    const mbox = (await modal.boundingBox())!;
    expect(Math.abs(mbox.x + mbox.width / 2 - viewport.width / 2)).toBeLessThanOrEqual(2);
    expect(await styleOf(modal, ['font-size'])).toEqual({ 'font-size': '14px' });
    await modal.getByRole('button', { name: 'Done' }).click();
    await expect(onwardRoot(page).getByRole('dialog')).toHaveCount(0);

    // Closed, the page is as it was (no inert left behind, nothing restyled).
    expect(await pageStyles(page)).toEqual(before);
    await waitForFlowEvents(
      server,
      flow.id,
      (e) => e.some((x) => x.event === 'Onward Flow Completed'),
      page,
    );
    expect(errors.list()).toEqual([]);
  } finally {
    await pages.close();
  }
});

test('under a strict Content-Security-Policy the tour renders without a violation', async ({
  page,
  server,
}) => {
  const errors = watchPageErrors(page);
  const pages = await startHostPages(server, {
    'guides-csp.html': {
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self' {{serverOrigin}}; connect-src {{serverOrigin}}; style-src 'self'",
    },
  });
  try {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener(
        'securitypolicyviolation',
        (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
        true,
      );
    });
    const flow = await publishFlow(server, twoSteps({ type: 'page', url: '/guides-csp.html' }));
    const response = await page.goto(pages.url('guides-csp.html'));
    expect(response!.headers()['content-security-policy']).toContain("style-src 'self'");
    // The policy is in force: an inline style of the page's own is refused.
    const inlineBlocked = await page.evaluate(async () => {
      const probe = document.createElement('style');
      probe.textContent = '#target { outline: 3px solid red; }';
      document.head.append(probe);
      await new Promise((r) => setTimeout(r, 50));
      const blocked = getComputedStyle(document.querySelector('#target')!).outlineStyle !== 'solid';
      probe.remove();
      return blocked;
    });
    expect(inlineBlocked).toBe(true);
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { cspViolations: string[] }).cspViolations.length,
        ),
      )
      .toBe(1);
    await page.evaluate(() =>
      (window as unknown as { cspViolations: string[] }).cspViolations.splice(0),
    );
    const errorsBefore = errors.list().length;

    const tip = stepDialog(page, 'Upgrade here');
    await expect(tip).toBeVisible();
    // Styled by the SDK's constructable stylesheet: its fonts, colours and placement apply.
    expect(await styleOf(tip, ['font-size', 'position', 'background-color'])).toEqual({
      'font-size': '14px',
      position: 'fixed',
      'background-color': 'rgb(255, 255, 255)',
    });
    const target = (await page.locator('#target').boundingBox())!;
    const box = (await tip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(target.y + target.height - 1);
    await tip.getByRole('button', { name: 'Next' }).click();
    const modal = stepDialog(page, 'That is all');
    await expect(modal).toBeVisible();
    expect(await styleOf(modal, ['position'])).toEqual({ position: 'fixed' });
    await modal.getByRole('button', { name: 'Done' }).click();
    await expect(onwardRoot(page).getByRole('dialog')).toHaveCount(0);

    // Events got out through connect-src.
    await waitForFlowEvents(
      server,
      flow.id,
      (e) => e.some((x) => x.event === 'Onward Flow Completed'),
      page,
    );
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations).toEqual([]);
    const cspErrors = errors
      .list()
      .slice(errorsBefore)
      .filter((e) => /Content Security Policy|Refused/i.test(e));
    expect(cspErrors).toEqual([]);
  } finally {
    await pages.close();
  }
});
