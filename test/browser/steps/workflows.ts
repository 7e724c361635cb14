import type { Locator, Page } from 'playwright-core';
import { choose } from './common';

/**
 * The workflow designer's UI steps (studio/src/workflows), each a few clicks a person makes, so that tests —
 * this feature's and an end-to-end one — compose them. They find controls by role and accessible name.
 */

/** The canvas node of a step (or `__trigger`). */
export function node(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** The designer's side panel (an aside at desktop width). */
export function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Panel' });
}

/** Opens a workflow's designer from the list. */
export async function openWorkflow(page: Page, name: string): Promise<void> {
  await openWorkflows(page);
  await page.locator(`tr[data-row="${name}"]`).getByRole('link').click();
  await node(page, '__trigger').waitFor();
}

/** Runs a test of the saved workflow on the record found by `search` (its title), from the Test tab. */
export async function testRun(page: Page, objectName: string, search: string): Promise<void> {
  await panel(page).getByRole('tab', { name: 'Test' }).click();
  const picker = panel(page).getByRole('textbox', { name: `Record (${objectName})` });
  await picker.fill(search);
  await page.getByRole('option').filter({ hasText: search }).first().click();
  await panel(page).getByRole('button', { name: 'Run test' }).click();
}

export async function openWorkflows(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Workflows', exact: true }).click();
  await page.getByRole('heading', { name: 'Workflows' }).waitFor();
}

/**
 * From the workflows list: "New workflow" with a name, label, trigger type and object (labels as the dialog
 * shows them, e.g. "Stage changed", "Deal (deal)") and a first step type; ends in its designer.
 */
export async function createWorkflow(
  page: Page,
  options: { name: string; label: string; trigger: string; object?: string; firstStep: string },
): Promise<void> {
  await page.getByRole('button', { name: 'New workflow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workflow' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(options.name);
  await dialog.getByRole('textbox', { name: 'Label', exact: true }).fill(options.label);
  await choose(page, dialog, 'Trigger', options.trigger);
  if (options.object) await choose(page, dialog, 'Object', options.object);
  await choose(page, dialog, 'First step', options.firstStep);
  // The last select's option list closes before the button is pressed (under load it can still cover it).
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  // A refusal stays in the dialog: fail with what it says rather than a bare time-out.
  const refused = dialog.locator('.mantine-InputWrapper-error, [role=alert]').first();
  const closed = await Promise.race([
    dialog.waitFor({ state: 'hidden' }).then(() => true),
    refused.waitFor().then(
      () => false,
      () => false,
    ),
  ]);
  if (!closed) throw new Error(`New workflow was refused: ${await dialog.innerText()}`);
  await page.getByRole('heading', { name: `Workflow: ${options.label}` }).waitFor();
}

/** Selects a node on the canvas; its settings open in the panel. */
export async function selectNode(page: Page, id: string): Promise<void> {
  await node(page, id).click();
  await panel(page).getByRole('tab', { name: 'Settings' }).click();
}

/** Adds a step from the palette (after the selected node) by its type's label, e.g. "Notify". */
export async function addStep(page: Page, typeLabel: string): Promise<void> {
  await page.getByRole('button', { name: `Add step: ${typeLabel}` }).click();
}

/** Types into a text setting of the selected node, found by its label ("Into stage", "Message"). */
export async function fillSetting(page: Page, label: string, value: string): Promise<void> {
  await panel(page).getByRole('textbox', { name: label, exact: true }).fill(value);
}

/** Picks the object a step or trigger names ("Task (task)") from the settings' object list. */
export async function chooseObjectSetting(page: Page, option: string): Promise<void> {
  await choose(page, panel(page), 'Object', option, option.slice(0, 3));
}

/**
 * Adds an entry to a map setting (a record's `data`): "Add", then the key, then the value; `template` (a path
 * such as `trigger.record.name`) is put in after the value with the variable picker.
 */
export async function addMapEntry(page: Page, key: string, value: string, template?: { path: string }): Promise<void> {
  const scope = panel(page);
  await scope.getByRole('button', { name: 'Add entry', exact: true }).click();
  const keyInput = scope.getByRole('textbox', { name: 'Key', exact: true }).last();
  await keyInput.fill(key);
  await keyInput.blur();
  const valueInput = scope.getByRole('textbox', { name: key, exact: true });
  await valueInput.fill(value);
  if (template) {
    await valueInput.press('End');
    await scope.getByRole('button', { name: `Insert a variable into ${key}` }).click();
    await page
      .getByRole('menuitem', { name: new RegExp(`\\{\\{${template.path.replace(/\./g, '\\.')}\\}\\}`) })
      .click();
  }
}

/** Saves (a new version) and activates, waiting for the server to answer each. */
export async function saveAndActivate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Unsaved changes' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await page.getByRole('button', { name: 'Deactivate', exact: true }).waitFor();
}

/** Opens the run history and selects the newest run with this status (lower case, e.g. "completed"). */
export async function openRunHistory(page: Page, status: string): Promise<void> {
  await panel(page).getByRole('tab', { name: 'Runs' }).click();
  const run = panel(page)
    .getByRole('button', { name: new RegExp(`^Show the run ${status} at`) })
    .first();
  await run.waitFor({ timeout: 15_000 });
  await run.click();
}
