import type { Locator, Page } from 'playwright-core';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { card, moveWithMenu, stage } from './steps/board';
import { dismissNotices, openRecord } from './steps/record';

/**
 * Lead conversion in the studio (sales-crm): the lead page's Convert button opens a dialog with a section per
 * target — company, contact, deal — prefilled from the lead; converting lands on the new deal. A second lead
 * of the same company uses the company made the first time, skips the deal, and shows a refused contact on
 * its Email field before it goes through. Every check of the outcome is made on the server.
 */
const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('convert', { fromTop: true });

interface Lead {
  id: string;
  title: string;
  status: string;
  email: string;
  deals: { edges: { node: { id: string; name: string; company: { id: string } | null; contact: Contact } }[] };
}
interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  company: { id: string; name: string } | null;
}

const LEAD = `query($email: String!) { leads(filter: { email: { eq: $email } }) { edges { node {
  id title status email deals(first: 5) { edges { node { id name company { id } contact { id firstName lastName email company { id name } } } } } } } } }`;

async function lead(email: string): Promise<Lead> {
  const answer = await studio.api.gql<{ leads: { edges: { node: Lead }[] } }>(LEAD, { email });
  expect(answer.errors).toBeUndefined();
  return answer.data!.leads.edges[0]!.node;
}

const leadEmail = async (id: string) =>
  (await studio.api.gql<{ lead: { email: string } | null }>('query($id: ID!) { lead(id: $id) { email } }', { id }))
    .data!.lead?.email;

const counts = async () =>
  (await studio.api.gql(`{ companies { totalCount } contacts { totalCount } deals { totalCount } }`)).data;

const contactsByEmail = async (email: string) =>
  (
    await studio.api.gql<{ contacts: { edges: { node: Contact }[] } }>(
      `query($email: String!) { contacts(filter: { email: { eq: $email } }) { edges { node { id firstName lastName email company { id name } } } } }`,
      { email },
    )
  ).data!.contacts.edges.map((e) => e.node);

/** Opens the lead's page and its Convert dialog. */
async function openConvert(page: Page, subject: Lead): Promise<Locator> {
  await openRecord(page, 'lead', subject.id, { label: 'Title', value: subject.title });
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Convert ${subject.title}` });
  await dialog.waitFor();
  return dialog;
}

const target = (dialog: Locator, name: string) => dialog.getByRole('region', { name, exact: true });
const field = (section: Locator, label: string) => section.getByRole('textbox', { name: label });
const action = (section: Locator, label: string) => section.locator('label', { hasText: label }).click();

describeWithBrowser('lead conversion', () => {
  test('converts a lead into a company, a contact and a deal, then a second lead of the company uses it', async () => {
    const { page, errors } = await studio.newPage({ viewport: { width: 1280, height: 1000 }, defaultTimeout: 10000 });
    await signIn(page, studio.api);

    // 1. Everything created from the lead, as prefilled.
    const first = await lead('tobias.becker@gmx.de');
    const before = await counts();
    const dialog = await openConvert(page, first);
    const company = target(dialog, 'Company');
    const contact = target(dialog, 'Contact');
    const deal = target(dialog, 'Deal');
    expect(await field(company, 'Company name').inputValue()).toBe('Nordsee Fisch AG');
    expect(await field(contact, 'First name').inputValue()).toBe('Tobias');
    expect(await field(contact, 'Email').inputValue()).toBe(first.email);
    expect(await field(deal, 'Deal name').inputValue()).toBe(first.title);
    await company.getByText('No existing Companies match').waitFor();
    await field(contact, 'Job title').fill('Head of purchasing');
    await shot(page, '01-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
    await page.waitForURL(/\/o\/deal\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: first.title, level: 2 }).waitFor();
    const notice = page.locator('.mantine-Notifications-root');
    await notice.getByText(`${first.title} is converted`).waitFor();
    await notice.getByRole('link', { name: 'Open Contact' }).waitFor();
    await shot(page, '02-deal');

    const converted = await lead(first.email);
    expect(converted.status).toBe('converted');
    const made = converted.deals.edges.map((e) => e.node);
    expect(made).toHaveLength(1);
    expect(page.url()).toContain(made[0]!.id);
    expect(made[0]!.contact).toMatchObject({
      firstName: 'Tobias',
      email: first.email,
      company: { id: made[0]!.company!.id, name: 'Nordsee Fisch AG' },
    });
    expect(await contactsByEmail(first.email)).toHaveLength(1);
    const c = before as {
      companies: { totalCount: number };
      contacts: { totalCount: number };
      deals: { totalCount: number };
    };
    expect(await counts()).toEqual({
      companies: { totalCount: c.companies.totalCount + 1 },
      contacts: { totalCount: c.contacts.totalCount + 1 },
      deals: { totalCount: c.deals.totalCount + 1 },
    });
    // The converted lead offers no second conversion.
    await dismissNotices(page);
    await openRecord(page, 'lead', first.id, { label: 'Title', value: first.title });
    await page.getByText('Converted', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Convert', exact: true }).count()).toBe(0);

    // 2. The same company, found by name; no deal; a taken email refused on its field, then corrected.
    const second = await lead('lea.weber@gmx.de');
    const dialog2 = await openConvert(page, second);
    const company2 = target(dialog2, 'Company');
    const contact2 = target(dialog2, 'Contact');
    await action(company2, 'Use existing');
    await company2.getByRole('radio', { name: 'Nordsee Fisch AG' }).waitFor();
    expect(await company2.getByRole('radio', { name: 'Nordsee Fisch AG' }).isChecked()).toBe(true);
    await action(target(dialog2, 'Deal'), "Don't create");
    await target(dialog2, 'Deal').getByText('No Deal will be created.').waitFor();
    await field(contact2, 'Email').fill(first.email);
    const middle = await counts();
    await dialog2.getByRole('button', { name: 'Convert', exact: true }).click();
    await contact2.getByText('Another contact already has this email').filter({ visible: true }).waitFor();
    await shot(page, '03-refused', { fullPage: false });
    expect(await counts()).toEqual(middle);
    expect((await lead(second.email)).status).not.toBe('converted');
    await field(contact2, 'Email').fill(second.email);
    await dialog2.getByRole('button', { name: 'Convert', exact: true }).click();
    await page.waitForURL(/\/o\/contact\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 2, name: 'Weber' }).waitFor();
    await shot(page, '04-contact');
    const [newContact] = await contactsByEmail(second.email);
    expect(newContact).toMatchObject({ lastName: 'Weber', company: { id: made[0]!.company!.id } });
    expect((await lead(second.email)).status).toBe('converted');
    const m = middle as typeof c;
    expect(await counts()).toEqual({ ...m, contacts: { totalCount: m.contacts.totalCount + 1 } });
    expect(errors).toEqual([]);
  });

  test("a card moved to the lead board's Converted stage opens the conversion instead of marking it converted", async () => {
    const { page, errors } = await studio.newPage({ viewport: { width: 1280, height: 900 }, defaultTimeout: 10000 });
    await signIn(page, studio.api);
    const fresh = await studio.api.gql<{ leads: { edges: { node: { id: string; title: string } }[] } }>(
      `{ leads(filter: { status: { eq: "new" } }, first: 1, orderBy: [{ field: title, direction: ASC }]) { edges { node { id title } } } }`,
    );
    const subject = fresh.data!.leads.edges[0]!.node;
    await page.goto(`${studio.api.server.url}/o/lead/board`);
    await stage(page, 'New').getByRole('listitem').first().waitFor();
    await card(page, subject.title).waitFor();
    await moveWithMenu(page, subject.title, 'Converted');
    const dialog = page.getByRole('dialog', { name: `Convert ${subject.title}` });
    await dialog.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/o/lead/${subject.id}`);
    // The move itself wrote nothing: the lead is converted only by converting.
    expect((await lead((await leadEmail(subject.id))!)).status).toBe('new');
    await shot(page, '04-from-board', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
  });

  test('the dialog in Georgian on a phone', async () => {
    const { page, errors } = await studio.newPage({ viewport: { width: 390, height: 844 }, defaultTimeout: 10000 });
    await signIn(page, studio.api);
    const subject = await lead('felix.becker@nordseefisch.de');
    await page.evaluate(`localStorage.setItem('stratum.language', 'ka')`);
    await page.goto(`${studio.api.server.url}/o/lead/${subject.id}`);
    await page.getByRole('button', { name: 'კონვერტაცია', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `„${subject.title}“-ის კონვერტაცია` });
    expect(await field(target(dialog, 'კომპანია'), 'კომპანიის დასახელება').inputValue()).toBe('Nordsee Fisch AG');
    await shot(page, '05-phone-ka', { fullPage: false });
    expect(errors).toEqual([]);
  });
});
