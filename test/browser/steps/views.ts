import type { Locator, Page } from 'playwright-core';

/**
 * Steps of the list's saved views menu (`/o/:object`): pick a view, save the shown one as a new view
 * (shared or not), delete one after its confirmation.
 */

/** The views menu's button ("View: All records", "View: <name>"). */
export const viewsButton = (page: Page): Locator => page.getByRole('button', { name: /^View: / });

/** Opens the views menu and answers its items' names. */
export async function viewNames(page: Page): Promise<string[]> {
  await viewsButton(page).click();
  const items = page.getByRole('menuitem');
  await items.first().waitFor();
  const names = (await items.allTextContents()).map((n) => n.trim());
  await page.keyboard.press('Escape');
  return names;
}

/** Picks a view (or "All records") from the menu. */
export async function pickView(page: Page, name: string | RegExp): Promise<void> {
  await viewsButton(page).click();
  await page.getByRole('menuitem', { name }).click();
}

/** "Save as new view…": names the view, shares it when asked, saves; waits until the URL carries it. */
export async function saveViewAs(page: Page, name: string, options: { shared?: boolean } = {}): Promise<string> {
  await viewsButton(page).click();
  await page.getByRole('menuitem', { name: 'Save as new view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as a new view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  if (options.shared) await dialog.getByRole('switch').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await viewsButton(page).filter({ hasText: name }).waitFor();
  return new URL(page.url()).searchParams.get('view')!;
}

/** "Delete view…" of the shown view, confirmed. */
export async function deleteShownView(page: Page, name: string): Promise<void> {
  await viewsButton(page).click();
  await page.getByRole('menuitem', { name: 'Delete view…' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete view “${name}”?` });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
