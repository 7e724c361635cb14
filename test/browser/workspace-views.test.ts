import ExcelJS from 'exceljs';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { exportFile, filterBy, listTable, openList, sortBy, waitForTotal } from './steps/list';
import { deleteShownView, pickView, saveViewAs, viewNames, viewsButton } from './steps/views';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('views');

type Deals = { deals: { totalCount: number; edges: { node: { id: string; name: string } }[] } };

/** The first won deals by amount, largest first, as the API answers the caller. */
async function wonByAmount(token?: string) {
  const result = await studio.api.gql<Deals>(
    `{ deals(first: 500, filter: { stage: { eq: "won" } }, orderBy: [{ field: amount, direction: DESC }]) {
        totalCount edges { node { id name } } } }`,
    {},
    token,
  );
  if (result.errors) throw new Error(result.errors[0]!.message);
  return result.data!.deals;
}

/** The ids of the rows the list shows, top to bottom. */
const shownIds = (page: import('playwright-core').Page) =>
  page.evaluate(
    `[...document.querySelectorAll('tbody tr[data-row]')].map((r) => r.getAttribute('data-row'))`,
  ) as Promise<string[]>;

describeWithBrowser('saved list views: personal and shared, in the URL, and the XLSX export', () => {
  test('filter and sort, save as a personal view, reload and pick it; a shared view reaches another user; export XLSX', async () => {
    const { api } = studio;
    const won = await wonByAmount();
    expect(won.totalCount).toBeGreaterThan(2);
    const { page, errors } = await studio.newPage();
    await signIn(page, api);
    await openList(page, 'Deals');
    expect(await viewsButton(page).textContent()).toContain('View: All records');

    // Filter won deals and sort by amount, largest first; save that as a personal view.
    const builder = await filterBy(page, 'Stage', 'is', 'Won');
    await builder.getByRole('button', { name: 'Done' }).click();
    await sortBy(page, 'Amount', 'descending');
    await waitForTotal(page, won.totalCount);
    await page.waitForFunction(
      `document.querySelector('tbody tr[data-row]')?.getAttribute('data-row') === '${won.edges[0]!.node.id}'`,
    );
    const expected = await shownIds(page);
    expect(expected).toEqual(won.edges.slice(0, expected.length).map((e) => e.node.id));
    const personal = await saveViewAs(page, 'Won, largest first');
    expect(page.url()).toContain(`?view=${personal}`);
    // Saving keeps the list as it was, and the shown view is the saved one, unmodified.
    await viewsButton(page).filter({ hasNotText: 'modified' }).waitFor();
    await waitForTotal(page, won.totalCount);
    expect(await shownIds(page)).toEqual(expected);
    await shot(page, '01-saved-personal');

    // A reload opens the view from the URL: the same rows in the same order.
    await page.reload();
    await waitForTotal(page, won.totalCount);
    await viewsButton(page).filter({ hasText: 'Won, largest first' }).waitFor();
    expect(await shownIds(page)).toEqual(expected);

    // All records, then the view picked from the menu: the same rows again.
    await pickView(page, 'All records');
    const all = (await api.gql<Deals>(`{ deals { totalCount } }`)).data!.deals.totalCount;
    await waitForTotal(page, all);
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    await viewsButton(page).click();
    await shot(page, '02-menu', { fullPage: false });
    await page.getByRole('menuitem', { name: 'Won, largest first' }).click();
    await waitForTotal(page, won.totalCount);
    await page.waitForFunction(
      `document.querySelector('tbody tr[data-row]')?.getAttribute('data-row') === '${won.edges[0]!.node.id}'`,
    );
    expect(await shownIds(page)).toEqual(expected);

    // Export XLSX of the view: the same rows, typed cells; the record id, then the view's columns in its order.
    const columns = (await page.evaluate(
      `[...document.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.replace(/\\s*[▲▼↕]$/, ''))`,
    )) as string[];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportFile(page, 'Excel (.xlsx)'));
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(columns.slice(0, 2)).toEqual(['Deal name', 'Amount']);
    expect(header).toEqual(['Id', ...columns]);
    expect(sheet.actualRowCount - 1).toBe(won.totalCount);
    const ids: unknown[] = [];
    sheet.eachRow((row, n) => void (n > 1 && ids.push(row.getCell(1).value)));
    expect(ids).toEqual(won.edges.map((e) => e.node.id));
    expect(typeof sheet.getRow(2).getCell(header.indexOf('Amount') + 1).value).toBe('number');

    // A manager owns two won deals; the admin shares the view with everyone who may read deals.
    const member = { email: `views-${Date.now()}@example.com`, password: 'correct horse battery staple' };
    const created = await api.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { ...member, name: 'Levan Manager', roles: ['manager'] } },
    );
    const memberId = created.data!.createUser.id;
    const given = won.edges.slice(1, 3).map((e) => e.node.id);
    for (const id of given) {
      const moved = await api.gql(`mutation($id: ID!, $o: ID!) { updateDeal(id: $id, data: { owner: $o }) { id } }`, {
        id,
        o: memberId,
      });
      expect(moved.errors).toBeUndefined();
    }
    await saveViewAs(page, 'Team: won deals', { shared: true });
    await viewsButton(page).filter({ hasNotText: 'modified' }).waitFor();
    await waitForTotal(page, won.totalCount);
    await viewsButton(page).click();
    await page.getByRole('menuitem', { name: /^Team: won deals/ }).waitFor();
    await shot(page, '03-shared-saved', { fullPage: false });
    await page.keyboard.press('Escape');

    // The manager sees the shared view, not the admin's personal one, and may not share their own.
    const other = await studio.newPage();
    await signIn(other.page, { ...member, server: api.server }, other.page.getByRole('region', { name: 'My tasks' }));
    await openList(other.page, 'Deals');
    await other.page.waitForURL('**/o/deal');
    const names = await viewNames(other.page);
    expect(names).toContain('Team: won dealsshared');
    expect(names.join('|')).not.toContain('Won, largest first');
    await pickView(other.page, /^Team: won deals/);
    await waitForTotal(other.page, 2);
    expect((await shownIds(other.page)).sort()).toEqual([...given].sort());
    await shot(other.page, '04-other-user-shared');
    await viewsButton(other.page).click();
    await other.page.getByRole('menuitem', { name: 'Save as new view…' }).click();
    const dialog = other.page.getByRole('dialog', { name: 'Save as a new view' });
    expect(await dialog.getByRole('switch').isDisabled()).toBe(true);
    await dialog.getByText('Only admins may share views.').waitFor();
    await shot(other.page, '05-other-user-cannot-share', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // The shared view is not theirs to delete.
    await viewsButton(other.page).click();
    expect(await other.page.getByRole('menuitem', { name: 'Delete view…' }).isDisabled()).toBe(true);
    await other.page.keyboard.press('Escape');

    // The admin deletes the personal view after confirming; the URL falls back to all records.
    await pickView(page, 'Won, largest first');
    await deleteShownView(page, 'Won, largest first');
    await waitForTotal(page, all);
    expect(await viewNames(page)).not.toContain('Won, largest first');
    // A link to the deleted view says so and shows all records.
    await page.goto(`${api.server.url}/o/deal?view=${personal}`);
    await page.getByRole('alert').filter({ hasText: 'This view no longer exists' }).waitFor();
    await waitForTotal(page, all);
    await listTable(page, 'Deals').waitFor();
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
  }, 90_000);
});
