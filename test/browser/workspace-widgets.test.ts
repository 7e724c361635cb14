import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { choose, chooseMany, signIn } from './steps/common';
import { openRecord, recordForm, saveForm } from './steps/record';

/**
 * The record form's widgets, one per field type, edited as a person does: a multi-select, a date, a date and
 * time, an address, a rating, rich text (the lazily loaded editor), a phone with its country and money. After
 * saving, GraphQL reads back exactly what was entered, in the API's formats; rich text written through the
 * API arrives cleaned (runtime/src/fields/rich-text.ts).
 */
const studio = studioSuite();
const shot = screenshotter('widgets', { fromTop: true });

const manifest = {
  objects: [
    {
      name: 'visit',
      pluralName: 'visits',
      label: 'Site visit',
      labelPlural: 'Site visits',
      titleField: 'name',
      fields: [
        { name: 'name', type: 'text', label: 'Name', required: true },
        { name: 'tags', type: 'multiSelect', label: 'Tags', options: ['urgent', 'onsite', 'vip'] },
        { name: 'visitDate', type: 'date', label: 'Visit date' },
        { name: 'startsAt', type: 'datetime', label: 'Starts at' },
        { name: 'site', type: 'address', label: 'Site' },
        { name: 'score', type: 'rating', label: 'Score', max: 5 },
        { name: 'summary', type: 'richText', label: 'Summary' },
        { name: 'phone', type: 'phone', label: 'Phone', defaultCountry: 'GE' },
        { name: 'fee', type: 'currency', label: 'Fee', currency: 'GEL' },
      ],
    },
  ],
};

interface Visit {
  name: string;
  tags: string[] | null;
  visitDate: string | null;
  startsAt: string | null;
  site: Record<string, string | null> | null;
  score: number | null;
  summary: string | null;
  phone: string | null;
  fee: { amount: number; currency: string } | null;
}
const FIELDS =
  'name tags visitDate startsAt site { street city region postalCode country } score summary phone fee { amount currency }';

async function visit(id: string): Promise<Visit> {
  const read = await studio.api.gql<{ visit: Visit }>(`query($id: ID!) { visit(id: $id) { ${FIELDS} } }`, { id });
  expect(read.errors).toBeUndefined();
  return read.data!.visit;
}

describeWithBrowser('the record form widgets', () => {
  test('edits a multi-select, date, date-time, address, rating, rich text, phone and money, and the API stores each', async () => {
    const applied = await studio.api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, {
      m: manifest,
    });
    expect(applied.errors).toBeUndefined();
    // Written through the API: a hostile body, a Georgian number, a start on a known day.
    const created = await studio.api.gql<{ createVisit: { id: string; summary: string } }>(
      `mutation($data: VisitCreateInput!) { createVisit(data: $data) { id summary } }`,
      {
        data: {
          name: 'Rustavi depot',
          summary:
            '<p>Bring <a href="javascript:alert(1)">the plan</a></p><img src="x" onerror="alert(1)"><script>alert(2)</script>',
          phone: '+995599123456',
          startsAt: '2026-12-10T09:00:00.000Z',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createVisit.summary).toBe('<p>Bring <a>the plan</a></p>');
    const id = created.data!.createVisit.id;

    const { page, errors } = await studio.newPage({
      viewport: { width: 1280, height: 1000 },
      timezoneId: 'UTC',
      defaultTimeout: 10000,
    });
    await signIn(page, studio.api);
    await openRecord(page, 'visit', id, { label: 'Name', value: 'Rustavi depot' });
    const form = recordForm(page);

    // The stored number shows in its country's own format, beside Georgia.
    const phone = form.getByRole('textbox', { name: 'Phone', exact: true });
    await phone.waitFor();
    expect(await form.getByRole('textbox', { name: 'Country of Phone' }).inputValue()).toMatch(/Georgia \+995$/);
    expect(await phone.inputValue()).toBe('599 12 34 56');
    // The sanitised body is in the editor.
    const summary = form.getByRole('textbox', { name: 'Summary', exact: true });
    await summary.getByText('Bring the plan').waitFor();
    await shot(page, '01-loaded');
    // Opening changes nothing: the editor writes the stored HTML its own way, yet reports it unchanged.
    expect(await form.getByText('Unsaved changes').count()).toBe(0);

    await chooseMany(page, form, 'Tags', ['urgent', 'vip']);

    await form.getByRole('textbox', { name: 'Visit date', exact: true }).fill('2026-12-15');
    await form.getByRole('textbox', { name: 'Visit date', exact: true }).press('Tab');

    await form.getByRole('button', { name: 'Starts at', exact: true }).click();
    // Mantine's calendar names its days only by number: the 16th of the month shown (December, the stored start's).
    await page.locator('.mantine-DateTimePicker-day:not([data-outside])', { hasText: /^16$/ }).click();
    const time = page.locator('.mantine-TimePicker-field');
    await time.nth(0).fill('14');
    await time.nth(1).fill('30');
    await page.locator('.mantine-DateTimePicker-submitButton').click();

    await form.getByRole('textbox', { name: 'Street', exact: true }).fill('12 Rustaveli Ave');
    await form.getByRole('textbox', { name: 'City', exact: true }).fill('Rustavi');
    await form.getByRole('textbox', { name: 'Country', exact: true }).fill('GE');

    // A star is a hidden radio and the label drawn over it: a person clicks the fourth star.
    const star = await form.getByRole('radio', { name: '4', exact: true }).getAttribute('id');
    await form.locator(`label[for="${star}"]`).click();

    // Rich text: replace the body, with a heading, bold, a list and a link, by toolbar and keyboard.
    await summary.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Agenda');
    await form.getByRole('button', { name: 'Heading 2' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type('Keys');
    await form.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type(' at the gate');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Bulleted list' }).click();
    await page.keyboard.type('Site map');
    await page.keyboard.press('Shift+Home');
    await form.getByRole('button', { name: 'Link', exact: true }).click();
    const address = page.getByRole('textbox', { name: 'Link address' });
    await address.fill('https://maps.example.com/rustavi');
    await address.press('Enter');

    // The phone: Kazakhstan chosen from the searchable list, a national number typed.
    await choose(page, form, 'Country of Phone', /Kazakhstan \+7$/, 'Kazakh');
    await phone.fill('701 234 5678');

    await form.getByRole('textbox', { name: 'Fee', exact: true }).fill('1500.5');
    await choose(page, form, 'Currency', 'USD', 'USD');

    await shot(page, '02-edited');
    await saveForm(page);
    await page.getByText('Saved', { exact: true }).waitFor();

    const saved = await visit(id);
    expect(saved).toEqual({
      name: 'Rustavi depot',
      tags: ['urgent', 'vip'],
      visitDate: '2026-12-15',
      startsAt: '2026-12-16T14:30:00.000Z',
      site: { street: '12 Rustaveli Ave', city: 'Rustavi', region: null, postalCode: null, country: 'GE' },
      score: 4,
      summary:
        '<h2>Agenda</h2><p><strong>Keys</strong> at the gate</p><ul><li><p>' +
        '<a rel="noopener noreferrer nofollow" href="https://maps.example.com/rustavi">Site map</a>' +
        '</p></li></ul>',
      phone: '+77012345678',
      fee: { amount: 1500.5, currency: 'USD' },
    });

    // Read again, the form shows what the server stored: the number in Kazakhstan's format.
    await page.reload();
    await openRecord(page, 'visit', id, { label: 'Name', value: 'Rustavi depot' });
    await form.getByRole('heading', { name: 'Agenda' }).waitFor();
    expect(await phone.inputValue()).toBe('8 (701) 234 5678');
    await shot(page, '03-saved');
    expect(await form.getByText('Unsaved changes').count()).toBe(0);

    // A number typed with its code picks its country; a rich text emptied is no value.
    await phone.fill('+995 32 212 3456');
    expect(await form.getByRole('textbox', { name: 'Country of Phone' }).inputValue()).toMatch(/Georgia \+995$/);
    await summary.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await saveForm(page);
    await page.getByText('Saved', { exact: true }).waitFor();
    expect(await visit(id)).toMatchObject({ phone: '+995322123456', summary: null });

    // Georgian: the editor's toolbar and the phone's country list in the studio's language.
    await page.getByLabel('Language').selectOption('ka');
    const toolbar = page.getByRole('toolbar', { name: 'ფორმატირება' });
    await toolbar.getByRole('button', { name: 'მუქი', exact: true }).waitFor();
    await toolbar.getByRole('button', { name: 'მარკირებული სია', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'ქვეყანა: Phone' }).waitFor();
    // Country names are the browser's (Intl.DisplayNames): Debian's chromium has no Georgian ones and says "Georgia".
    const georgia = await page.evaluate(`new Intl.DisplayNames(['ka', 'en'], { type: 'region' }).of('GE')`);
    expect(await page.getByRole('textbox', { name: 'ქვეყანა: Phone' }).inputValue()).toBe(`🇬🇪 ${georgia} +995`);
    await shot(page, '04-georgian');

    expect(errors).toEqual([]);
  });
});
