import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { addClauses } from './steps/access';
import { choose, chooseMany, signIn } from './steps/common';
import { addField, createObjectWithFields, editField, moveOption, openObject, typeFormula } from './steps/objects';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('om');

interface FieldJson {
  name: string;
  type: string;
  required: boolean;
  labels: unknown;
  settings: Record<string, unknown>;
}
async function property(): Promise<{
  labels: { label: unknown };
  description: string | null;
  titleField: string | null;
  fields: FieldJson[];
} | null> {
  const result = await studio.api.gql<{ object: never }>(
    `{ object(name: "property") { labels description titleField fields { name type required labels settings } } }`,
  );
  return result.data!.object;
}
const field = async (name: string) => (await property())!.fields.find((f) => f.name === name);
const revision = async () =>
  (await studio.api.gql<{ metadataRevision: number }>('{ metadataRevision }')).data!.metadataRevision;

/** The server's check of a rule (a dry run; a script's first compile loads QuickJS) may take a while on a busy machine. */
const CHECKED = { timeout: 20_000 };

describeWithBrowser('the object manager: fields of every kind, edits with plans, history, manifest', () => {
  test('builds an object with typed fields, edits it, reverts in history and round-trips the manifest — only through the UI', async () => {
    const { api } = studio;
    // A step that waits longer than 5 s has failed: say which, well before the test's own timeout.
    const { context, page, errors } = await studio.newPage({ acceptDownloads: true, defaultTimeout: 5000 });
    await signIn(page, api);

    // An object with text, number, currency, date and relation fields.
    await createObjectWithFields(page, {
      name: 'property',
      pluralName: 'properties',
      label: 'Property',
      fields: [
        { name: 'title', type: 'text', label: 'Title', required: true },
        { name: 'area', type: 'number', label: 'Area', precision: 1, min: 0 },
        { name: 'price', type: 'currency', label: 'Price', currency: 'GEL' },
        { name: 'listedOn', type: 'date', label: 'Listed on' },
        { name: 'company', type: 'relation', label: 'Agency', target: 'Company (company)' },
      ],
    });

    // A select with three coloured options, the last dragged (from the keyboard) to the top.
    const select = await addField(
      page,
      {
        name: 'status',
        type: 'select',
        options: [
          { value: 'reserved', color: '#f08c00' },
          { value: 'sold', color: '#e03131' },
          { value: 'available', color: '#2f9e44' },
        ],
      },
      { submit: false },
    );
    await moveOption(select, 3, 1);
    expect(await select.getByRole('textbox', { name: 'Option 1', exact: true }).inputValue()).toBe('available');
    await shot(page, '01-select-settings');
    await select.getByRole('button', { name: 'Add field', exact: true }).click();
    await select.waitFor({ state: 'hidden' });

    // The settings panels that differ: number, currency, relation.
    for (const [type, label] of [
      ['Number', '02-number-settings'],
      ['Currency', '03-currency-settings'],
      ['Relation', '04-relation-settings'],
    ] as const) {
      await page.getByRole('button', { name: 'Add field', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Add field' });
      await choose(page, dialog, 'Type', type);
      await dialog.getByText(`Settings of ${type}`).waitFor();
      await shot(page, label);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }

    // Settings the form can judge itself are refused on their input before anything is sent.
    const unsent = await revision();
    const bounds = await addField(page, { name: 'rooms', type: 'number', min: 10, max: 5 }, { submit: false });
    await bounds.getByRole('button', { name: 'Add field', exact: true }).click();
    await bounds.getByText('must not be less than the minimum').waitFor();
    expect(await revision()).toBe(unsent);
    await bounds.getByRole('button', { name: 'Cancel' }).click();
    await bounds.waitFor({ state: 'hidden' });

    // A formula typed wrong first: the server's check shows the problem and where it is; then right.
    const formula = await addField(
      page,
      { name: 'pricePerArea', type: 'formula', expression: 'price / aera' },
      { submit: false },
    );
    await formula.getByText('unknown field "aera"').first().waitFor();
    await formula.getByLabel('Where the problem is: position 8').waitFor();
    await shot(page, '05-formula-error');
    await typeFormula(formula, 'price / area');
    await formula.getByText('The formula is valid').waitFor();
    await formula.getByText('currency', { exact: true }).waitFor();
    await shot(page, '06-formula-ok');
    await formula.getByRole('button', { name: 'Add field', exact: true }).click();
    await formula.waitFor({ state: 'hidden' });
    await page.locator('tr[data-row="pricePerArea"]').waitFor();

    const created = (await property())!;
    expect(created.fields.map((f) => [f.name, f.type])).toEqual([
      ['title', 'text'],
      ['area', 'number'],
      ['price', 'currency'],
      ['listedOn', 'date'],
      ['company', 'relation'],
      ['status', 'select'],
      ['pricePerArea', 'formula'],
    ]);
    expect(await field('title')).toEqual(expect.objectContaining({ required: true, labels: 'Title' }));
    expect((await field('area'))!.settings).toEqual({ precision: 1, min: 0 });
    expect((await field('price'))!.settings).toEqual({ currency: 'GEL' });
    expect((await field('company'))!.settings).toEqual(expect.objectContaining({ target: 'company' }));
    expect((await field('status'))!.settings['options']).toEqual([
      { value: 'available', color: '#2f9e44' },
      { value: 'reserved', color: '#f08c00' },
      { value: 'sold', color: '#e03131' },
    ]);
    expect((await field('pricePerArea'))!.settings).toEqual({ expression: 'price / area' });

    // Editing status: a new label and one option fewer. Removing an option is destructive: the plan first.
    const before = await revision();
    const edit = await editField(page, 'status');
    await edit.locator('input[name=label]').fill('Status');
    await edit.locator('input[name="label.ru"]').fill('Статус');
    await edit.getByRole('button', { name: 'Remove option 2' }).click();
    await edit.getByRole('button', { name: 'Save field' }).click();
    await edit.getByText('removes data').waitFor();
    expect(await revision()).toBe(before);
    await shot(page, '07-edit-field-plan');
    await edit.getByRole('button', { name: 'Apply, removing data' }).click();
    await edit.waitFor({ state: 'hidden' });
    const status = (await field('status'))!;
    expect(status.labels).toEqual({ en: 'Status', ru: 'Статус' });
    expect(status.settings['options']).toEqual([
      { value: 'available', color: '#2f9e44' },
      { value: 'sold', color: '#e03131' },
    ]);
    expect(await revision()).toBe(before + 1);

    // Editing the object: labels in three languages, description, title field.
    await page.getByRole('button', { name: 'Edit object' }).click();
    const object = page.getByRole('dialog', { name: 'Edit object property' });
    await object.locator('input[name="label.ka"]').fill('ქონება');
    await object.locator('input[name=labelPlural]').fill('Properties');
    await object.locator('textarea[name=description]').fill('Flats and houses on the market');
    await choose(page, object, 'Title field', 'Title (title)', 'Tit');
    await shot(page, '08-edit-object');
    await object.getByRole('button', { name: 'Save object' }).click();
    await object.waitFor({ state: 'hidden' });
    const edited = (await property())!;
    expect(edited).toEqual(
      expect.objectContaining({
        labels: { label: { en: 'Property', ka: 'ქონება' }, labelPlural: 'Properties' },
        description: 'Flats and houses on the market',
        titleField: 'title',
      }),
    );

    // History: the option change reads as before → after; reverting the last change (the object edit).
    await page.getByRole('link', { name: 'History' }).click();
    const last = await revision();
    await page.getByRole('button', { name: `Changes of revision ${last - 1}` }).click();
    const diff = page.getByRole('list', { name: `Changes of revision ${last - 1}` });
    await diff.getByText('property.status').waitFor();
    expect(await diff.textContent()).toContain('"value":"reserved"');
    await shot(page, '09-revision-diff');
    await page.getByRole('button', { name: `Revert revision ${last}` }).click();
    const revert = page.getByRole('dialog', { name: `Revert revision ${last}?` });
    await revert.getByText('Flats and houses on the market').waitFor();
    await revert.getByRole('button', { name: 'Revert' }).click();
    await revert.waitFor({ state: 'hidden' });
    await page.locator(`tr[data-row="${last + 1}"]`).waitFor();
    expect((await property())!.description).toBeNull();
    expect((await property())!.titleField).toBeNull();

    // Export: the download is the server's manifest.
    await page.getByRole('link', { name: 'Manifest' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download manifest.json' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('manifest.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      objects: { name: string; fields: { name: string; type: string }[] }[];
    };
    const server = (await api.gql<{ exportManifest: unknown }>('{ exportManifest }')).data!.exportManifest;
    expect(exported).toEqual(server);
    expect(exported.objects.find((o) => o.name === 'property')!.fields.map((f) => f.name)).toContain('pricePerArea');

    // Import: a file that is not JSON says where; a modified manifest shows its plan before anything changes.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'om-'));
    writeFileSync(path.join(dir, 'broken.json'), '{\n  "objects": [\n    { "name": "x", }\n  ]\n}\n');
    const fileInput = page.locator('input[type=file]');
    await fileInput.setInputFiles(path.join(dir, 'broken.json'));
    const invalid = page.getByRole('alert').filter({ hasText: 'This file is not valid JSON' });
    await invalid.getByText('Line 3, column 20').waitFor();
    await shot(page, '10-import-invalid-json');
    // Valid JSON, but not a valid manifest: the server's problems, each at its path in the file.
    const bad = structuredClone(exported);
    bad.objects.find((o) => o.name === 'property')!.fields.push({ name: 'Bad Name', type: 'text' });
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    await fileInput.setInputFiles(path.join(dir, 'bad.json'));
    const problems = page.getByRole('table', { name: 'Problems of the manifest' });
    await problems.getByText(/^objects\[\d+\]\.fields\[\d+\]\.name$/).waitFor();
    await shot(page, '10b-import-problems');
    const modified = structuredClone(exported);
    const target = modified.objects.find((o) => o.name === 'property')!;
    target.fields = target.fields.filter((f) => f.name !== 'listedOn');
    target.fields.push({ name: 'notes', type: 'longText' });
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(modified, null, 2));
    const planned = await revision();
    await fileInput.setInputFiles(path.join(dir, 'manifest.json'));
    const plan = page.getByRole('list', { name: 'Applying this manifest will make these changes:' });
    await plan.getByText('+ field property.notes (longText)').waitFor();
    await plan.getByText('- field property.listedOn').waitFor();
    expect(await plan.locator('[data-destructive]').count()).toBe(1);
    const apply = page.getByRole('button', { name: 'Apply manifest' });
    expect(await apply.isDisabled()).toBe(true);
    await shot(page, '11-import-plan');
    expect(await revision()).toBe(planned);
    await page.getByRole('checkbox', { name: /remove data/ }).check();
    await apply.click();
    await page.getByText(`The changes are revision ${planned + 1}`).waitFor();
    const imported = (await property())!.fields.map((f) => f.name);
    expect(imported).toContain('notes');
    expect(imported).not.toContain('listedOn');

    // A rollup on the seeded company: the sum of its deals' amounts, only the won ones.
    await page.setViewportSize({ width: 1280, height: 800 });
    await openObject(page, 'company');
    const rollup = await addField(page, { name: 'dealTotal', type: 'rollup' }, { submit: false });
    await choose(page, rollup, 'Relation', 'Deals (deals → deal)', 'Dea');
    await choose(page, rollup, 'Function', 'Sum', 'Sum');
    await choose(page, rollup, 'Field of the related records', 'Amount (amount)', 'Amo');
    await addClauses(page, rollup, 'Condition (optional)', [{ field: 'Stage', value: 'won', pick: true }]);
    await shot(page, '12-rollup-settings');
    await rollup.getByRole('button', { name: 'Add field', exact: true }).click();
    await rollup.waitFor({ state: 'hidden' });
    const company = await api.gql<{ object: { fields: { name: string; settings: unknown }[] } }>(
      `{ object(name: "company") { fields { name settings } } }`,
    );
    expect(company.data!.object.fields.find((f) => f.name === 'dealTotal')!.settings).toEqual({
      relation: 'deals',
      function: 'sum',
      field: 'amount',
      filter: { stage: 'won' },
    });

    // Renaming an object shows the plan first; deleting one needs its name typed.
    await createObjectWithFields(page, {
      name: 'scratch',
      pluralName: 'scratches',
      fields: [{ name: 'note', type: 'text' }],
    });
    await page.getByRole('button', { name: 'Edit object' }).click();
    const rename = page.getByRole('dialog', { name: 'Edit object scratch' });
    await rename.locator('input[name=name]').fill('draft');
    await rename.locator('input[name=pluralName]').fill('drafts');
    await rename.getByRole('button', { name: 'Save object' }).click();
    await rename.getByText('~ object scratch → draft').waitFor();
    expect((await api.gql<{ object: unknown }>(`{ object(name: "scratch") { name } }`)).data!.object).not.toBeNull();
    await rename.getByRole('button', { name: 'Rename after this plan' }).click();
    await rename.waitFor({ state: 'hidden' });
    await page.waitForURL(/\/objects\/draft$/);
    await page.getByRole('button', { name: 'Delete object' }).click();
    const removal = page.getByRole('dialog', { name: 'Delete object draft?' });
    await removal.getByText('- object draft').waitFor();
    const confirmRemoval = removal.getByRole('button', { name: 'Delete object' });
    expect(await confirmRemoval.isDisabled()).toBe(true);
    await removal.getByRole('textbox', { name: 'Type draft to confirm' }).fill('draft');
    await shot(page, '13-delete-object');
    await confirmRemoval.click();
    await page.waitForURL(/\/objects$/);
    const names = (await api.gql<{ objects: { name: string }[] }>('{ objects { name } }')).data!.objects.map(
      (o) => o.name,
    );
    expect(names).not.toContain('draft');
    expect(names).not.toContain('scratch');

    // The dark theme: the history with a diff open.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('link', { name: 'History' }).click();
    const latest = await revision();
    await page.getByRole('button', { name: `Changes of revision ${latest - 2}` }).click();
    await page.getByRole('list', { name: `Changes of revision ${latest - 2}` }).waitFor();
    await shot(page, '14-history-dark');
    await page.getByRole('button', { name: 'Light theme' }).click();

    // Phone width, in Russian: the field editor of a formula.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('button', { name: 'Показать меню' }).click();
    await page.getByRole('link', { name: 'Объекты' }).click();
    await page.getByRole('link', { name: 'property', exact: true }).click();
    await page.getByRole('button', { name: 'Изменить поле pricePerArea' }).click();
    const phone = page.getByRole('dialog', { name: 'Изменение поля pricePerArea' });
    await phone.getByText('Формула корректна').waitFor();
    await shot(page, '15-edit-formula-phone-ru');
    await phone.getByRole('button', { name: 'Отмена' }).click();
    await page.getByLabel('Язык').selectOption('en');

    expect(errors).toEqual([]);
    await context.close();
    // About a minute alone; longer on a machine busy with other suites.
  }, 180_000);

  test('validation rules made in the UI are enforced on API writes; translated option labels survive an edit; a to-many relation with its inverse', async () => {
    const { api } = studio;
    const { context, page, errors } = await studio.newPage({ defaultTimeout: 5000 });
    await signIn(page, api);
    const rulesOf = async () =>
      (await api.gql<{ object: { validationRules: unknown } }>(`{ object(name: "product") { validationRules } }`)).data!
        .object.validationRules;
    const createProduct = (data: Record<string, unknown>) =>
      api.gql<{ createProduct: { id: string } }>(
        `mutation($data: ProductCreateInput!) { createProduct(data: $data) { id } }`,
        { data },
      );
    const refusal = async (data: Record<string, unknown>) =>
      (await createProduct(data)).errors?.flatMap((e) => e.extensions?.problems ?? []);

    // A select option labelled in six languages: editing its English text keeps the other five.
    await openObject(page, 'product');
    const category = await editField(page, 'category');
    const firstLabel = category.getByRole('textbox', { name: 'Label of option 1', exact: true });
    expect(await firstLabel.inputValue()).toBe('Software');
    await firstLabel.fill('Software and SaaS');
    await category.getByRole('button', { name: 'Save field' }).click();
    await category.waitFor({ state: 'hidden' });
    const options = (
      await api.gql<{ object: { fields: { name: string; settings: { options: unknown[] } }[] } }>(
        `{ object(name: "product") { fields { name settings } } }`,
      )
    ).data!.object.fields.find((f) => f.name === 'category')!.settings.options;
    expect(options[0]).toEqual({
      value: 'software',
      label: {
        en: 'Software and SaaS',
        ru: 'Программное обеспечение',
        ka: 'პროგრამული უზრუნველყოფა',
        kk: 'Бағдарламалық жасақтама',
        uz: 'Dasturiy taʼminot',
        ny: 'Mapulogalamu',
      },
      color: '#3b82f6',
    });

    // The rules tab: none yet. A condition rule built with the condition builder.
    await page.getByRole('tab', { name: 'Validation rules' }).click();
    await page.getByText('This object has no validation rules yet.').waitFor();
    expect(await rulesOf()).toEqual([]);
    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('dialog', { name: 'New validation rule' });
    await rule.locator('input[name=name]').fill('categoryChosen');
    await rule.locator('input[name=message]').fill('Pick a category');
    await addClauses(page, rule, 'A valid record meets', [{ field: 'Category', operator: 'is not empty' }]);
    await rule.getByText('The server accepts this condition').waitFor(CHECKED);
    await chooseMany(page, rule, 'Report on fields', ['Category (category)']);
    await shot(page, '16-rule-condition');
    await rule.getByRole('button', { name: 'Save rule' }).click();
    await rule.waitFor({ state: 'hidden' });
    await page.locator('tr[data-row="categoryChosen"]').waitFor();

    // A script rule typed wrong: the server's check shows the syntax error live, and a save is refused on the script.
    await page.getByRole('button', { name: 'Add rule' }).click();
    await rule.locator('input[name=name]').fill('noShouting');
    await rule.locator('input[name=message]').fill('Names must not be all capitals');
    await rule.locator('label', { hasText: /^Script$/ }).click();
    const script = rule.locator('textarea[name=script]');
    await script.fill('const name = record.name ?? "";\nreturn name !== name.toUpperCase() ||');
    await rule.getByText(/SyntaxError/).waitFor(CHECKED);
    await shot(page, '17-rule-script-error');
    const unsaved = await revision();
    await rule.getByRole('button', { name: 'Save rule' }).click();
    await rule.getByText(/SyntaxError.*line 2/).waitFor(CHECKED);
    expect(await revision()).toBe(unsaved);
    await script.fill('const name = record.name ?? "";\nreturn name !== name.toUpperCase()');
    await rule.getByText('The script compiles').waitFor(CHECKED);
    await shot(page, '18-rule-script-ok');
    await rule.getByRole('button', { name: 'Save rule' }).click();
    await rule.waitFor({ state: 'hidden' });
    await page.locator('tr[data-row="noShouting"]').waitFor();
    await shot(page, '19-rules-list');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '19b-rules-list-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await rulesOf()).toEqual([
      {
        name: 'categoryChosen',
        message: 'Pick a category',
        condition: { category: { $isNull: false } },
        fields: ['category'],
        active: true,
      },
      {
        name: 'noShouting',
        message: 'Names must not be all capitals',
        script: 'const name = record.name ?? "";\nreturn name !== name.toUpperCase()',
        active: true,
      },
    ]);

    // Writes through the API that break a rule are refused with its message; one that meets both passes.
    expect(await refusal({ name: 'Widget', sku: 'OM-1' })).toEqual([
      expect.objectContaining({ path: 'data.category', message: expect.stringContaining('Pick a category') }),
    ]);
    expect(await refusal({ name: 'WIDGET', sku: 'OM-2', category: 'software' })).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Names must not be all capitals') }),
    ]);
    expect((await createProduct({ name: 'Widget', sku: 'OM-3', category: 'software' })).errors).toBeUndefined();

    // Deleting the condition rule: a product without a category is written again.
    await page.getByRole('button', { name: 'Delete rule categoryChosen' }).click();
    const removal = page.getByRole('dialog', { name: 'Delete rule categoryChosen?' });
    await removal.getByRole('button', { name: 'Delete rule' }).click();
    await removal.waitFor({ state: 'hidden' });
    await page.locator('tr[data-row="categoryChosen"]').waitFor({ state: 'detached' });
    expect(((await rulesOf()) as { name: string }[]).map((r) => r.name)).toEqual(['noShouting']);
    expect((await createProduct({ name: 'Gadget', sku: 'OM-4' })).errors).toBeUndefined();

    // A to-many relation with its inverse: products name their vendor, a company lists what it supplies.
    await page.getByRole('tab', { name: 'Fields' }).click();
    await addField(page, { name: 'vendor', type: 'relation', label: 'Vendor', target: 'Company (company)' });
    await openObject(page, 'company');
    const supplied = await addField(
      page,
      {
        name: 'suppliedProducts',
        type: 'relation',
        label: 'Supplied products',
        target: 'Product (product)',
        many: true,
      },
      { submit: false },
    );
    await supplied.locator('input[name=inverse]').fill('vendor');
    await shot(page, '20-relation-inverse');
    await supplied.getByRole('button', { name: 'Add field', exact: true }).click();
    await supplied.waitFor({ state: 'hidden' });
    const company = await api.gql<{ object: { fields: { name: string; settings: unknown }[] } }>(
      `{ object(name: "company") { fields { name settings } } }`,
    );
    expect(company.data!.object.fields.find((f) => f.name === 'suppliedProducts')!.settings).toEqual(
      expect.objectContaining({ target: 'product', many: true, inverse: 'vendor' }),
    );
    const acme = await api.gql<{ createCompany: { id: string } }>(
      `mutation { createCompany(data: { name: "Vendor of widgets" }) { id } }`,
    );
    const vendorId = acme.data!.createCompany.id;
    expect((await createProduct({ name: 'Sprocket', sku: 'OM-5', vendor: vendorId })).errors).toBeUndefined();
    const listed = await api.gql<{ company: { suppliedProducts: { edges: { node: { name: string } }[] } } }>(
      `query($id: ID!) { company(id: $id) { suppliedProducts { edges { node { name } } } } }`,
      { id: vendorId },
    );
    expect(listed.data!.company.suppliedProducts.edges.map((e) => e.node.name)).toEqual(['Sprocket']);

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
