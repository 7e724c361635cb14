import type { Locator, Page } from 'playwright-core';
import { choose, chooseMany } from './common';

/**
 * Reusable studio steps for roles and people, through the UI only (as a person with a screen reader finds
 * things: by role and accessible name). Each step starts from any signed-in page.
 */

/** One clause of a condition, as the condition builder shows it: labels, not API names. */
export interface ClauseSpec {
  readonly field: string;
  readonly operator?: string;
  /** Typed into a text/autocomplete value, or picked when the value is a select. */
  readonly value?: string;
  readonly pick?: boolean;
}

/** One cell of the permission matrix: an object's label, an action's column, and how it is refined. */
export interface CellSpec {
  readonly object: string;
  readonly action: 'create' | 'read' | 'update' | 'delete' | 'all (manage)';
  readonly allow?: boolean;
  readonly conditions?: readonly ClauseSpec[];
  /** Field labels as the fields list shows them, e.g. "Name (name)". */
  readonly fields?: readonly string[];
  readonly deny?: boolean;
  /** Other actions of the object that get the same refinement ("Also apply the same to"). */
  readonly alsoTo?: readonly CellSpec['action'][];
}

export interface RoleSpec {
  readonly name: string;
  readonly label?: string;
  readonly description?: string;
  readonly cells: readonly CellSpec[];
}

/** Adds the clauses to the condition builder named `label` inside `scope`. */
export async function addClauses(page: Page, scope: Locator, label: string, clauses: readonly ClauseSpec[]) {
  const builder = scope.getByRole('group', { name: label, exact: true });
  for (const [i, clause] of clauses.entries()) {
    await builder.getByRole('button', { name: 'Add condition' }).click();
    const row = builder.getByRole('group', { name: `Condition ${i + 1}`, exact: true });
    await choose(page, row, 'Field', clause.field);
    if (clause.operator) await choose(page, row, 'Operator', clause.operator);
    if (clause.value !== undefined) {
      if (clause.pick) await choose(page, row, 'Value', clause.value);
      else await row.getByRole('textbox', { name: 'Value', exact: true }).fill(clause.value);
    }
  }
}

/** Sets one cell: ticks it, and when refined, opens it to add conditions, fields or a deny rule. */
export async function setCell(page: Page, cell: CellSpec): Promise<void> {
  const name = `${cell.object}: ${cell.action}`;
  const matrix = page.getByRole('table', { name: 'Permissions' });
  if (cell.allow !== false) await matrix.getByRole('checkbox', { name, exact: true }).check();
  if (!cell.conditions && !cell.fields && !cell.deny) return;
  await matrix.getByRole('button', { name: `Refine ${name}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  if (cell.conditions) await addClauses(page, dialog, 'Only records where', cell.conditions);
  if (cell.fields) await chooseMany(page, dialog, 'Only these fields', cell.fields);
  if (cell.deny) await dialog.getByRole('checkbox', { name: 'Denied', exact: true }).check();
  const copyTo = dialog.getByRole('group', { name: 'Also apply the same to' });
  for (const action of cell.alsoTo ?? []) await copyTo.getByRole('checkbox', { name: action, exact: true }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Opens "New role" and fills it in, without saving. */
export async function fillNewRole(page: Page, role: RoleSpec): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Roles' }).click();
  await page.getByRole('link', { name: 'New role' }).click();
  await page.getByRole('table', { name: 'Permissions' }).waitFor();
  await page.locator('input[name=name]').fill(role.name);
  if (role.label) await page.locator('input[name=label]').fill(role.label);
  if (role.description) await page.locator('textarea[name=description]').fill(role.description);
  for (const cell of role.cells) await setCell(page, cell);
}

/** Saves the role being edited and waits until it is saved and the studio is at the saved role's address. */
export async function saveRole(page: Page, name: string): Promise<void> {
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('mutation SaveRole'),
  );
  await page.getByRole('button', { name: 'Save role' }).click();
  await saved;
  await page.getByText('Role saved').waitFor();
  await page.waitForURL(`**/roles/${name}`);
  await page.getByRole('heading', { name: `Role ${name}` }).waitFor();
}

/** Creates a role through the role editor. */
export async function createRole(page: Page, role: RoleSpec): Promise<void> {
  await fillNewRole(page, role);
  await saveRole(page, role.name);
}

export async function openPeople(page: Page, tab: 'Users' | 'Teams' | 'API keys'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

/** Creates a user on the Users tab (roles by their labels in the roles select, e.g. "fieldAgent (fieldAgent)"). */
export async function createUser(
  page: Page,
  user: { email: string; name: string; password: string; roles?: readonly string[]; teams?: readonly string[] },
): Promise<void> {
  await openPeople(page, 'Users');
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.locator('input[name=email]').fill(user.email);
  await dialog.locator('input[name=name]').fill(user.name);
  await dialog.locator('input[name=password]').fill(user.password);
  if (user.roles) await chooseMany(page, dialog, 'Roles', user.roles);
  if (user.teams) await chooseMany(page, dialog, 'Teams', user.teams);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`tr[data-row="${user.email}"]`).waitFor();
}

/** Creates a team on the Teams tab, with its lead and members by the names the users are listed with. */
export async function createTeam(
  page: Page,
  team: { name: string; lead?: string; members: readonly string[] },
): Promise<void> {
  await openPeople(page, 'Teams');
  await page.getByRole('button', { name: 'New team' }).click();
  const dialog = page.getByRole('dialog', { name: 'New team' });
  await dialog.locator('input[name=name]').fill(team.name);
  if (team.lead) await choose(page, dialog, 'Lead', team.lead);
  await chooseMany(page, dialog, 'Members', team.members);
  await dialog.getByRole('button', { name: 'Save team' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`tr[data-row="${team.name}"]`).waitFor();
}

/**
 * Creates an API key on the API keys tab and answers the key as the dialog shows it, once; the dialog
 * stays open (the caller closes it with `closeApiKey`).
 */
export async function createApiKey(page: Page, key: { name: string; roles: readonly string[] }): Promise<string> {
  await openPeople(page, 'API keys');
  await page.getByRole('button', { name: 'New API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API key' });
  await dialog.locator('input[name=name]').fill(key.name);
  await chooseMany(page, dialog, 'Roles', key.roles);
  await dialog.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByRole('dialog', { name: `API key ${key.name}` });
  await shown.waitFor();
  return (await shown.getByTestId('api-key').textContent()) ?? '';
}

export async function closeApiKey(page: Page, name: string): Promise<void> {
  const shown = page.getByRole('dialog', { name: `API key ${name}` });
  await shown.getByRole('button', { name: 'Done' }).click();
  await shown.waitFor({ state: 'hidden' });
}

/** Confirms the question of a ConfirmModal titled `title` with its red button. */
export async function confirm(page: Page, title: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}
