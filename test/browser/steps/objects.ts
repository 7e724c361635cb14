import type { Locator, Page } from 'playwright-core';
import { choose } from './common';

/**
 * Reusable UI steps of the object manager (studio/src/designer): each drives the studio as a person would, by
 * roles and accessible names, and waits until the server answered. English UI.
 */

/** A field to add through "Add field", by type; what the type's settings panel asks for. */
export type FieldSpec = { readonly name: string; readonly label?: string; readonly required?: boolean } & (
  | { readonly type: 'text' | 'longText' | 'date' | 'boolean' | 'email' }
  | { readonly type: 'number'; readonly precision?: number; readonly min?: number; readonly max?: number }
  | { readonly type: 'currency'; readonly currency: string }
  | { readonly type: 'select' | 'multiSelect'; readonly options: readonly { value: string; color?: string }[] }
  | { readonly type: 'relation'; readonly target: string; readonly many?: boolean }
  | { readonly type: 'formula'; readonly expression: string }
  | { readonly type: 'rollup' }
);

export interface ObjectSpec {
  readonly name: string;
  readonly pluralName: string;
  readonly label?: string;
  readonly fields: readonly FieldSpec[];
}

const TYPE_LABELS: Record<FieldSpec['type'], string> = {
  text: 'Text',
  longText: 'Long text',
  date: 'Date',
  boolean: 'Yes/no',
  email: 'Email',
  number: 'Number',
  currency: 'Currency',
  select: 'Select (one option)',
  multiSelect: 'Multi-select',
  relation: 'Relation',
  formula: 'Formula',
  rollup: 'Rollup',
};

/** Opens an object's fields page from the navigation. */
export async function openObject(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Objects', exact: true }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await page.locator('h2', { hasText: 'Fields of' }).waitFor();
}

/** Moves an option of the options editor from one 1-based position to another, with dnd-kit's keyboard sensor. */
export async function moveOption(dialog: Locator, from: number, to: number): Promise<void> {
  const handle = dialog.getByRole('button', { name: `Drag option ${from}`, exact: true });
  const page = dialog.page();
  await handle.focus();
  // dnd-kit measures the list after the lift and moves by one item per arrow key once it has: a short pause
  // between the keys lets it (it animates nothing under reduced motion).
  await page.keyboard.press('Space');
  await page.waitForTimeout(100);
  const key = to < from ? 'ArrowUp' : 'ArrowDown';
  for (let i = 0; i < Math.abs(to - from); i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(100);
  }
  await page.keyboard.press('Space');
  await page.waitForTimeout(100);
}

/** Fills the type settings of `spec` in an open field dialog (the type is already chosen). */
export async function fillTypeSettings(page: Page, dialog: Locator, spec: FieldSpec): Promise<void> {
  switch (spec.type) {
    case 'number':
      if (spec.precision !== undefined) await dialog.locator('input[name=precision]').fill(String(spec.precision));
      if (spec.min !== undefined) await dialog.locator('input[name=min]').fill(String(spec.min));
      if (spec.max !== undefined) await dialog.locator('input[name=max]').fill(String(spec.max));
      return;
    case 'currency':
      await choose(page, dialog, 'Currency', new RegExp(`^${spec.currency} ·`), spec.currency);
      return;
    case 'select':
    case 'multiSelect':
      for (const [i, option] of spec.options.entries()) {
        if (i > 0) await dialog.getByRole('button', { name: 'Add option' }).click();
        await dialog.getByRole('textbox', { name: `Option ${i + 1}`, exact: true }).fill(option.value);
        if (option.color) await dialog.getByRole('textbox', { name: `Colour of option ${i + 1}` }).fill(option.color);
      }
      await dialog.locator('input[name=name]').click(); // closes a colour picker
      return;
    case 'relation':
      await choose(page, dialog, 'Related object', spec.target);
      if (spec.many) await dialog.getByRole('checkbox', { name: 'Many' }).check();
      return;
    case 'formula':
      await typeFormula(dialog, spec.expression);
      return;
    default:
      return;
  }
}

/** Types an expression into the formula editor and waits for the server's check of exactly that text. */
export async function typeFormula(dialog: Locator, expression: string): Promise<void> {
  await dialog.getByRole('textbox', { name: 'Expression' }).fill(expression);
  await dialog.getByText('Checking…').waitFor({ state: 'detached' });
}

/** Opens "Add field", fills name, label, type and its settings; `submit: false` leaves the dialog open. */
export async function addField(page: Page, spec: FieldSpec, options: { submit?: boolean } = {}): Promise<Locator> {
  await page.getByRole('button', { name: 'Add field', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add field' });
  await dialog.locator('input[name=name]').fill(spec.name);
  if (spec.label) await dialog.locator('input[name=label]').fill(spec.label);
  if (spec.type !== 'text') await choose(page, dialog, 'Type', TYPE_LABELS[spec.type]);
  if (spec.required) await dialog.getByRole('checkbox', { name: 'Required' }).check();
  await fillTypeSettings(page, dialog, spec);
  if (options.submit === false) return dialog;
  if (spec.type === 'formula') await dialog.getByText('The formula is valid').waitFor();
  await dialog.getByRole('button', { name: 'Add field', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`tr[data-row="${spec.name}"]`).waitFor();
  return dialog;
}

/** Creates an object with the "New object" dialog and adds its fields one by one; ends on its fields page. */
export async function createObjectWithFields(page: Page, spec: ObjectSpec): Promise<void> {
  await page.getByRole('link', { name: 'Objects', exact: true }).click();
  await page.getByRole('button', { name: 'New object' }).click();
  const dialog = page.getByRole('dialog', { name: 'New object' });
  await dialog.locator('input[name=name]').fill(spec.name);
  await dialog.locator('input[name=pluralName]').fill(spec.pluralName);
  if (spec.label) await dialog.locator('input[name=label]').fill(spec.label);
  await dialog.getByRole('button', { name: 'Create object' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('link', { name: spec.name, exact: true }).click();
  await page.locator('h2', { hasText: 'Fields of' }).waitFor();
  for (const field of spec.fields) await addField(page, field);
}

/** Opens the edit dialog of a field. */
export async function editField(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: `Edit field ${name}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit field ${name}` });
  await dialog.waitFor();
  return dialog;
}
