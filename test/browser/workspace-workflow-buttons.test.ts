import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { openRecord, relatedList, timeline } from './steps/record';

/**
 * The record page's manual workflows (issue 7, "manual workflow buttons"): the sales CRM's "Book a demo" on a
 * lead, started by a click, run by the server's workflow engine, its status shown beside the button, and the
 * task it made listed on the lead. Workers run in this server, as in a real one.
 */
const studio = studioSuite({ seed: 'sales-crm', config: { workers: true } });
const shot = screenshotter('workflow-buttons', { fromTop: true });

interface Lead {
  id: string;
  title: string;
  owner: { id: string } | null;
  tasks: { edges: { node: { title: string; type: string; priority: string; owner: { id: string } | null } }[] };
}

const LEAD = `query($id: ID!) { lead(id: $id) { id title owner { id }
  tasks(first: 20) { edges { node { title type priority owner { id } } } } } }`;

async function lead(id: string): Promise<Lead> {
  const answer = await studio.api.gql<{ lead: Lead }>(LEAD, { id });
  expect(answer.errors).toBeUndefined();
  return answer.data!.lead;
}

describeWithBrowser('manual workflow buttons on a record page', () => {
  test('"Book a demo" runs on the lead, shows its status and the task it made, in English and Russian', async () => {
    const { page, errors } = await studio.newPage({ viewport: { width: 1280, height: 900 }, defaultTimeout: 15_000 });
    const listed = await studio.api.gql<{ leads: { edges: { node: { id: string } }[] } }>(
      `{ leads(first: 2, filter: { owner: { id: { isNull: false } } }, orderBy: [{ field: title, direction: ASC }]) { edges { node { id } } } }`,
    );
    expect(listed.errors).toBeUndefined();
    const [first, second] = listed.data!.leads.edges.map((e) => e.node.id) as [string, string];
    const before = await lead(first);
    const demo = `Demo for ${before.title}`;
    expect(before.tasks.edges.map((e) => e.node.title)).not.toContain(demo);

    await signIn(page, studio.api);
    await openRecord(page, 'lead', first, { label: 'Title', value: before.title });
    const actions = page.getByRole('group', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Book a demo' }).click();
    await actions.getByRole('status').filter({ hasText: 'Book a demo: completed' }).waitFor();
    // The page reloads the lead's related records once the run has finished.
    await relatedList(page, 'Tasks').getByText(demo).waitFor();
    // The timeline names the run by the workflow's label, in the reader's language.
    await timeline(page).getByText('workflow “Book a demo”: completed').waitFor();
    await shot(page, '01-lead-en');

    const after = await lead(first);
    expect(after.tasks.edges.map((e) => e.node)).toContainEqual({
      title: demo,
      type: 'meeting',
      priority: 'high',
      owner: before.owner,
    });

    // The same button in Russian, on another lead.
    await page.getByTestId('language').selectOption('ru');
    const other = await lead(second);
    await page.evaluate(
      `history.pushState(null, '', '/o/lead/${second}'); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    await page.getByRole('heading', { name: other.title, level: 2 }).waitFor();
    const ruActions = page.getByRole('group', { name: 'Действия' });
    await ruActions.getByRole('button', { name: 'Назначить демонстрацию' }).click();
    await ruActions.getByRole('status').filter({ hasText: 'Назначить демонстрацию: завершён' }).waitFor();
    await page.getByRole('region', { name: 'Хронология' }).getByText('«Назначить демонстрацию»: завершён').waitFor();
    await shot(page, '02-lead-ru');
    expect((await lead(second)).tasks.edges.map((e) => e.node.title)).toContain(`Demo for ${other.title}`);
    expect(errors).toEqual([]);
  });
});
