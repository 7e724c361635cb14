import type { Locator, Page } from 'playwright-core';
import { choose } from './common';

/**
 * What a person does in the studio's pipeline editor (/pipelines), as steps other browser tests can compose.
 * Every step uses roles and accessible names only, in English.
 */

export interface StageSpec {
  readonly name: string;
  readonly label?: string;
  readonly probability: number;
  readonly won?: boolean;
  readonly lost?: boolean;
  readonly color?: string;
}

export interface PipelineSpec {
  /** The object's label and API name as the object select shows them: "Lead (lead)". */
  readonly object: string;
  readonly field: string;
  readonly label: string;
  readonly stages: readonly StageSpec[];
}

/** The row of stage `n` (1-based, as it is shown now). */
export const stageRow = (page: Page, n: number): Locator =>
  page.getByRole('group', { name: `Stage ${n}`, exact: true });

/** The pipelines page from the navigation. */
export async function openPipelines(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Pipelines' }).click();
  await page.getByRole('heading', { name: 'Pipelines', level: 2 }).waitFor({ state: 'attached' });
}

/** Shows the pipelines of one object ("Deal"). */
export async function chooseObject(page: Page, objectLabel: string): Promise<void> {
  await choose(page, page, 'Object', new RegExp(`^${objectLabel} · `));
}

/** "New pipeline": the object, the stage field and a label; the editor then shows the unsaved draft. */
export async function startPipeline(page: Page, spec: Omit<PipelineSpec, 'stages'>): Promise<void> {
  await page.getByRole('button', { name: 'New pipeline' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pipeline' });
  await choose(page, dialog, 'Object', spec.object);
  await dialog.getByRole('textbox', { name: 'Stage field' }).fill(spec.field);
  await dialog.getByRole('textbox', { name: 'Label' }).fill(spec.label);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('tab', { name: spec.label, selected: true }).waitFor({ state: 'attached' });
}

/** Types the settings of stage `n` into its row. */
export async function fillStage(page: Page, n: number, stage: StageSpec): Promise<void> {
  const row = stageRow(page, n);
  await row.getByRole('textbox', { name: `Name of stage ${n}` }).fill(stage.name);
  if (stage.label !== undefined) await row.getByRole('textbox', { name: `Label of stage ${n}` }).fill(stage.label);
  await row.getByRole('textbox', { name: `Probability of stage ${n}` }).fill(String(stage.probability));
  if (stage.won) await row.getByRole('checkbox', { name: `Stage ${n} is won` }).check();
  if (stage.lost) await row.getByRole('checkbox', { name: `Stage ${n} is lost` }).check();
  if (stage.color) {
    await row.getByRole('textbox', { name: `Colour of stage ${n}` }).fill(stage.color);
    await page.keyboard.press('Escape'); // closes the colour picker
  }
}

/** Adds stages at the end of the list, each filled in. */
export async function addStages(page: Page, stages: readonly StageSpec[]): Promise<void> {
  for (const stage of stages) {
    const n = (await page.getByRole('group', { name: /^Stage \d+$/ }).count()) + 1;
    await page.getByRole('button', { name: 'Add stage' }).click();
    await stageRow(page, n).waitFor({ state: 'attached' });
    await fillStage(page, n, stage);
  }
}

/**
 * Moves stage `n` by `by` places (negative: up) with the keyboard only: focus its handle, Space to pick it
 * up, the arrow keys, Space to drop it; each step waits for what a screen reader is told.
 */
export async function moveStageByKeyboard(page: Page, n: number, by: number): Promise<void> {
  // dnd-kit's live region: "Stage junk is over position 2." while moving, "… dropped at position 2." at the end.
  const told = (text: string, timeout?: number) =>
    page.getByRole('status').filter({ hasText: text }).waitFor({ state: 'attached', timeout });
  await page.getByRole('button', { name: `Move stage ${n}`, exact: true }).focus();
  await page.keyboard.press('Space');
  await told(`over position ${n}.`);
  for (let i = 1; i <= Math.abs(by); i++) {
    const expected = `over position ${n + Math.sign(by) * i}.`;
    // dnd-kit starts listening for arrows just after the pick-up is announced: on a loaded machine the first
    // arrow can come before that and be lost. Nothing has moved then, so pressing it again is safe.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press(by < 0 ? 'ArrowUp' : 'ArrowDown');
      const moved = await told(expected, 3_000).then(
        () => true,
        () => false,
      );
      if (moved) break;
      if (attempt === 3) throw new Error(`the stage did not move by keyboard to ${expected}`);
    }
  }
  await page.keyboard.press('Space');
  await told(`dropped at position ${n + by}.`);
}

/** Saves without a destructive plan and waits until the editor shows the saved state. */
export async function saveEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save pipeline' }).click();
  await page.getByText(/^(Unsaved changes|Not saved yet)$/).waitFor({ state: 'detached' });
}

/** The whole of "create a pipeline with these stages": New pipeline, its stages in order, Save. */
export async function createPipeline(page: Page, spec: PipelineSpec): Promise<void> {
  await startPipeline(page, spec);
  await addStages(page, spec.stages);
  await saveEditor(page);
}
