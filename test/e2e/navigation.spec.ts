// Automatic page views on a plain vendor page: on load, pushState, hashchange and back; one per
// URL change, none for a replaceState that keeps the URL, each with the title the router set.
import { waitForEvents } from '../support/events';
import { test, waitForSdk } from '../support/host-page';
import { expect } from '../support/server';

test('the SDK sends one page view per SPA URL change', async ({
  page,
  freshServer: server,
  hostPages,
}) => {
  await page.goto(hostPages.url('plain.html'));
  await waitForSdk(page);
  await page.evaluate(() => {
    history.pushState({}, '', '/pricing');
    document.title = 'Pricing'; // routers set the title right after pushState
  });
  await page.waitForTimeout(50);
  await page.evaluate(() => {
    location.hash = 'faq';
  });
  await page.waitForTimeout(50);
  await page.evaluate(() => history.replaceState({ same: true }, '', location.href));
  await page.waitForTimeout(50);
  await page.goBack();
  await expect(page).toHaveURL(/\/pricing$/);
  await page.evaluate(() =>
    (window as unknown as { Onward: { flush: () => Promise<void> } }).Onward.flush(),
  );

  const views = (
    await waitForEvents(server, (e) => e.filter((x) => x.type === 'page').length >= 4)
  ).filter((e) => e.type === 'page');
  const origin = new URL(hostPages.url('plain.html')).origin;
  expect(views.map((e) => e.properties?.url)).toEqual([
    `${origin}/plain.html`,
    `${origin}/pricing`,
    `${origin}/pricing#faq`,
    `${origin}/pricing`,
  ]);
  expect(views[1]!.properties).toMatchObject({ path: '/pricing', title: 'Pricing' });
  expect(views[0]!.properties).toMatchObject({ path: '/plain.html', title: 'Vendor page' });
  for (const view of views)
    expect((view.context?.page as { url?: unknown }).url).toBe(view.properties?.url);
});
