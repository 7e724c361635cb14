import type { Locator, Page } from 'playwright-core';
import { choose, chooseMany } from './common';

/**
 * Steps of the people import wizard (`/people/import`, "Import people" on the People page): choose a CSV, say what
 * each column holds, set the email domain and roles, check, import. Controls are found by their accessible names.
 */

/** From any signed-in page: People → Import people, ready for a file. */
export async function openPeopleImport(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: 'Import people', exact: true }).click();
  await page.locator('input[type=file]').waitFor({ state: 'attached' });
}

export async function choosePeopleFile(page: Page, file: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('people-import-mapping').waitFor();
}

/** Says what a column holds: "Name", "Email", "Roles", "Manager", "Team" or "Don’t import". */
export async function mapPeopleColumn(page: Page, column: string, holds: string): Promise<void> {
  await choose(page, page.getByTestId('people-import-mapping'), `Holds: ${column}`, holds);
}

/** What a column holds now, as its select shows it. */
export async function mappedPeopleColumn(page: Page, column: string): Promise<string> {
  return page
    .getByTestId('people-import-mapping')
    .getByRole('textbox', { name: `Holds: ${column}`, exact: true })
    .inputValue();
}

export interface PeopleImportOptions {
  readonly emailDomain?: string;
  /** Role labels as the selects show them, e.g. "Sales manager (manager)". */
  readonly roles?: readonly string[];
  readonly managerRoles?: readonly string[];
}

export async function setPeopleOptions(page: Page, options: PeopleImportOptions): Promise<void> {
  const scope = page.getByTestId('people-import-options');
  if (options.emailDomain !== undefined)
    await scope.getByRole('textbox', { name: 'Email domain', exact: true }).fill(options.emailDomain);
  if (options.roles) await chooseMany(page, scope, 'Roles for people', options.roles);
  if (options.managerRoles) await chooseMany(page, scope, 'Roles for managers', options.managerRoles);
  // Leave no control focused (the multi-select hands focus on with Tab): screenshots show the form at rest.
  await page.evaluate('document.activeElement?.blur()');
}

/** Runs the check (a dry run) and returns its summary. */
export async function checkPeople(page: Page): Promise<Locator> {
  await page.getByTestId('people-import-check').click();
  return settled(page, page.getByTestId('people-import-summary'));
}

/** Imports and returns the last step's report. */
export async function importCheckedPeople(page: Page): Promise<Locator> {
  await page.getByTestId('people-import-run').click();
  return settled(page, page.getByTestId('people-import-done'));
}

async function settled(page: Page, outcome: Locator): Promise<Locator> {
  const problem = page.getByTestId('people-import-problem');
  await outcome.or(problem).first().waitFor();
  if (await problem.isVisible()) throw new Error(`The import was refused: ${await problem.innerText()}`);
  return outcome;
}
