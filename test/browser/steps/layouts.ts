import type { Locator, Page } from 'playwright-core';
import { choose } from './common';

/**
 * Reusable UI steps for the form layout designer (studio/src/layouts), in English, taking a signed-in page.
 * Each step does what a person does: finds controls by role and accessible name, and waits for the result.
 */

/** Opens Forms from the navigation and picks an object ("Deal (deal)"). */
export async function openFormLayouts(page: Page, objectOption: string): Promise<void> {
  await page.getByRole('link', { name: 'Forms' }).click();
  await choose(page, page, 'Object', objectOption);
  await page.getByRole('region', { name: 'Preview' }).waitFor();
}

/** The card of the section labelled `label`. */
export function section(page: Page, label: string): Locator {
  return page.getByRole('region', { name: `Section ${label}`, exact: true });
}

/** Gives a section its label, API name and number of columns. */
export async function editSection(
  page: Page,
  current: string,
  settings: { label?: string; name?: string; columns?: 1 | 2 | 3 },
): Promise<string> {
  let card = section(page, current);
  if (settings.label !== undefined) {
    await card.getByRole('textbox', { name: 'Section label' }).fill(settings.label);
    card = section(page, settings.label || current);
  }
  if (settings.name !== undefined) await card.getByRole('textbox', { name: 'Section name' }).fill(settings.name);
  if (settings.columns !== undefined) {
    await card
      .getByRole('radiogroup', { name: 'Columns' })
      .getByText(String(settings.columns), { exact: true })
      .click();
  }
  return settings.label || current;
}

/** Adds a section at the end and gives it these settings. */
export async function addSection(
  page: Page,
  settings: { label: string; name: string; columns: 1 | 2 | 3 },
): Promise<Locator> {
  const count = await page.getByRole('region', { name: /^Section / }).count();
  await page.getByRole('button', { name: 'Add section' }).click();
  await editSection(page, `Section ${count + 1}`, settings);
  return section(page, settings.label);
}

/** Moves a field with its menu ("Move to section…") to the section labelled `target`, or off the form. */
export async function moveFieldByMenu(page: Page, field: string, target: string | 'Not on the form'): Promise<void> {
  await page.getByRole('button', { name: `Move ${field} to…`, exact: true }).click();
  await page.getByRole('menuitem', { name: target, exact: true }).click();
  await page.getByRole('menu').waitFor({ state: 'hidden' });
}

/**
 * Drags a field by keyboard: focus its handle, space to pick it up, the arrow keys given, space to drop.
 */
export async function moveFieldByKeyboard(page: Page, field: string, keys: readonly string[]): Promise<void> {
  const handle = page.getByRole('button', { name: `Drag ${field}`, exact: true });
  await handle.focus();
  await page.keyboard.press('Space');
  // The sensor measures the droppables after picking up, and again after each step (they move to make room).
  await page.waitForTimeout(250);
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.waitForTimeout(250);
  }
  await page.keyboard.press('Space');
  await page.waitForFunction(`!document.querySelector('[aria-pressed="true"]')`);
}

/** The labels of the fields a section shows, in order. */
export async function fieldsOf(card: Locator): Promise<string[]> {
  const handles = await card.getByRole('button', { name: /^Drag / }).all();
  const labels = await Promise.all(handles.map((handle) => handle.getAttribute('aria-label')));
  return labels.map((label) => (label ?? '').replace(/^Drag /, ''));
}

/** Shows a section only when `field` is `value` (a select field), with the condition builder. */
export async function showSectionWhen(page: Page, label: string, field: string, value: string): Promise<void> {
  const card = section(page, label);
  const condition = card.getByRole('group', { name: 'Show this section only when' });
  await condition.getByRole('button', { name: 'Add condition' }).click();
  const clause = condition.getByRole('group', { name: 'Condition 1' });
  await choose(page, clause, 'Field', field);
  await choose(page, clause, 'Value', value);
}

/** Saves the layout and waits for the confirmation. */
export async function saveLayout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save layout' }).click();
  await page.getByText('Layout saved').waitFor();
  await page.getByText('Unsaved changes').waitFor({ state: 'hidden' });
}
