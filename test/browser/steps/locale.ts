import type { Page } from 'playwright-core';

/**
 * Steps of the per-language browser tests: a page must show no raw i18next key (a string the language lacks shows
 * as its dotted key path, `home.tasks.title`).
 */

/** Every dotted key path of a resource. */
function keyPaths(resource: object, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path] : keyPaths(value as object, path);
  });
}

// The studio's English strings, loaded by jest at run time: a type-checked `import` would make the test project's
// node16 typecheck compile the studio's bundler-resolved sources (relative imports without extensions).
const { en } = jest.requireActual<{ en: object }>('../../../studio/src/i18n/en');
const { FEATURES } = jest.requireActual<{ FEATURES: Record<string, { en: object }> }>(
  '../../../studio/src/i18n/features',
);

/** Every key path of the studio's English strings: the shell's and each section's under its key. */
export const KEYS: readonly string[] = [
  ...keyPaths(en),
  ...Object.entries(FEATURES).flatMap(([feature, text]) => keyPaths(text.en, feature)),
];

/** The page's text has none of the English key paths. */
export async function expectNoRawKeys(page: Page): Promise<void> {
  const text = await page.evaluate<string>('document.body.innerText');
  expect(KEYS.filter((key) => text.includes(key))).toEqual([]);
}

/** The design pages' landmarks in one language: the objects table and its "new" button, the workflows page. */
export interface DesignTexts {
  readonly objects: string;
  readonly newObject: string;
  readonly workflows: string;
  readonly newWorkflow: string;
}

/**
 * Visits the objects and the workflows pages, waits for their translated landmarks, checks each for raw keys and
 * shoots them as `04-objects` and `05-workflows`.
 */
export async function checkDesignPages(
  page: Page,
  baseUrl: string,
  texts: DesignTexts,
  shot: (page: Page, name: string) => Promise<void>,
): Promise<void> {
  await page.goto(`${baseUrl}/objects`);
  await page.getByRole('table', { name: texts.objects }).getByRole('row').nth(1).waitFor();
  await page.getByRole('button', { name: texts.newObject }).waitFor();
  await expectNoRawKeys(page);
  await shot(page, '04-objects');

  await page.goto(`${baseUrl}/workflows`);
  await page.getByRole('heading', { name: texts.workflows }).waitFor();
  await page.getByRole('button', { name: texts.newWorkflow }).waitFor();
  await page.getByRole('table').getByRole('row').nth(1).waitFor();
  await expectNoRawKeys(page);
  await shot(page, '05-workflows');
}
