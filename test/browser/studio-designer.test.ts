import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { choose, signIn } from './steps/common';
import { moveOption } from './steps/objects';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter();

async function fieldNames(object: string): Promise<string[]> {
  const result = await studio.api.gql<{ object: { fields: { name: string }[] } | null }>(
    `query($name: String!) { object(name: $name) { fields { name } } }`,
    { name: object },
  );
  return result.data!.object?.fields.map((f) => f.name) ?? [];
}

describeWithBrowser('the studio designer: objects, fields, deletion plans and history', () => {
  test('creates an object with text, select and relation fields, deletes one after its plan, reverts in history — only through the UI', async () => {
    const { api } = studio;
    const { context, page, errors: problems } = await studio.newPage();
    const revisionBefore = (await api.gql<{ metadataRevision: number }>('{ metadataRevision }')).data!.metadataRevision;

    await signIn(page, api);

    // New object, first with a bad name: the server's problem shows on the name field and nothing changes.
    await page.getByRole('button', { name: 'New object' }).click();
    const newObject = page.getByRole('dialog', { name: 'New object' });
    await newObject.locator('input[name=name]').fill('Bad Name');
    await newObject.locator('input[name=pluralName]').fill('properties');
    await newObject.getByRole('button', { name: 'Create object' }).click();
    const nameError = newObject
      .locator('input[name=name]')
      .locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]');
    await nameError.locator('.mantine-InputWrapper-error').waitFor();
    expect(await nameError.locator('.mantine-InputWrapper-error').textContent()).toBeTruthy();
    expect((await api.gql<{ metadataRevision: number }>('{ metadataRevision }')).data!.metadataRevision).toBe(
      revisionBefore,
    );
    await shot(page, '11-new-object-invalid');

    await newObject.locator('input[name=name]').fill('property');
    await newObject.locator('input[name=label]').fill('Property');
    await newObject.getByRole('button', { name: 'Create object' }).click();
    await newObject.waitFor({ state: 'hidden' });
    await page.locator('tr[data-row="property"]').waitFor();
    await shot(page, '12-object-created');

    // Its fields page: add a text field, after a refused attempt with a bad name.
    await page.getByRole('link', { name: 'property', exact: true }).click();
    await page.getByRole('heading', { name: 'Fields of Property' }).waitFor();
    await page.getByRole('button', { name: 'Add field' }).click();
    const addField = page.getByRole('dialog', { name: 'Add field' });
    await addField.locator('input[name=name]').fill('my title');
    await addField.getByRole('button', { name: 'Add field' }).click();
    await addField.locator('.mantine-InputWrapper-error').first().waitFor();
    await shot(page, '13-add-field-invalid');
    await addField.locator('input[name=name]').fill('title');
    await addField.locator('input[name=label]').fill('Title');
    await addField.getByRole('checkbox', { name: 'Required' }).check();
    await shot(page, '14-add-field-text');
    await addField.getByRole('button', { name: 'Add field' }).click();
    await addField.waitFor({ state: 'hidden' });
    await page.locator('tr[data-row="title"]').waitFor();

    // A select with options: typed out of order, one too many, then reordered, one removed, one coloured.
    await page.getByRole('button', { name: 'Add field' }).click();
    await addField.locator('input[name=name]').fill('status');
    await choose(page, addField, 'Type', 'Select (one option)');
    await addField.getByRole('textbox', { name: 'Option 1', exact: true }).fill('sold');
    await addField.getByRole('button', { name: 'Add option' }).click();
    // An empty option is refused by the server, and its message shows on the options.
    await addField.getByRole('button', { name: 'Add field' }).click();
    await addField.locator('.mantine-InputWrapper-error').first().waitFor();
    await shot(page, '15-add-field-select-invalid');
    expect(await fieldNames('property')).not.toContain('status');
    await addField.getByRole('textbox', { name: 'Option 2', exact: true }).fill('reserved');
    await addField.getByRole('button', { name: 'Add option' }).click();
    await addField.getByRole('textbox', { name: 'Option 3', exact: true }).fill('available');
    await addField.getByRole('button', { name: 'Remove option 2' }).click();
    await moveOption(addField, 2, 1);
    expect(await addField.getByRole('textbox', { name: 'Option 1', exact: true }).inputValue()).toBe('available');
    await addField.getByRole('textbox', { name: 'Colour of option 1' }).fill('#2f9e44');
    await addField.getByRole('textbox', { name: 'Colour of option 2' }).fill('#e03131');
    await addField.locator('input[name=label]').click(); // closes the colour picker
    await shot(page, '16-add-field-select');
    await addField.getByRole('button', { name: 'Add field' }).click();
    await addField.waitFor({ state: 'hidden' });
    await page.locator('tr[data-row="status"]').waitFor();
    expect(await page.locator('tr[data-row="status"]').textContent()).toContain('available, sold');

    // A relation to the workspace's users.
    await page.getByRole('button', { name: 'Add field' }).click();
    await addField.locator('input[name=name]').fill('agent');
    await addField.locator('input[name=label]').fill('Agent');
    await choose(page, addField, 'Type', 'Relation');
    await choose(page, addField, 'Related object', 'Users (user)');
    await shot(page, '17-add-field-relation');
    await addField.getByRole('button', { name: 'Add field' }).click();
    await addField.waitFor({ state: 'hidden' });
    await page.locator('tr[data-row="agent"]').waitFor();
    expect(await page.locator('tr[data-row="agent"]').textContent()).toContain('→ user');
    await shot(page, '18-property-fields');

    const options = await api.gql<{ object: { fields: { name: string; type: string; settings: unknown }[] } }>(
      `{ object(name: "property") { fields { name type required settings } } }`,
    );
    expect(options.data!.object.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'title', type: 'text', required: true }),
        expect.objectContaining({
          name: 'status',
          type: 'select',
          settings: expect.objectContaining({
            options: [
              { value: 'available', color: '#2f9e44' },
              { value: 'sold', color: '#e03131' },
            ],
          }),
        }),
        expect.objectContaining({
          name: 'agent',
          type: 'relation',
          settings: expect.objectContaining({ target: 'user' }),
        }),
      ]),
    );

    // Deleting status: the dry-run plan first; cancelling changes nothing, confirming removes it.
    await page.getByRole('button', { name: 'Delete field status' }).click();
    const deletion = page.getByRole('dialog', { name: 'Delete field status?' });
    await deletion.getByText('- field property.status').waitFor();
    await deletion.getByText('Data will be removed').waitFor();
    await shot(page, '19-delete-field-plan');
    await deletion.getByRole('button', { name: 'Cancel' }).click();
    expect(await fieldNames('property')).toContain('status');
    await page.getByRole('button', { name: 'Delete field status' }).click();
    await deletion.getByText('- field property.status').waitFor();
    await deletion.getByRole('button', { name: 'Delete field' }).click();
    await deletion.waitFor({ state: 'hidden' });
    await page.locator('tr[data-row="status"]').waitFor({ state: 'detached' });
    expect(await fieldNames('property')).not.toContain('status');
    await shot(page, '20-status-deleted');

    // History: every change above is a revision; reverting the deletion brings status back.
    await page.getByRole('link', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'Revision history' });
    await history.waitFor();
    const revisions = (await api.gql<{ revisions: { number: number }[] }>('{ revisions(first: 5) { number } }')).data!
      .revisions;
    const deletedAt = revisions[0]!.number;
    expect(deletedAt).toBe(revisionBefore + 5); // object, title, status, agent, deletion
    for (let n = revisionBefore + 1; n <= deletedAt; n++) await page.locator(`tr[data-row="${n}"]`).waitFor();
    const me = (await api.gql<{ me: { name: string | null; email: string } }>('{ me { name email } }')).data!.me;
    expect(await page.locator(`tr[data-row="${deletedAt}"]`).textContent()).toContain(me.name ?? me.email);
    await shot(page, '21-history');
    await page.getByRole('button', { name: `Revert revision ${deletedAt}` }).click();
    const revert = page.getByRole('dialog', { name: `Revert revision ${deletedAt}?` });
    await revert.getByText('property.status').waitFor();
    await shot(page, '22-revert-confirm');
    await revert.getByRole('button', { name: 'Revert' }).click();
    await revert.waitFor({ state: 'hidden' });
    await page.locator(`tr[data-row="${deletedAt + 1}"]`).waitFor();
    expect(await fieldNames('property')).toContain('status');
    await shot(page, '23-history-reverted');

    // The designer's new screens are translated: the add-field form with relation settings in Russian.
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('link', { name: 'Объекты' }).click();
    await page.getByRole('link', { name: 'property', exact: true }).click();
    await page.getByRole('button', { name: 'Добавить поле' }).click();
    const addFieldRu = page.getByRole('dialog', { name: 'Добавить поле' });
    await choose(page, addFieldRu, 'Тип', 'Связь');
    await addFieldRu.getByText('Связанный объект').waitFor();
    await shot(page, '24-add-field-ru');
    await addFieldRu.getByRole('button', { name: 'Отмена' }).click();
    await page.getByLabel('Язык').selectOption('en');

    expect(problems).toEqual([]);
    await context.close();
  });
});
