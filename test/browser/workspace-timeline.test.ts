import type { Page } from 'playwright-core';
import { uniqueName } from '../support/database';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { openBoard, stage, waitForCount } from './steps/board';
import { dismissNotices, openRecord, timeline } from './steps/record';

/**
 * The record timeline of a lead (examples/sales-crm): a call and an email logged from the quick-add (tasks of
 * those types, done, created through GraphQL) read "Call logged" / "Email logged" with their icons; a history
 * longer than a page (written through the API) shows its older part on "Show older", still in time order; and
 * the leads' pipeline (on `lead.status`) is a board whose columns count what the server counts.
 */
const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('timeline', { fromTop: true });

interface Task {
  title: string;
  type: string;
  status: string;
  completedAt: string | null;
  description: string | null;
}

const leadTasks = async (id: string): Promise<Task[]> => {
  const answer = await studio.api.gql<{ lead: { tasks: { edges: { node: Task }[] } } }>(
    `query($id: ID!) { lead(id: $id) { tasks(first: 10) { edges { node { title type status completedAt description } } } } }`,
    { id },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.lead.tasks.edges.map((e) => e.node);
};

/** The timeline's lines as shown: kind and time, top to bottom. */
async function lines(page: Page): Promise<{ kind: string | null; at: string }[]> {
  const items = await timeline(page).getByRole('listitem').all();
  return Promise.all(
    items.map(async (item) => ({
      kind: await item.getAttribute('data-kind'),
      at: (await item.locator('time').getAttribute('datetime')) ?? '',
    })),
  );
}

async function logActivity(page: Page, button: string, subject: string, text: string, textLabel: string) {
  await timeline(page).getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.getByRole('textbox', { name: 'Subject', exact: true }).fill(subject);
  await dialog.getByRole('textbox', { name: textLabel, exact: true }).fill(text);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describeWithBrowser('the record timeline', () => {
  test('logs a call and an email from the quick-add, pages through a long history, and shows the leads board', async () => {
    const { page, errors } = await studio.newPage({ viewport: { width: 1280, height: 1000 }, defaultTimeout: 10000 });
    // A lead with 60 history entries (12 updates of 5 fields): more than the timeline's first page (50).
    const title = uniqueName('Timeline lead');
    const created = await studio.api.gql<{ createLead: { id: string } }>(
      `mutation($title: String!) { createLead(data: { title: $title, lastName: "Okafor", source: "referral" }) { id } }`,
      { title },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createLead.id;
    for (let i = 1; i <= 12; i++) {
      const updated = await studio.api.gql(
        `mutation($id: ID!, $data: LeadUpdateInput!) { updateLead(id: $id, data: $data) { id } }`,
        {
          id,
          data: {
            firstName: `Ada ${i}`,
            lastName: `Okafor ${i}`,
            jobTitle: `Buyer ${i}`,
            companyName: `Okafor ${i} Ltd`,
            score: i,
          },
        },
      );
      expect(updated.errors).toBeUndefined();
    }

    await signIn(page, studio.api);
    await openRecord(page, 'lead', id, { label: 'Title', value: title });

    // A call and an email, logged from the page.
    await logActivity(page, 'Log a call', 'Intro call', 'Wants a demo next week.', 'What was said');
    const call = timeline(page).getByRole('listitem').filter({ hasText: 'Intro call' });
    await call.getByText('Call logged').waitFor();
    await call.getByText('Wants a demo next week.').waitFor();
    expect(await call.locator('svg[data-glyph="call"]').count()).toBe(1);
    expect(await call.getByTestId('task-type').textContent()).toBe('Call');
    await logActivity(page, 'Log an email', 'Sent the price list', 'Prices for 50 seats attached.', 'What it said');
    const email = timeline(page).getByRole('listitem').filter({ hasText: 'Sent the price list' });
    await email.getByText('Email logged').waitFor();
    expect(await email.locator('svg[data-glyph="email"]').count()).toBe(1);
    expect(await email.getByTestId('task-type').textContent()).toBe('Email');
    // On the server: done tasks of those types, on this lead, with when they happened.
    const tasks = await leadTasks(id);
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: 'Intro call',
          type: 'call',
          status: 'done',
          description: 'Wants a demo next week.',
        }),
        expect.objectContaining({ title: 'Sent the price list', type: 'email', status: 'done' }),
      ]),
    );
    expect(tasks.every((t) => t.completedAt && Date.parse(t.completedAt) <= Date.now())).toBe(true);
    await dismissNotices(page);
    await shot(page, '01-call-and-email', { fullPage: false });

    // The history's first page: the newest entries, in time order; the oldest update is not there yet.
    const first = await lines(page);
    const historyShown = first.filter((l) => l.kind === 'history').length;
    expect(historyShown).toBeGreaterThan(0);
    expect(historyShown).toBeLessThan(60);
    expect(
      await timeline(page)
        .getByText(/to Ada 1$/)
        .count(),
    ).toBe(0);
    const times = (ls: { at: string }[]) => ls.map((l) => Date.parse(l.at));
    expect(times(first)).toEqual([...times(first)].sort((a, b) => b - a));

    const older = timeline(page).getByRole('button', { name: 'Show older' });
    await older.click();
    await timeline(page)
      .getByText(/to Ada 1$/)
      .waitFor();
    const all = await lines(page);
    expect(all.filter((l) => l.kind === 'history')).toHaveLength(60);
    // What was shown stays where it was: the older entries come below it, all in time order.
    expect(all.slice(0, first.length)).toEqual(first);
    expect(times(all)).toEqual([...times(all)].sort((a, b) => b - a));
    expect(await older.count()).toBe(0);
    await older.waitFor({ state: 'detached' });
    await timeline(page)
      .getByText(/to Ada 1$/)
      .scrollIntoViewIfNeeded();
    await shot(page, '02-show-older', { fromTop: false, fullPage: false });

    // Russian: the logged call and email read in Russian.
    await page.getByTestId('language').selectOption('ru');
    const ruTimeline = page.getByRole('region', { name: 'Хронология' });
    await ruTimeline.getByText('Звонок записан').waitFor();
    await ruTimeline.getByText('Письмо записано').waitFor();
    await ruTimeline.getByRole('button', { name: 'Записать звонок' }).waitFor();
    // The pages read stay read: the whole history is still there, in Russian.
    await ruTimeline.getByText(/стало: Ada 1$/).waitFor();
    expect(await ruTimeline.getByRole('button', { name: 'Показать более ранние' }).count()).toBe(0);
    await page.getByRole('heading', { name: title, level: 2 }).scrollIntoViewIfNeeded();
    await shot(page, '03-russian', { fullPage: false });
    await page.getByTestId('language').selectOption('en');

    // The leads board: a column per open status with the server's counts, converted and unqualified as zones.
    const groups = await studio.api.gql<{ leadsAggregate: { key: { status: string }; count: number }[] }>(
      `{ leadsAggregate(groupBy: [{ field: status }]) { key count } }`,
    );
    expect(groups.errors).toBeUndefined();
    const count = (status: string) => groups.data!.leadsAggregate.find((g) => g.key.status === status)?.count ?? 0;
    await openBoard(page, 'Leads', 'New');
    const columns: Record<string, string> = { New: 'new', Contacted: 'contacted', Qualified: 'qualified' };
    for (const [label, status] of Object.entries(columns)) {
      await waitForCount(page, label, count(status));
      expect(count(status)).toBeGreaterThan(0);
    }
    await waitForCount(page, 'Converted', count('converted'));
    await waitForCount(page, 'Unqualified', count('unqualified'));
    await stage(page, 'New').getByRole('listitem', { name: title, exact: true }).waitFor();
    await dismissNotices(page);
    await shot(page, '04-leads-board');

    await page.getByTestId('language').selectOption('ru');
    await stage(page, 'Связались').getByTestId('count').waitFor();
    await waitForCount(page, 'Квалифицирован', count('qualified'));
    await shot(page, '05-leads-board-russian');
    expect(errors).toEqual([]);
  });
});
