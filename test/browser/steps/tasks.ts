import type { Locator, Page } from 'playwright-core';

/**
 * Steps on the "My tasks" calendar, found by role and accessible name as a person with a screen reader finds
 * them. Marking a task done is the home page's step (`markTaskDone` in ./home): the same checkbox.
 */

/** Opens "My tasks" from the navigation and waits until its tasks have loaded (the day's list is there). */
export async function openMyTasks(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'My tasks' }).click();
  await page.waitForURL(/\/tasks$/);
  await page.getByTestId('calendar-range').waitFor();
}

/** Switches the calendar to the day or the week view (by the label of the segmented control, e.g. "Week"). */
export async function showView(page: Page, label: string, group = 'View'): Promise<void> {
  await page.getByRole('radiogroup', { name: group }).getByText(label, { exact: true }).click();
}

/** A titled task list of the calendar: "Overdue" or a day ("Tue, Dec 1", as `Intl` writes it in English). */
export function taskList(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** The titles of the tasks in a list, once it shows at least `atLeast` of them, in the order shown. */
export async function taskTitles(list: Locator, atLeast = 1): Promise<string[]> {
  if (atLeast > 0)
    await list
      .getByRole('listitem')
      .nth(atLeast - 1)
      .waitFor();
  return list.getByRole('listitem').getByRole('link').allTextContents();
}
