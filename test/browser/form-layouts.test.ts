import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { choose, signIn } from './steps/common';
import { recordForm } from './steps/record';
import {
  addSection,
  editSection,
  fieldsOf,
  moveFieldByKeyboard,
  moveFieldByMenu,
  openFormLayouts,
  saveLayout,
  section,
  showSectionWhen,
} from './steps/layouts';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('layouts', { fromTop: true });

interface StoredLayout {
  sections: { name: string; label?: unknown; columns: number; fields: string[]; visibleWhen?: unknown }[];
}

async function storedLayout(): Promise<StoredLayout | null> {
  const result = await studio.api.gql<{ object: { layout: StoredLayout | null } }>(
    `{ object(name: "deal") { layout } }`,
  );
  return result.data!.object.layout;
}

describeWithBrowser('the form layout designer', () => {
  test('designs the deal form with two sections, moves fields by keyboard and menu, hides one unless won — only through the UI', async () => {
    const { context, page, errors } = await studio.newPage({ viewport: { width: 1280, height: 900 } });

    await signIn(page, studio.api);

    // The default form: every field in one section.
    await openFormLayouts(page, 'Deal (deal)');
    await page.getByText('Default form: every field in one section').waitFor();
    expect(await storedLayout()).toBeNull();
    await shot(page, '01-default');

    const basics = section(page, await editSection(page, 'Details', { label: 'Basics', name: 'basics', columns: 2 }));
    for (const field of ['Tasks', 'Notes', 'Products']) await moveFieldByMenu(page, field, 'Not on the form');

    // A second section; a bad name is shown on the field before anything is saved.
    const closing = await addSection(page, { label: 'Closing', name: 'Closing stage', columns: 1 });
    await closing.getByText('Use a lowercase letter, then letters and digits').waitFor();
    expect(await page.getByRole('button', { name: 'Save layout' }).isDisabled()).toBe(true);
    await shot(page, '02-invalid-section-name');
    await closing.getByRole('textbox', { name: 'Section name' }).fill('closing');

    await moveFieldByMenu(page, 'Close date', 'Closing');
    await moveFieldByMenu(page, 'Reason lost', 'Closing');
    // By keyboard: Discount, the last field of Basics, down into Closing; then Source after it.
    await moveFieldByKeyboard(page, 'Discount', ['ArrowDown']);
    await moveFieldByKeyboard(page, 'Source', ['ArrowDown', 'ArrowDown']);
    expect(await fieldsOf(basics)).toEqual([
      'Deal name',
      'Amount',
      'Stage',
      'Weighted amount',
      'Company',
      'Primary contact',
      'Original lead',
    ]);
    expect((await fieldsOf(closing)).sort()).toEqual(['Close date', 'Discount', 'Reason lost', 'Source']);
    // And back by menu: Source belongs with the basics.
    await moveFieldByMenu(page, 'Source', 'Basics');
    await shot(page, '03-designer');

    // The preview follows: Closing shows until it gets a condition, then only for won deals.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('group', { name: 'Closing' }).waitFor();
    await showSectionWhen(page, 'Closing', 'Stage', 'won');
    await preview.getByRole('group', { name: 'Closing' }).waitFor({ state: 'detached' });
    await shot(page, '04-visibility-condition');
    await choose(page, preview, 'Stage', 'won');
    await preview.getByRole('group', { name: 'Closing' }).waitFor();
    await preview.getByRole('group', { name: 'Closing' }).getByText('Reason lost').waitFor();
    await shot(page, '05-preview-won');

    await saveLayout(page);
    await page.locator('.mantine-Notification-root button').click(); // the confirmation would cover the header
    expect(await storedLayout()).toEqual({
      sections: [
        {
          name: 'basics',
          label: 'Basics',
          columns: 2,
          fields: ['name', 'amount', 'stage', 'weightedAmount', 'company', 'contact', 'lead', 'source'],
        },
        {
          name: 'closing',
          label: 'Closing',
          columns: 1,
          fields: expect.arrayContaining(['closeDate', 'discount', 'lostReason']),
          visibleWhen: { stage: 'won' },
        },
      ],
    });
    expect((await storedLayout())!.sections[1]!.fields).toHaveLength(3);

    // At phone width the designer and the preview stack, one column each.
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '06-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A condition the server refuses (a formula changes while the form is edited): shown on its section,
    // nothing saved, and the page shows the server's layout as unchanged underneath the draft.
    const saved = await storedLayout();
    const condition = closing.getByRole('group', { name: 'Show this section only when' });
    await condition.getByRole('button', { name: 'Edit as JSON' }).click();
    await condition.getByRole('textbox', { name: 'Condition (JSON)' }).fill('{ "weightedAmount": { "$gt": 1000 } }');
    await page.getByRole('button', { name: 'Save layout' }).click();
    await closing.getByRole('alert').filter({ hasText: '"weightedAmount" is computed' }).waitFor();
    await page.getByText('Unsaved changes').waitFor();
    expect(await storedLayout()).toEqual(saved);
    await shot(page, '07-server-problem');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'hidden' });
    await closing.getByRole('alert').waitFor({ state: 'detached' });

    // Dark theme and Russian: the designer's own words are translated.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('region', { name: 'Раздел Closing' }).waitFor();
    await page.getByRole('button', { name: 'Сохранить макет' }).waitFor();
    await page.mouse.move(640, 600); // away from the theme button's tooltip
    await shot(page, '08-dark-ru');
    await page.getByLabel('Язык').selectOption('en');
    await page.getByRole('button', { name: 'Light theme' }).click();

    // Reset to default: no layout stored, the designer shows every field in one section again.
    await page.getByRole('button', { name: 'Reset to default' }).click();
    await page.getByText('Default form: every field in one section').waitFor();
    expect(await storedLayout()).toBeNull();
    expect(await fieldsOf(section(page, 'Details'))).toHaveLength(14);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a designed layout is what the record page shows: its sections in order, their columns, a hidden one', async () => {
    const { context, page, errors } = await studio.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, studio.api);

    // Products: Basics in two columns, then Pricing, shown only for subscriptions.
    await openFormLayouts(page, 'Product (product)');
    await editSection(page, 'Details', { label: 'Basics', name: 'basics', columns: 2 });
    await addSection(page, { label: 'Pricing', name: 'pricing', columns: 1 });
    await moveFieldByMenu(page, 'Price', 'Pricing');
    await moveFieldByMenu(page, 'Description', 'Pricing');
    await showSectionWhen(page, 'Pricing', 'Category', 'Subscription');
    await saveLayout(page);

    // Each section of the record form: its name, legend, how many columns its fields sit in, its field labels.
    const productIn = async (category: string) =>
      (
        await studio.api.gql<{ products: { edges: { node: { id: string } }[] } }>(
          `query($c: String!) { products(first: 1, filter: { category: { eq: $c } }) { edges { node { id } } } }`,
          { c: category },
        )
      ).data!.products.edges[0]!.node.id;
    const sectionsOnRecord = async (id: string) => {
      await page.goto(`${studio.api.server.url}/o/product/${id}`);
      const form = recordForm(page);
      await form.locator('[data-section="basics"]').waitFor();
      const sections = [];
      for (const fieldset of await form.locator('[data-section]').all()) {
        const lefts = new Set<number>();
        const labels: string[] = [];
        // A cell per field; its first label is the field's (a money field labels its currency too).
        for (const cell of await fieldset.locator('.mantine-SimpleGrid-root > div').all()) {
          lefts.add(Math.round((await cell.boundingBox())!.x));
          labels.push(await cell.locator('label').first().innerText());
        }
        sections.push({
          name: await fieldset.getAttribute('data-section'),
          label: await fieldset.getAttribute('aria-label'),
          columns: lefts.size,
          fields: labels.map((l) => l.replace(/\s*\*$/, '').trim()),
        });
      }
      return sections;
    };
    const subscription = await sectionsOnRecord(await productIn('subscription'));
    await shot(page, '09-record-page');
    expect(subscription.map((s) => [s.name, s.label, s.columns])).toEqual([
      ['basics', 'Basics', 2],
      ['pricing', 'Pricing', 1],
    ]);
    expect(subscription[0]!.fields).toEqual(['Name', 'SKU', 'Category', 'Active']);
    expect(subscription[1]!.fields).toEqual(['Price', 'Description']);
    // Another category: the condition hides Pricing.
    expect((await sectionsOnRecord(await productIn('training'))).map((s) => s.name)).toEqual(['basics']);

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
