import type { Locator, Page } from 'playwright-core';

/**
 * Steps on the kanban board of a pipeline (`/o/:object/board`). Columns are regions named after their stage,
 * the won/lost zones too; cards are list items named after their record's title.
 */

/**
 * Opens the board of an object from the navigation and its list (`objects` is its plural label, e.g. "Deals";
 * `board` the list's link to the board, in the page's language).
 */
export async function openBoard(page: Page, objects: string, firstStage: string, board = 'Board'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: objects, exact: true }).click();
  await page.getByRole('main').getByRole('link', { name: board, exact: true }).click();
  await stage(page, firstStage).getByRole('listitem').first().waitFor();
}

/** A column, or a won/lost zone, by its stage's label. */
export const stage = (page: Page, label: string): Locator => page.getByRole('region', { name: label, exact: true });

/** The card of a record, wherever it is on the board. */
export const card = (page: Page, title: string): Locator => page.getByRole('listitem', { name: title, exact: true });

/** The count shown in a column's header (or a zone). */
export async function countIn(page: Page, label: string): Promise<number> {
  return Number(await stage(page, label).getByTestId('count').textContent());
}

/** Waits until the header of a column (or zone) shows `count`. */
export async function waitForCount(page: Page, label: string, count: number): Promise<void> {
  await stage(page, label)
    .getByTestId('count')
    .filter({ hasText: new RegExp(`^${count}$`) })
    .waitFor();
}

/**
 * Drags a card onto a column or zone with the mouse, in small steps as a person would (dnd-kit starts a drag only
 * after the pointer has moved a little). `whileDragging` runs with the card in the air (to take a screenshot).
 */
export async function dragWithMouse(
  page: Page,
  from: Locator,
  to: Locator,
  whileDragging?: () => Promise<void>,
): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const start = await from.boundingBox();
  if (!start) throw new Error('the card is not visible');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height - 8);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 12, start.y + start.height - 4, { steps: 4 });
  const end = await to.boundingBox();
  if (!end) throw new Error('the drop target is not visible');
  await page.mouse.move(end.x + end.width / 2, end.y + Math.min(end.height / 2, 240), { steps: 12 });
  if (whileDragging) await whileDragging();
  await page.mouse.up();
}

/** What dnd-kit's live region last told screen readers (it is visually hidden). */
const announcement = (page: Page) => page.locator('[id^="DndLiveRegion"]').textContent();

/** Waits until the live region says something else than `before` (the board has taken the key). */
async function nextAnnouncement(page: Page, before: string | null): Promise<void> {
  await page.waitForFunction(
    `document.querySelector('[id^="DndLiveRegion"]')?.textContent !== ${JSON.stringify(before)}`,
  );
}

/**
 * Drags a card by keyboard: focus, Space, the arrow keys given, Space — each key once the board has announced
 * the previous one, as a screen reader user hears it, and a frame later (the drop targets are measured then).
 */
export async function dragWithKeyboard(page: Page, from: Locator, arrows: readonly string[]): Promise<void> {
  await from.focus();
  for (const key of ['Space', ...arrows, 'Space']) {
    const before = await announcement(page);
    await page.keyboard.press(key);
    await nextAnnouncement(page, before);
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  }
}

/** Moves a card with its menu (the accessible alternative to dragging). */
export async function moveWithMenu(page: Page, title: string, stageLabel: string): Promise<void> {
  await page.getByRole('button', { name: `Move ${title}`, exact: true }).click();
  await page.getByRole('menuitem', { name: `Move to ${stageLabel}`, exact: true }).click();
}

/** Opens the quick-create form of a column (its "+"): a dialog named "New <object> in <stage>". */
export async function openQuickCreate(page: Page, stageLabel: string, objectLabel: string): Promise<Locator> {
  await page.getByRole('button', { name: `Add to ${stageLabel}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `New ${objectLabel} in ${stageLabel}` });
  await dialog.waitFor();
  return dialog;
}

/** Fills the quick-create form: the title field and the amount, by their labels. */
export async function fillQuickCreate(
  dialog: Locator,
  fields: { readonly [label: string]: string | number },
): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    await dialog.getByRole('textbox', { name: label }).fill(String(value));
  }
}

/** Closes the board's notices (each has a "Dismiss" button; some close on their own meanwhile). */
export async function dismissNotices(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) {
    await dismiss
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
  }
}
