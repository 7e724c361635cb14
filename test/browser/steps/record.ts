import type { Locator, Page } from 'playwright-core';

/**
 * Steps on a record page (`/o/:object/:id`): opening it, editing and saving its form, adding a note or a
 * follow-up task from its timeline, reading its timeline and related lists. Controls are found by role and
 * accessible name, in English.
 */

/** The record form's region. */
export const recordForm = (page: Page): Locator => page.getByRole('region', { name: 'Details' });
/** The timeline's region. */
export const timeline = (page: Page): Locator => page.getByRole('region', { name: 'Timeline' });
/** One related list (by the relation's label: "Tasks"). */
export const relatedList = (page: Page, label: string): Locator =>
  page.getByRole('region', { name: 'Related records' }).getByRole('region', { name: label, exact: true });

/**
 * Opens a record by a link inside the studio (no reload, as a click in a list does) and waits until its form
 * shows `titleField` with the record's title. Answers the milliseconds from navigation to the form.
 */
export async function openRecord(
  page: Page,
  object: string,
  id: string,
  title: { label: string; value: string },
): Promise<number> {
  const path = JSON.stringify(`/o/${object}/${id}`);
  const started = Date.now();
  await page.evaluate(`history.pushState(null, '', ${path}); dispatchEvent(new PopStateEvent('popstate'))`);
  await recordForm(page).getByRole('textbox', { name: title.label, exact: true }).waitFor();
  await page.waitForFunction(
    `document.querySelector('input[id^="record"][value=${JSON.stringify(title.value)}]') !== null`,
  );
  return Date.now() - started;
}

/** Types a new value into a text or number input of the record form. */
export async function fillField(page: Page, label: string, value: string): Promise<void> {
  const input = recordForm(page).getByRole('textbox', { name: label, exact: true });
  await input.fill(value);
}

/** Saves the form and waits for the server's answer: the "Saved" notice, or an error on a field or above them. */
export async function saveForm(page: Page): Promise<void> {
  await recordForm(page).getByRole('button', { name: 'Save' }).click();
  await page
    .getByText('Saved', { exact: true })
    .or(recordForm(page).locator('.mantine-InputWrapper-error, [role=alert]'))
    .first()
    .waitFor();
}

/** Adds a follow-up task from the timeline's quick-add and waits for it in the timeline. */
export async function addFollowUpTask(page: Page, title: string): Promise<void> {
  await timeline(page).getByRole('button', { name: 'Add follow-up task' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add follow-up task' });
  await dialog.getByRole('textbox', { name: 'Task', exact: true }).fill(title);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await dialog.waitFor({ state: 'detached' });
  await timeline(page).getByText(title, { exact: true }).waitFor();
}

/** Adds a note from the timeline's quick-add and waits for it in the timeline. */
export async function addNote(page: Page, note: { title: string; body: string }): Promise<void> {
  await timeline(page).getByRole('button', { name: 'Add note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add note' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(note.title);
  await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill(note.body);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await dialog.waitFor({ state: 'detached' });
  await timeline(page).getByText(note.title, { exact: true }).waitFor();
}

/** Closes the notices ("Saved", "Task added") so that a screenshot shows the page under them. */
export async function dismissNotices(page: Page): Promise<void> {
  const close = page.locator('.mantine-Notifications-root').getByRole('button').filter({ visible: true });
  for (let i = 0; i < 10 && (await close.count()) > 0; i++)
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => {});
  await page
    .locator('.mantine-Notifications-root [role=alert]')
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'hidden' });
}
