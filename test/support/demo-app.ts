// Driving the /demo vendor app the way a user does (selectors: server/src/web/demo/README.md).
import { expect, type Page } from '@playwright/test';

export type DemoRoute = 'home' | 'projects' | 'reports' | 'teammates' | 'settings';

/** Signs in with the prefilled persona, or the given name/email/company. */
export async function signIn(
  page: Page,
  who: { name?: string; email?: string; company?: string } = {},
) {
  if (who.name !== undefined) await page.getByTestId('signin-name').fill(who.name);
  if (who.email !== undefined) await page.getByTestId('signin-email').fill(who.email);
  if (who.company !== undefined) await page.getByTestId('signin-company').fill(who.company);
  await page.getByTestId('signin-submit').click();
  await expect(page.locator('#signout')).toBeVisible();
}

/** Follows the sidebar link (client-side navigation: pushState). */
export async function navigate(page: Page, route: DemoRoute) {
  await page.locator(`#nav-${route}`).click();
  await expect(page).toHaveURL(route === 'home' ? /\/demo\/?$/ : new RegExp(`/demo/${route}/?$`));
  await expect(page.locator(`#nav-${route}`)).toHaveAttribute('aria-current', 'page');
}

export async function createProject(page: Page, name: string) {
  await page.locator('#new-project').click();
  await page.getByTestId('project-name').fill(name);
  await page.getByTestId('project-submit').click();
  await expect(page.getByTestId('project-item').filter({ hasText: name })).toBeVisible();
}

export async function createReport(page: Page, name: string) {
  await page.locator('#new-report').click();
  await page.getByTestId('report-name').fill(name);
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('report-item').filter({ hasText: name })).toBeVisible();
}

export async function inviteTeammate(page: Page, email: string) {
  await page.locator('#invite-teammate').click();
  await page.getByTestId('invite-email').fill(email);
  await page.getByTestId('invite-submit').click();
  await expect(page.getByTestId('teammate-item').filter({ hasText: email })).toBeVisible();
}

export async function renameUser(page: Page, displayName: string) {
  await page.getByTestId('settings-name').fill(displayName);
  await page.getByTestId('settings-submit').click();
  await expect(page.getByTestId('current-user')).toHaveText(displayName);
}

/** Records console errors and uncaught exceptions; `list()` at the end should be empty. */
export function watchPageErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { list: () => errors.slice() };
}
