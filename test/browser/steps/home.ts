import type { Locator, Page } from 'playwright-core';

/**
 * Steps on the home page and in global search, found by role and accessible name as a person with a screen
 * reader finds them.
 */

/** Opens Home from the navigation and waits for its "My tasks" card (or `landmark`). */
export async function openHome(page: Page, landmark: Locator = page.getByRole('region', { name: 'My tasks' })) {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Home', exact: true }).click();
  await page.waitForURL(/\/home$/);
  await landmark.waitFor();
}

/** The number on a task group's badge (Overdue, Today, Next 7 days) once the card has loaded. */
export async function taskGroupCount(page: Page, group: 'overdue' | 'today' | 'upcoming'): Promise<number> {
  const badge = page.getByRole('region', { name: 'My tasks' }).getByTestId(`${group}-count`);
  await badge.waitFor();
  return Number(await badge.textContent());
}

/** Ticks a task's checkbox on the home page and waits until the task has left the list. */
export async function markTaskDone(page: Page, title: string): Promise<void> {
  const checkbox = page.getByRole('checkbox', { name: `Mark “${title}” done` });
  // A click, not check(): the row leaves the list once the server has the task done, and check() would wait
  // to see the box ticked on a row that no longer exists.
  await checkbox.click();
  await checkbox.waitFor({ state: 'detached' });
}

/** Opens global search with its keyboard shortcut and types `text`; answers the search dialog. */
export async function searchFor(page: Page, text: string): Promise<Locator> {
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Search records' });
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: 'Search records' }).fill(text);
  return dialog;
}
