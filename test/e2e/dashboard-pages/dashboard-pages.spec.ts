// Every main dashboard page on a seeded workspace, in English and in Chinese: each shows real data
// (the same figures the API answers), no console or page error, and a full-page screenshot.
import type { Page, TestInfo } from '@playwright/test';
import { send } from '../../support/http';
import { expect, startServer, test as base, type TestServer } from '../../support/server';
import { DAY, seedMessages, SETTINGS } from './seed';

const EMAIL = 'owner@example.com';
const PASSWORD = 'correct horse battery staple';
const WEBHOOK_URL = 'https://crm.example.com/onward';

type Seeded = { server: TestServer; userIds: string[]; accountIds: string[] };

const test = base.extend<object, { seeded: Seeded }>({
  seeded: [
    async ({}, use) => {
      const server = await startServer({ env: { ONWARD_ADMIN_EMAIL: EMAIL, ONWARD_ADMIN_PASSWORD: PASSWORD } });
      const admin = { style: 'bearer' as const, key: server.secretKey };
      const put = await send(`${server.url}/v1/settings`, { method: 'PUT', body: SETTINGS, auth: admin });
      expect(put.status, put.text).toBe(200);
      const hook = await send(`${server.url}/v1/webhooks`, { body: { url: WEBHOOK_URL, events: ['user.dormant'], description: 'CRM sync' }, auth: admin });
      expect(hook.status, hook.text).toBe(201);
      const { messages, userIds, accountIds } = seedMessages(Date.now());
      for (let i = 0; i < messages.length; i += 100) {
        const answer = await send(`${server.url}/v1/batch`, { body: { batch: messages.slice(i, i + 100) }, auth: { style: 'basic', key: server.writeKey } });
        expect(answer.status, answer.text).toBe(200);
      }
      await use({ server, userIds, accountIds });
      await server.dispose();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

async function api<T>(server: TestServer, path: string): Promise<T> {
  const answer = await send(`${server.url}${path}`, { method: 'GET', auth: { style: 'bearer', key: server.secretKey } });
  expect(answer.status, `${path}: ${answer.text}`).toBe(200);
  return answer.json as T;
}

/** Signs in through the API (the page shares the context's cookies), so no 401 is ever logged. */
async function signIn(page: Page, server: TestServer, locale: string) {
  const answer = await page.request.post(`${server.url}/v1/session`, { data: { email: EMAIL, password: PASSWORD } });
  expect(answer.status()).toBe(200);
  await page.addInitScript((l) => localStorage.setItem('onward:locale', l), locale);
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

async function visit(page: Page, server: TestServer, route: string) {
  await page.goto(`${server.url}/#${route}`);
  await expect(page.locator('main h1')).toBeVisible();
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

const dayText = (t: number) => new Date(t).toISOString().slice(0, 10);

for (const locale of ['en', 'zh-CN'] as const) {
  test(`every main page shows the seeded data (${locale})`, async ({ page, seeded }, testInfo) => {
    test.setTimeout(120_000);
    const { server, userIds, accountIds } = seeded;
    const errors = watchErrors(page);
    await signIn(page, server, locale);
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const main = page.locator('main');
    const tag = locale === 'en' ? 'en' : 'zh';

    // Flows: the flows the API lists.
    const { flows } = await api<{ flows: { id: string; name: string }[] }>(server, '/v1/flows');
    await visit(page, server, '/flows');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    if (flows.length > 0) await expect(main).toContainText(flows[0]!.name);
    await shoot(page, testInfo, `${tag}-flows`);

    // Analytics: one explicit range so the page and the API ask the same question.
    const now = Date.now();
    const fromDay = dayText(now - 70 * DAY);
    const toDay = dayText(now);
    const q = `from=${Date.parse(fromDay)}&to=${Date.parse(toDay) + DAY}`;
    const ttv = await api<{ users: number; reachedShare: number }>(server, `/v1/metrics/ttv?${q}`);
    const activation = await api<{ mature: number; activated: number; rate: number }>(server, `/v1/metrics/activation?${q}`);
    const retention = await api<{ cohorts: unknown[] }>(server, `/v1/metrics/retention?${q}&weeks=11`);
    const nps = await api<{ respondents: number; nps: number }>(server, `/v1/metrics/nps?${q}`);
    const ndr = await api<{ beginMrr: number; endMrr: number; ndr: number }>(server, `/v1/metrics/ndr?${q}`);
    expect(ttv.users).toBeGreaterThan(200);
    await visit(page, server, `/analytics?from=${fromDay}&to=${toDay}`);
    await expect(main.locator('[data-metric="ttv.reachedShare"]')).toHaveText(percent.format(ttv.reachedShare));
    await expect(main.locator('canvas').first()).toBeVisible();
    await shoot(page, testInfo, `${tag}-analytics-ttv`);
    const tab = (i: number) => main.getByRole('tab').nth(i);
    await tab(1).click();
    await expect(main.locator('[data-metric="activation.mature"]')).toHaveText(number.format(activation.mature));
    await expect(main.locator('[data-metric="activation.activated"]')).toHaveText(number.format(activation.activated));
    await expect(main.locator('[data-metric="activation.rate"]')).toHaveText(percent.format(activation.rate));
    await shoot(page, testInfo, `${tag}-analytics-activation`);
    await tab(2).click();
    await expect(main.locator('table.heatmap tbody tr')).toHaveCount(retention.cohorts.length);
    await shoot(page, testInfo, `${tag}-analytics-retention`);
    // A heatmap cell opens exactly its users: the cohort's members active in that week.
    const cell = main.locator('table.heatmap tbody tr').first().locator('td a').first();
    const cellUsers = await api<{ users: { id: string }[] }>(server, `/v1/users?limit=1000&${(await cell.getAttribute('href'))!.split('?')[1]}`);
    expect(cellUsers.users.length).toBeGreaterThan(0);
    await cell.click();
    await expect(main.locator('p.badges')).toBeVisible();
    await expect(main.locator('tbody tr')).toHaveCount(Math.min(cellUsers.users.length, 50));
    await page.goBack();
    await tab(3).click();
    await expect(main.locator('[data-metric="dormancy.dormant"]')).toBeVisible();
    await shoot(page, testInfo, `${tag}-analytics-dormancy`);
    await tab(4).click();
    await expect(main.locator('[data-metric="nps.respondents"]')).toHaveText(number.format(nps.respondents));
    await expect(main.locator('[data-metric="nps.nps"]')).toHaveText(number.format(nps.nps));
    await expect(main.locator('.comment').first()).toBeVisible();
    await shoot(page, testInfo, `${tag}-analytics-nps`);
    await tab(5).click();
    await expect(main.locator('[data-metric="ndr.beginMrr"]')).toHaveText(number.format(ndr.beginMrr));
    await expect(main.locator('[data-metric="ndr.endMrr"]')).toHaveText(number.format(ndr.endMrr));
    await shoot(page, testInfo, `${tag}-analytics-ndr`);

    // Accounts and one account.
    const accounts = await api<{ accounts: { id: string; name: string | null }[] }>(server, '/v1/accounts?limit=10');
    expect(accounts.accounts.length).toBeGreaterThan(0);
    await visit(page, server, '/accounts');
    await expect(main).toContainText(accounts.accounts[0]!.name ?? accounts.accounts[0]!.id);
    await shoot(page, testInfo, `${tag}-accounts`);
    const account = await api<{ id: string; name: string | null; users: unknown[] }>(server, `/v1/accounts/${accountIds[0]}`);
    await visit(page, server, `/accounts/${accountIds[0]}`);
    await expect(main.locator('h1')).toContainText(account.name ?? account.id);
    await shoot(page, testInfo, `${tag}-account`);

    // Users and one user.
    const users = await api<{ users: { id: string; name: unknown }[] }>(server, '/v1/users?limit=5');
    await visit(page, server, '/users');
    await expect(main).toContainText(String(users.users[0]!.name ?? users.users[0]!.id));
    await shoot(page, testInfo, `${tag}-users`);
    const user = await api<{ id: string; traits: { email?: string } }>(server, `/v1/users/${userIds[0]}`);
    await visit(page, server, `/users/${userIds[0]}`);
    await expect(main).toContainText(user.traits.email ?? user.id);
    await shoot(page, testInfo, `${tag}-user`);

    // Install: this workspace's write key; Settings: the value event; Team: the owner.
    await visit(page, server, '/install');
    await expect(main).toContainText(server.writeKey);
    await shoot(page, testInfo, `${tag}-install`);
    await visit(page, server, '/settings');
    await expect.poll(() => main.locator('input, select').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toContain(SETTINGS.valueEvent);
    await shoot(page, testInfo, `${tag}-settings`);
    await visit(page, server, '/settings/webhooks');
    await expect(main).toContainText(WEBHOOK_URL);
    await shoot(page, testInfo, `${tag}-webhooks`);
    await visit(page, server, '/team');
    await expect(main).toContainText(EMAIL);
    await shoot(page, testInfo, `${tag}-team`);

    expect(errors).toEqual([]);
  });
}

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

test('the analytics charts and heatmap in the dark theme', async ({ page, seeded }, testInfo) => {
  test.setTimeout(60_000);
  const { server } = seeded;
  const errors = watchErrors(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, server, 'en');
  const now = Date.now();
  await visit(page, server, `/analytics?from=${dayText(now - 70 * DAY)}&to=${dayText(now)}`);
  const main = page.locator('main');
  // The system's dark preference took: light text on a dark page, readable (WCAG contrast ≥ 4.5).
  const [text, page_] = await page.evaluate(() => [getComputedStyle(document.querySelector('main')!).color, getComputedStyle(document.body).backgroundColor]);
  const [light, dark] = [luminance(text!), luminance(page_!)];
  expect(light).toBeGreaterThan(dark);
  expect((light + 0.05) / (dark + 0.05)).toBeGreaterThanOrEqual(4.5);
  const names = ['ttv', 'activation', 'retention', 'dormancy', 'nps', 'ndr'];
  for (const [i, name] of names.entries()) {
    await main.getByRole('tab').nth(i).click();
    await expect(main.locator(name === 'retention' ? 'table.heatmap' : name === 'nps' ? '[data-metric="nps.nps"]' : 'canvas').first()).toBeVisible();
    await shoot(page, testInfo, `dark-analytics-${name}`);
  }
  expect(errors).toEqual([]);
});
