// The SDK on hostile or clumsy host pages (test/pages/): installed twice, or with a localStorage
// that throws. It must keep delivering and never raise an error into the page.
import type { Page } from '@playwright/test';
import { captureBatches } from '../support/batch-capture';
import { watchPageErrors } from '../support/demo-app';
import { tracks, waitForEvents, type StoredEvent } from '../support/events';
import { test, waitForSdk } from '../support/host-page';
import { expect } from '../support/server';

type OnwardWindow = Window & {
  Onward: {
    track: (event: string, properties?: Record<string, unknown>) => void;
    flush: () => Promise<void>;
  };
  firstOnward?: unknown;
};

/** Tracks `event` from inside the page and sends it now. */
async function trackNow(page: Page, event: string) {
  await page.evaluate(async (name) => {
    const w = window as unknown as OnwardWindow;
    w.Onward.track(name, { from: 'test' });
    await w.Onward.flush();
  }, event);
}

test('the SDK tag twice on a page, and once more later, is harmless', async ({
  page,
  freshServer: server,
  hostPages,
}) => {
  const errors = watchPageErrors(page);
  const capture = captureBatches(page);
  await page.goto(hostPages.url('two-tags.html'));
  await waitForSdk(page);
  await page.evaluate(() => {
    const w = window as unknown as OnwardWindow;
    w.firstOnward = w.Onward;
  });
  await trackNow(page, 'After Load');

  // A tag manager adds a third copy later: it must not replace the running instance.
  await page.evaluate(
    (src) =>
      new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = `${src}?copy=3`;
        script.dataset.writeKey = 'pk_should_not_be_used';
        script.onload = () => resolve();
        script.onerror = () => reject(new Error('the third copy did not load'));
        document.head.append(script);
      }),
    `${server.url}/sdk.js`,
  );
  expect(
    await page.evaluate(
      () =>
        (window as unknown as OnwardWindow).Onward ===
        (window as unknown as OnwardWindow).firstOnward,
    ),
  ).toBe(true);
  await trackNow(page, 'After Third Copy');

  const events = await waitForEvents(
    server,
    (e) => tracks(e, 'After Third Copy').length > 0 && tracks(e, 'Queued Before Load').length > 0,
  );
  // One instance: one automatic page view, each call stored once, one anonymous id.
  expect(events.filter((e) => e.type === 'page')).toHaveLength(1);
  expect(tracks(events, 'Queued Before Load')).toHaveLength(1);
  expect(tracks(events, 'After Load')).toHaveLength(1);
  expect(tracks(events, 'After Third Copy')).toHaveLength(1);
  expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1);
  // Every send used the first tag's key, and no message went out twice.
  const sent = capture.messages();
  expect(capture.batches().every((b) => b.body?.writeKey === server.writeKey)).toBe(true);
  expect(new Set(sent.map((m) => m.messageId)).size).toBe(sent.length);
  expect(errors.list()).toEqual([]);
});

for (const mode of ['getter', 'methods'] as const) {
  test(`a page whose localStorage throws (${mode}) still delivers, without page errors`, async ({
    page,
    freshServer: server,
    hostPages,
  }) => {
    const errors = watchPageErrors(page);
    await page.goto(`${hostPages.url('throwing-storage.html')}?storage=${mode}`);
    // The page really has no usable storage.
    const storageWorks = await page.evaluate(() => {
      try {
        localStorage.setItem('probe', '1');
        return true;
      } catch {
        return false;
      }
    });
    expect(storageWorks).toBe(false);

    await waitForSdk(page);
    await trackNow(page, 'After Load');
    const done = (e: StoredEvent[]) =>
      ['Queued Before Load', 'After Load'].every((name) => tracks(e, name).length === 1) &&
      e.some((x) => x.type === 'identify') &&
      e.some((x) => x.type === 'page');
    const events = await waitForEvents(server, done);
    expect(done(events), JSON.stringify(events.map((e) => [e.type, e.event]))).toBe(true);

    // The queued identify applied to the calls after it, from memory.
    const identify = events.find((e) => e.type === 'identify')!;
    expect(identify.userId).toBe('storage-less-user');
    expect(identify.traits).toMatchObject({ plan: 'pro', email: 'grace@example.com' });
    for (const name of ['Queued Before Load', 'After Load']) {
      expect(tracks(events, name)[0]!.userId, name).toBe('storage-less-user');
    }
    expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1);
    expect(errors.list()).toEqual([]);
  });
}
