import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { choose } from './common';

/**
 * Steps of the workspace list (`/o/:object`), by role and accessible name: open a list from the navigation,
 * sort, search, filter, choose columns, edit cells in place, act on selected rows, export.
 */

/** The list's table (named by the object's plural label). */
export const listTable = (page: Page, plural: string): Locator => page.getByRole('table', { name: plural });

/** The row of a record, by its id. */
export const listRow = (page: Page, id: string): Locator => page.locator(`tbody tr[data-row="${id}"]`);

/** A cell of a record's row, by field name. */
export const listCell = (page: Page, id: string, field: string): Locator =>
  listRow(page, id).locator(`td[data-field="${field}"]`);

/** The number the list shows as its total ("Total: 70" → 70). */
export async function shownTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('total-count').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** Waits until the list shows `total` records in all. */
export async function waitForTotal(page: Page, total: number): Promise<void> {
  await page.waitForFunction(
    `(document.querySelector('[data-testid="total-count"]')?.textContent ?? '').replace(/[^\\d]/g, '') === '${total}'`,
  );
}

/** Opens an object's list from the navigation, by its plural label. */
export async function openList(page: Page, plural: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: plural, exact: true }).click();
  await listTable(page, plural).locator('tbody tr[data-row]').first().waitFor();
}

/** Clicks a column header until the column is sorted `direction`. */
export async function sortBy(page: Page, column: string, direction: 'ascending' | 'descending'): Promise<void> {
  const header = page.getByRole('columnheader', { name: column, exact: true });
  for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== direction; i++) {
    await header.getByRole('button').click();
    await page.waitForTimeout(50);
  }
}

export async function searchList(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
}

/** Opens the filter builder and adds one clause "field · operator · option value". */
export async function filterBy(page: Page, field: string, operator: string, value: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Filter' }).click();
  const builder = page.getByRole('dialog', { name: 'Filter' });
  await builder.getByRole('button', { name: 'Add condition' }).click();
  const clause = builder.getByRole('group', { name: 'Condition 1' });
  await choose(page, clause, 'Field', field);
  await choose(page, clause, 'Operator', operator);
  await choose(page, clause, 'Value', value);
  return builder;
}

/** Hides (or shows) a column with the column chooser. */
export async function toggleColumn(page: Page, column: string): Promise<void> {
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: column, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** Edits a cell in place from the keyboard: the cell focused, Enter, the new text, Enter. */
export async function editCellText(page: Page, id: string, field: string, label: string, text: string) {
  await listCell(page, id, field).focus();
  await page.keyboard.press('Enter');
  const input = listCell(page, id, field).getByRole('textbox', { name: label });
  await input.fill(text);
  await input.press('Enter');
}

export async function selectRows(page: Page, titles: readonly string[]): Promise<void> {
  for (const title of titles) await page.getByRole('checkbox', { name: `Select ${title}`, exact: true }).check();
}

/** Sets one option field on the selected rows. */
export async function bulkSetOption(page: Page, field: string, option: string): Promise<void> {
  const bar = page.getByRole('region', { name: 'Selected records' });
  await bar.getByRole('button', { name: 'Edit field' }).click();
  const dialog = page.getByRole('dialog', { name: /^Edit \d+ selected records$/ });
  await choose(page, dialog, 'Field', field);
  await choose(page, dialog, 'New value', option);
  await dialog.getByRole('button', { name: /^Set on \d+ records$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

export async function bulkDelete(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Selected records' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: /^Delete \d+ selected records\?$/ });
  await dialog.getByRole('button', { name: /^Delete \d+$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Exports the shown view in a format from the "Export" menu; answers the downloaded file's path. */
export async function exportFile(page: Page, format: 'CSV (.csv)' | 'Excel (.xlsx)'): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: format }).click(),
  ]);
  return (await download.path())!;
}

/** Exports the shown view as CSV and answers the file's text. */
export async function exportCsv(page: Page): Promise<string> {
  return readFile(await exportFile(page, 'CSV (.csv)'), 'utf8');
}
