import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { choose, signIn } from './steps/common';
import {
  addFollowUpTask,
  addNote,
  dismissNotices,
  fillField,
  openRecord,
  recordForm,
  relatedList,
  saveForm,
  timeline,
} from './steps/record';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('record', { fromTop: true });

interface Deal {
  id: string;
  name: string;
  stage: string;
  lostReason: string | null;
  amount: { amount: number; currency: string } | null;
  company: { id: string; name: string } | null;
  tasks: { totalCount: number; edges: { node: { id: string; title: string; dueDate: string | null } }[] };
  notes: { totalCount: number; edges: { node: { id: string; title: string | null; body: string } }[] };
}

const DEAL = `query($id: ID!) { deal(id: $id) { id name stage lostReason amount { amount currency } company { id name }
  tasks(first: 50) { totalCount edges { node { id title dueDate } } }
  notes(first: 50) { totalCount edges { node { id title body } } } } }`;

async function deal(id: string): Promise<Deal> {
  const answer = await studio.api.gql<{ deal: Deal }>(DEAL, { id });
  expect(answer.errors).toBeUndefined();
  return answer.data!.deal;
}

describeWithBrowser('the record page', () => {
  test('edits a deal in its generated form, sees a refused change on its field, its history, adds a task and a note, opens a related record — only through the UI', async () => {
    const { page, errors } = await studio.newPage({ viewport: { width: 1280, height: 900 }, defaultTimeout: 8000 });
    // An open deal with a company, no reason lost, the one the list shows first.
    const listed = await studio.api.gql<{ deals: { edges: { node: { id: string; name: string } }[] } }>(
      `{ deals(first: 1, filter: { stage: { eq: "new" }, company: { id: { isNull: false } } }, orderBy: [{ field: name, direction: ASC }]) { edges { node { id name } } } }`,
    );
    expect(listed.errors).toBeUndefined();
    const { id, name } = listed.data!.deals.edges[0]!.node;
    const before = await deal(id);

    await signIn(page, studio.api);
    const openMs = await openRecord(page, 'deal', id, { label: 'Deal name', value: name });
    console.log(`record page first open (navigation → form with the record): ${openMs} ms`);
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    await timeline(page).getByRole('button', { name: 'Add note' }).waitFor();
    await relatedList(page, 'Tasks').waitFor();
    await shot(page, '01-page');

    // Two fields edited and saved: only they change on the server.
    await fillField(page, 'Deal name', `${name} (renewed)`);
    await fillField(page, 'Amount', '12345');
    await saveForm(page);
    await page.getByText('Saved', { exact: true }).waitFor();
    // A relation picked by searching the target's records.
    const other = await studio.api.gql<{ companies: { edges: { node: { id: string; name: string } }[] } }>(
      `query($not: ID!) { companies(first: 1, filter: { id: { neq: $not } }, orderBy: [{ field: name, direction: DESC }]) { edges { node { id name } } } }`,
      { not: before.company!.id },
    );
    const company = other.data!.companies.edges[0]!.node;
    await choose(page, recordForm(page), 'Company', company.name, company.name.slice(0, 6));
    await dismissNotices(page);
    await saveForm(page);
    await page.getByText('Saved', { exact: true }).waitFor();
    const saved = await deal(id);
    expect(saved).toMatchObject({
      name: `${name} (renewed)`,
      amount: { amount: 12345, currency: before.amount!.currency },
      company: { id: company.id },
      stage: before.stage,
    });

    // A change the server refuses (the seed's rule: a lost deal needs a reason) shows on that field; nothing saved.
    await choose(page, recordForm(page), 'Stage', 'Lost');
    await saveForm(page);
    await recordForm(page).getByText('Say why the deal was lost').filter({ visible: true }).waitFor();
    // On that field: the message sits in the field's own wrapper, under its textarea.
    const wrapper = recordForm(page)
      .locator('.mantine-InputWrapper-root')
      .filter({ has: page.getByRole('textbox', { name: 'Reason lost', exact: true }) });
    await wrapper.getByText('Say why the deal was lost').waitFor();
    await recordForm(page).getByText('Unsaved changes').waitFor();
    expect(await deal(id)).toMatchObject({ stage: before.stage, lostReason: null, name: `${name} (renewed)` });
    await dismissNotices(page);
    await shot(page, '02-validation-error');
    await recordForm(page).getByRole('button', { name: 'Discard changes' }).click();
    await recordForm(page).getByText('Unsaved changes').waitFor({ state: 'detached' });

    // The first edit in the timeline: who, what, from and to.
    const renamed = timeline(page).getByRole('listitem').filter({ hasText: 'changed Deal name' });
    await renamed.getByText(`to ${name} (renewed)`).waitFor();
    await timeline(page).getByText('changed Amount').waitFor();
    // A changed relation by the related records' titles.
    await timeline(page)
      .getByRole('listitem')
      .filter({ hasText: 'changed Company' })
      .getByText(`from ${before.company!.name} to ${company.name}`)
      .waitFor();
    await dismissNotices(page);
    await shot(page, '03-timeline-history');

    // A follow-up task and a note, added from the page, related to this deal.
    await addFollowUpTask(page, 'Call back about the renewal');
    await addNote(page, { title: 'Budget confirmed', body: 'The customer confirmed the budget for next year.' });
    const added = await deal(id);
    expect(added.tasks.totalCount).toBe(before.tasks.totalCount + 1);
    const task = added.tasks.edges.find((e) => e.node.title === 'Call back about the renewal')!.node;
    expect(Date.parse(task.dueDate!)).toBeGreaterThan(Date.now());
    // The body is rich text (HTML): the quick-add's plain text is sent as a paragraph per line.
    expect(added.notes.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({
        title: 'Budget confirmed',
        body: '<p>The customer confirmed the budget for next year.</p>',
      }),
    );
    await timeline(page).getByText('The customer confirmed the budget for next year.', { exact: true }).waitFor();

    // Related lists: the new task is listed; its link opens it.
    const tasks = relatedList(page, 'Tasks');
    await tasks.getByRole('link', { name: 'Call back about the renewal' }).waitFor();
    await tasks.getByText(`${added.tasks.totalCount} in total`).waitFor();
    await relatedList(page, 'Notes').getByRole('link', { name: 'Budget confirmed' }).waitFor();
    await dismissNotices(page);
    await page.getByRole('heading', { name: 'Related records' }).scrollIntoViewIfNeeded();
    await shot(page, '04-related-lists', { fromTop: false, fullPage: false });
    await tasks.getByRole('link', { name: 'Call back about the renewal' }).click();
    await page.waitForURL(`**/o/task/${task.id}`);
    await page.getByRole('heading', { name: 'Call back about the renewal', level: 2 }).waitFor();
    // The task's form shows its relation to the deal by the deal's title.
    await recordForm(page)
      .getByRole('link', { name: `${name} (renewed)` })
      .waitFor();

    // A company: its deals and contacts as related lists, money, rating, phone, web address and address widgets.
    await openRecord(page, 'company', company.id, { label: 'Company name', value: company.name });
    await relatedList(page, 'Deals')
      .getByRole('link', { name: `${name} (renewed)` })
      .waitFor();
    await relatedList(page, 'Contacts').waitFor();
    await shot(page, '07-company');

    // Phone width: form, then timeline, stacked.
    await page.setViewportSize({ width: 390, height: 844 });
    const againMs = await openRecord(page, 'deal', id, { label: 'Deal name', value: `${name} (renewed)` });
    console.log(`record page open again (its code loaded already): ${againMs} ms`);
    await timeline(page).getByText('Budget confirmed').waitFor();
    await dismissNotices(page);
    await shot(page, '05-phone');

    // Russian.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('region', { name: 'Хронология' }).getByText('добавил(а) заметку').waitFor();
    await page.getByRole('button', { name: 'Сохранить' }).waitFor();
    await shot(page, '06-russian');

    expect(errors).toEqual([]);
  });
});
