import type { Locator, Page } from 'playwright-core';
import { choose } from './common';

/**
 * Steps of the CSV import wizard (`/o/<object>/import`): choose a file, map columns, check, explain unmatched
 * values, import. Controls are found by their accessible names, as elsewhere.
 */

export async function openImport(page: Page, object: string): Promise<void> {
  await page.goto(new URL(`/o/${object}/import`, page.url()).toString());
  await page.locator('input[type=file]').waitFor({ state: 'attached' });
}

export async function chooseFile(page: Page, file: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('import-mapping').waitFor();
}

/** Sets the field a column fills (by the field's label, or "Don’t import"). */
export async function mapColumn(page: Page, column: string, fieldLabel: string): Promise<void> {
  await choose(page, page.getByTestId('import-mapping'), `Field: ${column}`, fieldLabel, fieldLabel);
}

/** The field a column fills now, as the select shows it. */
export async function mappedField(page: Page, column: string): Promise<string> {
  return page
    .getByTestId('import-mapping')
    .getByRole('textbox', { name: `Field: ${column}`, exact: true })
    .inputValue();
}

/** Runs the check (dry run) and waits for its summary. */
export async function checkFile(page: Page, again = false): Promise<Locator> {
  await page.getByTestId(again ? 'import-check-again' : 'import-check').click();
  const summary = page.getByTestId('import-summary');
  const problem = page.getByTestId('import-problem');
  await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 120_000 });
  await summary.or(problem).waitFor();
  if (await problem.isVisible()) throw new Error(`The import was refused: ${await problem.innerText()}`);
  return summary;
}

/** Rows the check found per unmatched value of a column (from the fixes table). */
export async function unmatchedValues(page: Page, column: string): Promise<Record<string, number>> {
  const rows = page.getByTestId('import-fixes').locator('tbody tr');
  const out: Record<string, number> = {};
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allInnerTexts();
    if (cells[0] === column) out[cells[1]!] = Number(cells[2]!.replace(/\D/g, ''));
  }
  return out;
}

/** Says what an unmatched value means: an option's label, a record found by `search`, or "Leave empty". */
export async function fixValue(page: Page, field: string, text: string, meaning: string, search?: string) {
  await choose(page, page.getByTestId('import-fixes'), `${field}: ${text}`, meaning, search);
}

/** Imports (the good rows) and waits for the wizard's last step. */
export async function runImport(page: Page): Promise<Locator> {
  await page.getByTestId('import-run').click();
  const done = page.getByTestId('import-done');
  await done.waitFor({ timeout: 180_000 });
  return done;
}

/** Adds a value every row gets where it has none of its own. */
export async function addDefault(page: Page, fieldLabel: string, value: string): Promise<void> {
  const scope = page.getByTestId('import-defaults');
  const index = (await scope.getByRole('textbox', { name: /^Field for every row \d+$/ }).count()) + 1;
  await scope.getByRole('button', { name: 'Add a value for every row' }).click();
  await choose(page, scope, `Field for every row ${index}`, fieldLabel, fieldLabel);
  await scope.getByRole('textbox', { name: `Value for every row: ${fieldLabel}`, exact: true }).fill(value);
}
