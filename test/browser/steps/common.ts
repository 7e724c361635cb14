import type { Locator, Page } from 'playwright-core';
import type { TestApi } from '../../support/api';

/**
 * Steps every part of the studio needs: signing in and picking options of Mantine selects. Like the other steps
 * they find controls by role and accessible name, as a person with a screen reader does.
 */

/**
 * Signs in with the studio's login form as the test server's admin and waits for `landmark` (by default the
 * objects list, the first page after signing in).
 */
export async function signIn(
  page: Page,
  account: Pick<TestApi, 'server' | 'email' | 'password'>,
  landmark: Locator = page.getByRole('table', { name: 'Objects' }),
): Promise<void> {
  await page.goto(account.server.url);
  await page.locator('input[name=email]').fill(account.email);
  await page.locator('input[name=password]').fill(account.password);
  await page.locator('input[name=password]').press('Enter');
  await landmark.waitFor();
}

/**
 * Picks an option of a Mantine select inside `scope`, by the select's label and the option's text. `search` is
 * typed first into a searchable select: long lists (currencies) show only their first matches until one types.
 */
export async function choose(
  page: Page,
  scope: Locator | Page,
  label: string,
  option: string | RegExp,
  search?: string,
): Promise<void> {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.click();
  if (search && (await input.isEditable())) await input.fill(search);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Picks several options of a Mantine multi-select, then closes its dropdown. */
export async function chooseMany(page: Page, scope: Locator, label: string, options: readonly string[]) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  for (const option of options) {
    await input.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await input.press('Tab');
}
