import type { Request } from 'playwright-core';
import { uniqueName } from '../support/database';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import {
  bulkDelete,
  bulkSetOption,
  editCellText,
  exportCsv,
  filterBy,
  listCell,
  listRow,
  listTable,
  openList,
  searchList,
  selectRows,
  shownTotal,
  sortBy,
  toggleColumn,
  waitForTotal,
} from './steps/list';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('list');

interface Deal {
  id: string;
  name: string;
  source: string | null;
}

async function deals(filter?: unknown, search?: string, orderBy?: unknown) {
  const result = await studio.api.gql<{ deals: { totalCount: number; edges: { node: Deal }[] } }>(
    `query($filter: DealFilter, $search: String, $orderBy: [DealOrderBy!]) {
      deals(first: 5, filter: $filter, search: $search, orderBy: $orderBy) { totalCount edges { node { id name source } } }
    }`,
    { filter, search, orderBy },
  );
  if (result.errors) throw new Error(result.errors[0]!.message);
  return result.data!.deals;
}

async function deal(id: string): Promise<Deal | null> {
  const result = await studio.api.gql<{ deal: Deal | null }>(`query($id: ID!) { deal(id: $id) { id name source } }`, {
    id,
  });
  return result.data!.deal;
}

describeWithBrowser('the workspace list: a virtualised table of any object', () => {
  test('deals: count, sort, search, filter, columns, inline edit (and a refused one), bulk edit and delete, export', async () => {
    const { api } = studio;
    const { page, errors } = await studio.newPage();
    await signIn(page, api);
    await openList(page, 'Deals');
    const table = listTable(page, 'Deals');

    // The count is the API's.
    const all = await deals();
    await waitForTotal(page, all.totalCount);
    expect(await table.getAttribute('aria-rowcount')).toBe(String(all.totalCount + 1));
    // Deals have a pipeline: a way to their board.
    expect(await page.getByRole('link', { name: 'Board', exact: true }).getAttribute('href')).toBe('/o/deal/board');
    await shot(page, '01-list');

    // Sorted by amount, largest first: the first row is the API's first deal by amount desc.
    await sortBy(page, 'Amount', 'descending');
    const byAmount = (await deals(undefined, undefined, [{ field: 'amount', direction: 'DESC' }])).edges;
    const largest = byAmount[0];
    await page.waitForFunction(
      `document.querySelector('tbody tr[data-row]')?.getAttribute('data-row') === '${largest!.node.id}'`,
    );
    await shot(page, '02-sorted');

    // Search: the list shows what the API's search finds.
    const word = largest!.node.name.split(/\s+/)[0]!;
    await searchList(page, word);
    await waitForTotal(page, (await deals(undefined, word)).totalCount);
    await searchList(page, '');
    await waitForTotal(page, all.totalCount);

    // Filter with the builder: stage is won.
    const builder = await filterBy(page, 'Stage', 'is', 'Won');
    const won = await deals({ stage: { eq: 'won' } });
    await waitForTotal(page, won.totalCount);
    expect(await table.locator('tbody tr[data-row]').count()).toBe(won.totalCount);
    await shot(page, '03-filter-builder', { fullPage: false });
    await builder.getByRole('button', { name: 'Clear filter' }).click();
    await builder.getByRole('button', { name: 'Done' }).click();
    await builder.waitFor({ state: 'hidden' });
    await waitForTotal(page, all.totalCount);

    // Hide a column; it stays hidden on this device.
    await toggleColumn(page, 'Discount');
    await page.getByRole('columnheader', { name: 'Discount', exact: true }).waitFor({ state: 'detached' });
    expect(await page.evaluate(`localStorage.getItem('stratum.list.columns.deal')`)).not.toContain('discount');

    // Inline edit of a name, checked through the API.
    const id = largest!.node.id;
    await editCellText(page, id, 'name', 'Name', 'Renamed in the list');
    await listCell(page, id, 'name').getByText('Renamed in the list').waitFor();
    expect((await deal(id))!.name).toBe('Renamed in the list');

    // A required field emptied: the server's message on the cell, and nothing changed.
    await editCellText(page, id, 'name', 'Name', '');
    await listCell(page, id, 'name').getByRole('alert').waitFor();
    expect(await listCell(page, id, 'name').textContent()).toContain('Renamed in the list');
    expect((await deal(id))!.name).toBe('Renamed in the list');
    await shot(page, '04-inline-edit-error');

    // Bulk edit of two deals' source: one request for both.
    // The next two by amount: rows in view (the table renders only those).
    const [second, third] = byAmount.slice(1, 3).map((e) => e.node);
    await selectRows(page, [second!.name, third!.name]);
    await shot(page, '05-bulk-bar');
    await bulkSetOption(page, 'Source', 'Partner');
    expect((await deal(second!.id))!.source).toBe('partner');
    expect((await deal(third!.id))!.source).toBe('partner');

    // Bulk delete of two: one request (deleteDeals) for both.
    await page
      .getByRole('region', { name: 'Selected records' })
      .getByRole('button', { name: 'Clear selection' })
      .click();
    const fourth = byAmount[3]!.node;
    await selectRows(page, [third!.name, fourth.name]);
    const deletes: string[] = [];
    const onRequest = (request: Request) => {
      const body = request.postData() ?? '';
      if (/delete(Deal|Deals)\b/.test(body)) deletes.push(body);
    };
    page.on('request', onRequest);
    await bulkDelete(page);
    page.off('request', onRequest);
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toContain('deleteDeals(ids: $ids)');
    expect(await deal(third!.id)).toBeNull();
    expect(await deal(fourth.id)).toBeNull();
    await waitForTotal(page, all.totalCount - 2);
    await listRow(page, third!.id).waitFor({ state: 'detached' });

    // Export: the server's CSV of the current view — the record id, then the visible columns in their order.
    const shownColumns = (await page.evaluate(
      `[...document.querySelector('tbody tr[data-row]').querySelectorAll('td[data-field]')].map((td) => td.dataset.field)`,
    )) as string[];
    expect(shownColumns).not.toContain('discount');
    const csv = await exportCsv(page);
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header!.split(',')).toEqual(['id', ...shownColumns]);
    expect(lines.length).toBeGreaterThanOrEqual(all.totalCount - 2);
    expect(await shownTotal(page)).toBe(all.totalCount - 2);

    // By keyboard: Enter on an editable cell edits it, Escape gives up; Enter on another cell opens the record.
    const amount = listCell(page, second!.id, 'amount');
    await amount.focus();
    await page.keyboard.press('Enter');
    await amount.getByRole('textbox', { name: 'Amount' }).waitFor();
    await page.keyboard.press('Escape');
    await amount.getByRole('textbox').waitFor({ state: 'detached' });
    await page.keyboard.press('ArrowRight'); // Stage
    await page.keyboard.press('ArrowRight'); // Weighted amount: a formula, not editable
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/o/deal/${second!.id}`);
    await page.goBack();
    await listTable(page, 'Deals').locator('tbody tr[data-row]').first().waitFor();

    // By mouse, on the first row shown: a double-click edits a cell in place; a click on the title (a link) opens.
    const firstRow = listTable(page, 'Deals').locator('tbody tr[data-row]').first();
    const firstId = (await firstRow.getAttribute('data-row'))!;
    const firstAmount = listCell(page, firstId, 'amount');
    await firstAmount.dblclick();
    await firstAmount.getByRole('textbox', { name: 'Amount' }).waitFor();
    await page.keyboard.press('Escape');
    await listCell(page, firstId, 'name').getByRole('link').click();
    await page.waitForURL(`**/o/deal/${firstId}`);
    await page.goBack();
    await listTable(page, 'Deals').locator('tbody tr[data-row]').first().waitFor();

    // Phone width.
    await page.setViewportSize({ width: 390, height: 800 });
    await shot(page, '06-phone', { fullPage: false });
    expect(errors).toEqual([]);
  }, 120_000);

  test("a member who may delete only their own deals: a selection with another's is refused whole, by title", async () => {
    const { api } = studio;
    const role = await api.gql(`mutation($input: JSON!) { saveRole(input: $input) { __typename } }`, {
      input: {
        name: 'ownDealsDeleter',
        label: 'Deletes own deals',
        rules: [
          { action: 'read', subject: ['deal', 'company'] },
          { action: 'delete', subject: 'deal', conditions: { owner: '$user.id' } },
        ],
      },
    });
    expect(role.errors).toBeUndefined();
    const member = { email: `${uniqueName('deleter')}@example.com`, password: 'correct horse battery staple' };
    const user = await api.gql<{ createUser: { id: string } }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { ...member, name: 'Deleter', roles: ['ownDealsDeleter'] } },
    );
    expect(user.errors).toBeUndefined();
    const [mine, theirs] = (await deals(undefined, undefined, [{ field: 'name', direction: 'ASC' }])).edges.map(
      (e) => e.node,
    );
    const given = await api.gql(
      `mutation($id: ID!, $owner: ID!) { updateDeal(id: $id, data: { owner: $owner }) { id } }`,
      {
        id: mine!.id,
        owner: user.data!.createUser.id,
      },
    );
    expect(given.errors).toBeUndefined();

    const { page, errors } = await studio.newPage();
    await signIn(
      page,
      { server: api.server, ...member },
      page.getByRole('navigation').getByRole('link', { name: 'Deals', exact: true }),
    );
    await openList(page, 'Deals');
    // Row conditions: Delete and the cell editors stay offered (the object allows some deletes), the server judges.
    await sortBy(page, 'Deal name', 'ascending');
    await page.waitForFunction(
      `document.querySelector('tbody tr[data-row]')?.getAttribute('data-row') === '${mine!.id}'`,
    );
    await selectRows(page, [mine!.name, theirs!.name]);
    await page.getByRole('region', { name: 'Selected records' }).getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 selected records?' });
    await dialog.getByRole('button', { name: 'Delete 2' }).click();
    await dialog.getByText(`Nothing was deleted. You may not delete: ${theirs!.name}`).waitFor();
    await shot(page, '09-bulk-delete-refused', { fullPage: false });
    expect(await deal(mine!.id)).not.toBeNull();
    expect(await deal(theirs!.id)).not.toBeNull();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  test('Russian, and a list of 1,000 leads: far fewer rows in the DOM, more pages as one scrolls', async () => {
    const { api } = studio;
    const leads = Array.from({ length: 1000 }, (_, i) => ({ title: `Scroll lead ${String(i).padStart(4, '0')}` }));
    const created = await api.gql<{ createLeads: { id: string }[] }>(
      `mutation($data: [LeadCreateInput!]!) { createLeads(data: $data) { id } }`,
      { data: leads },
    );
    expect(created.data?.createLeads).toHaveLength(1000);
    const total = (await api.gql<{ leads: { totalCount: number } }>('{ leads { totalCount } }')).data!.leads.totalCount;

    const { page, errors } = await studio.newPage();
    await signIn(page, api);
    await openList(page, 'Leads');
    await waitForTotal(page, total);
    const rows = page.locator('tbody tr[data-row]');
    const loadedRows = () =>
      page.evaluate(
        `Math.max(...[...document.querySelectorAll('tbody tr[data-row]')].map((r) => Number(r.getAttribute('aria-rowindex'))))`,
      ) as Promise<number>;
    expect(await loadedRows()).toBeLessThanOrEqual(51);
    for (let i = 0; i < 6; i++) {
      await page.evaluate(
        `(() => { const el = document.querySelector('[data-testid="list-scroller"]'); el.scrollTo(0, el.scrollHeight); })()`,
      );
      await page.waitForTimeout(300);
    }
    await page.waitForFunction(`document.querySelectorAll('tbody tr[data-row]').length > 0`);
    expect(await loadedRows()).toBeGreaterThan(200);
    expect(await rows.count()).toBeLessThan(100);

    // The same list in Russian.
    await page.getByTestId('language').selectOption('ru');
    await page.getByRole('button', { name: 'Фильтр' }).waitFor();
    await page.evaluate(`document.querySelector('[data-testid="list-scroller"]').scrollTo(0, 0)`);
    await shot(page, '07-russian', { fullPage: false });
    expect(errors).toEqual([]);

    // Deals in the dark theme: the plain cells (badges, links, checkboxes) take the theme's colours.
    const dark = await studio.newPage({ colorScheme: 'dark' });
    await signIn(dark.page, api);
    await openList(dark.page, 'Deals');
    await dark.page.locator('tbody tr[data-row]').first().waitFor();
    await shot(dark.page, '08-dark', { fullPage: false });
    expect(dark.errors).toEqual([]);
  }, 120_000);
});
