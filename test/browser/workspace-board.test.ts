import type { Page } from 'playwright-core';
import { uniqueName } from '../support/database';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { listCell, listRow, listTable, openList } from './steps/list';
import { openRecord, recordForm } from './steps/record';
import {
  card,
  countIn,
  dragWithKeyboard,
  dismissNotices,
  dragWithMouse,
  moveWithMenu,
  openBoard,
  fillQuickCreate,
  openQuickCreate,
  stage,
  waitForCount,
} from './steps/board';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('board');

const OPEN = ['New', 'Qualified', 'Proposal', 'Negotiation'];
const STAGE_NAMES: Record<string, string> = {
  New: 'new',
  Qualified: 'qualified',
  Proposal: 'proposal',
  Negotiation: 'negotiation',
  Won: 'won',
  Lost: 'lost',
};
const PROBABILITY: Record<string, number> = {
  new: 10,
  qualified: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

interface Group {
  key: { stage: string; amount: string | null };
  count: number;
  sum: { amount: number | null };
}

const aggregate = async () =>
  (
    await studio.api.gql<{ dealsAggregate: Group[] }>(
      `{ dealsAggregate(groupBy: [{ field: stage }, { field: amount }]) { key count sum { amount } } }`,
    )
  ).data!.dealsAggregate;

const dealStage = async (name: string) =>
  (
    await studio.api.gql<{ deals: { edges: { node: { id: string; stage: string } }[] } }>(
      `query($name: String!) { deals(filter: { name: { eq: $name } }) { edges { node { id stage } } } }`,
      { name },
    )
  ).data!.deals.edges.map((e) => e.node);

/** Polls until the server has the deal at `expected` (the move's mutation is on its way when the drop ends). */
async function expectStage(name: string, expected: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await dealStage(name))[0]?.stage === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await dealStage(name))[0]?.stage).toBe(expected);
}

/** What the header must show: the sums per currency, largest first, compact, as the browser's Intl writes them. */
async function expectedSums(page: Page, groups: Group[], stageName: string, weighted: boolean): Promise<string> {
  const sums = groups
    .filter((g) => g.key.stage === stageName && g.sum.amount !== null)
    .map((g) => ({ currency: g.key.amount, sum: g.sum.amount! }))
    .sort((a, b) => b.sum - a.sum);
  const parts = await page.evaluate(
    ({ sums, factor }) =>
      sums.map(({ currency, sum }) =>
        new Intl.NumberFormat('en', {
          notation: 'compact',
          maximumFractionDigits: 1,
          ...(currency ? { style: 'currency', currency } : {}),
        }).format(sum * factor),
      ),
    { sums, factor: weighted ? PROBABILITY[stageName]! / 100 : 1 },
  );
  return parts.join(' · ');
}

/** Every column's and zone's count and sums on the screen equal the server's aggregate. */
async function expectHeadersMatchServer(page: Page): Promise<void> {
  const groups = await aggregate();
  for (const [label, name] of Object.entries(STAGE_NAMES)) {
    const count = groups.filter((g) => g.key.stage === name).reduce((n, g) => n + g.count, 0);
    await waitForCount(page, label, count);
    const region = stage(page, label);
    expect(await region.getByTestId('sum').textContent()).toBe(await expectedSums(page, groups, name, false));
    if (OPEN.includes(label)) {
      expect(await region.getByTestId('weighted').textContent()).toBe(await expectedSums(page, groups, name, true));
    }
  }
}

const cardTitles = async (page: Page, label: string): Promise<string[]> => {
  const items = await stage(page, label).getByRole('listitem').all();
  return Promise.all(items.map(async (item) => (await item.getAttribute('aria-label')) ?? ''));
};

describeWithBrowser('the kanban board of a pipeline', () => {
  test('columns with counts and sums, mouse and keyboard moves, won zone, a refused move, quick-create', async () => {
    const { api } = studio;
    // Enough deals in one stage for a second page (20 a page).
    const extra = Array.from({ length: 15 }, (_, i) => ({
      name: `Board extra ${i + 1}`,
      stage: 'negotiation',
      amount: { amount: 1000 + i, currency: 'USD' },
    }));
    const created = await api.gql(`mutation($data: [DealCreateInput!]!) { createDeals(data: $data) { id } }`, {
      data: extra,
    });
    expect(created.errors).toBeUndefined();

    const { page, errors } = await studio.newPage({ defaultTimeout: 10_000 });
    await signIn(page, api, page.getByRole('navigation').getByRole('link', { name: 'Deals', exact: true }));
    await openBoard(page, 'Deals', 'New');
    for (const label of OPEN) await stage(page, label).waitFor();
    await expectHeadersMatchServer(page);
    // Won and lost are zones, not columns: no cards in them.
    expect(await stage(page, 'Won').getByRole('listitem').count()).toBe(0);
    // 25 in negotiation: 20 shown, the rest after "Load more" (the next cursor page).
    const negotiation = stage(page, 'Negotiation');
    await negotiation.getByRole('listitem').nth(19).waitFor();
    expect(await negotiation.getByRole('listitem').count()).toBe(20);
    await negotiation.getByRole('button', { name: 'Load more' }).click();
    await negotiation.getByRole('listitem').nth(24).waitFor();
    expect(await negotiation.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '01-board', { fullPage: false });

    // A card shows its title as a link to the record, its amount and its company.
    const mouseDeal = (await cardTitles(page, 'New'))[0]!;
    const mouseId = (await dealStage(mouseDeal))[0]!.id;
    expect(await card(page, mouseDeal).getByRole('link', { name: mouseDeal }).getAttribute('href')).toBe(
      `/o/deal/${mouseId}`,
    );

    // Mouse: New → Qualified.
    const newCount = await countIn(page, 'New');
    const qualifiedCount = await countIn(page, 'Qualified');
    await dragWithMouse(page, card(page, mouseDeal), stage(page, 'Qualified'), () =>
      shot(page, '02-dragging', { fullPage: false, settle: false }),
    );
    await stage(page, 'Qualified').getByRole('listitem', { name: mouseDeal, exact: true }).waitFor();
    await expectStage(mouseDeal, 'qualified');
    await waitForCount(page, 'New', newCount - 1);
    await waitForCount(page, 'Qualified', qualifiedCount + 1);

    // Keyboard: New → Proposal (two columns to the right).
    const keyboardDeal = (await cardTitles(page, 'New'))[0]!;
    await dragWithKeyboard(page, card(page, keyboardDeal), ['ArrowRight', 'ArrowRight']);
    await stage(page, 'Proposal').getByRole('listitem', { name: keyboardDeal, exact: true }).waitFor();
    await expectStage(keyboardDeal, 'proposal');

    // Into the Won zone: the card leaves the board, the zone counts it.
    const wonCount = await countIn(page, 'Won');
    const wonDeal = (await cardTitles(page, 'Proposal'))[0]!;
    await dragWithMouse(page, card(page, wonDeal), stage(page, 'Won'));
    await expectStage(wonDeal, 'won');
    await waitForCount(page, 'Won', wonCount + 1);
    await card(page, wonDeal).waitFor({ state: 'detached' });

    // Refused: a lost deal needs a reason (the seed's validation rule). The card snaps back, the reason shows.
    const refusedDeal = (await cardTitles(page, 'Qualified'))[1]!;
    const lostCount = await countIn(page, 'Lost');
    await dragWithMouse(page, card(page, refusedDeal), stage(page, 'Lost'));
    const notice = page.getByRole('alert').filter({ hasText: 'The move was refused' });
    await notice.getByText('Say why the deal was lost').waitFor();
    await stage(page, 'Qualified').getByRole('listitem', { name: refusedDeal, exact: true }).waitFor();
    await shot(page, '03-refused-move', { fullPage: false });
    expect((await dealStage(refusedDeal))[0]!.stage).toBe('qualified');
    expect(await countIn(page, 'Lost')).toBe(lostCount);

    // The menu moves a card without dragging.
    await moveWithMenu(page, refusedDeal, 'Negotiation');
    await expectStage(refusedDeal, 'negotiation');
    await stage(page, 'Negotiation').getByRole('listitem', { name: refusedDeal, exact: true }).waitFor();

    // Quick-create in Qualified: the title is required (shown on the field), then created at that stage.
    // The notices of the moves above are dismissed first: they would cover the dialog in the screenshot.
    await dismissNotices(page);
    const dialog = await openQuickCreate(page, 'Qualified', 'Deal');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Required', { exact: true }).waitFor();
    await fillQuickCreate(dialog, { 'Deal name': 'Board quick deal', Amount: 12500 });
    await shot(page, '04-quick-create', { fullPage: false });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await stage(page, 'Qualified').getByRole('listitem', { name: 'Board quick deal', exact: true }).waitFor();
    const quick = await api.gql<{ deals: { edges: { node: { stage: string; amount: unknown } }[] } }>(
      `{ deals(filter: { name: { eq: "Board quick deal" } }) { edges { node { stage amount { amount currency } } } } }`,
    );
    expect(quick.data!.deals.edges.map((e) => e.node)).toEqual([
      { stage: 'qualified', amount: { amount: 12500, currency: 'USD' } },
    ]);

    // After all of it, the headers still equal the server's aggregate.
    await expectHeadersMatchServer(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a member who may update only their own deals: moving another's is refused with the reason, snaps back", async () => {
    const { api } = studio;
    const role = await api.gql(`mutation($input: JSON!) { saveRole(input: $input) { __typename } }`, {
      input: {
        name: 'ownDealsOnly',
        label: 'Own deals only',
        rules: [
          { action: 'read', subject: ['deal', 'company'] },
          {
            action: 'update',
            subject: 'deal',
            conditions: { owner: '$user.id' },
          },
        ],
      },
    });
    expect(role.errors).toBeUndefined();
    const member = { email: `${uniqueName('viewer')}@example.com`, password: 'correct horse battery staple' };
    const user = await api.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { ...member, name: 'Viewer', roles: ['ownDealsOnly'] },
    });
    expect(user.errors).toBeUndefined();

    const { page, errors } = await studio.newPage({ defaultTimeout: 10_000 });
    await signIn(
      page,
      { server: api.server, ...member },
      page.getByRole('navigation').getByRole('link', { name: 'Deals', exact: true }),
    );
    await openBoard(page, 'Deals', 'New');
    const deal = (await cardTitles(page, 'New'))[0]!;
    await dragWithKeyboard(page, card(page, deal), ['ArrowRight']);
    const notice = page.getByRole('alert').filter({ hasText: 'The move was refused' });
    await notice.waitFor();
    // The notice says what the server says to this member about this update.
    const login = (await (
      await fetch(`${api.server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(member),
      })
    ).json()) as { token: string };
    const refusal = await api.gql(
      `mutation($id: ID!) { updateDeal(id: $id, data: { stage: "qualified" }) { id } }`,
      { id: (await dealStage(deal))[0]!.id },
      login.token,
    );
    expect(refusal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await notice.getByText(refusal.errors![0]!.message).waitFor();
    await stage(page, 'New').getByRole('listitem', { name: deal, exact: true }).waitFor();
    expect((await dealStage(deal))[0]!.stage).toBe('new');
    await shot(page, '07-member-refused', { fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a member who may not update: no card moves, a read-only form, no cell editors or bulk edit, no Convert', async () => {
    const { api } = studio;
    // They may read, create and delete, but update nothing: everything that changes a record is not offered.
    const role = await api.gql(`mutation($input: JSON!) { saveRole(input: $input) { __typename } }`, {
      input: {
        name: 'readOnlyMember',
        label: 'Read-only member',
        rules: [
          { action: 'read', subject: ['deal', 'company', 'lead', 'contact'] },
          { action: 'create', subject: ['deal', 'company', 'contact'] },
          { action: 'delete', subject: 'deal' },
        ],
      },
    });
    expect(role.errors).toBeUndefined();
    const reader = { email: `${uniqueName('reader')}@example.com`, password: 'correct horse battery staple' };
    const user = await api.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { ...reader, name: 'Reader', roles: ['readOnlyMember'] },
    });
    expect(user.errors).toBeUndefined();
    const login = (await (
      await fetch(`${api.server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(reader),
      })
    ).json()) as { token: string };
    // What the studio reads: update is not allowed at all on deals and leads.
    const meta = await api.gql<{ objects: { name: string; permissions: Record<string, boolean> }[] }>(
      `{ objects { name permissions { create read update delete } } }`,
      {},
      login.token,
    );
    const permissions = Object.fromEntries(meta.data!.objects.map((o) => [o.name, o.permissions]));
    expect(permissions['deal']).toEqual({ create: true, read: true, update: false, delete: true });
    expect(permissions['lead']).toEqual({ create: false, read: true, update: false, delete: false });

    const { page, errors } = await studio.newPage({ defaultTimeout: 10_000 });
    await signIn(
      page,
      { server: api.server, ...reader },
      page.getByRole('navigation').getByRole('link', { name: 'Deals', exact: true }),
    );

    // The board: a card is no drag handle (no role description, not in the tab order) and has no move menu;
    // the keys that would pick it up do nothing.
    await openBoard(page, 'Deals', 'New');
    const deal = (await cardTitles(page, 'New'))[0]!;
    const dealId = (await dealStage(deal))[0]!.id;
    expect(
      await card(page, deal)
        .getByRole('button', { name: `Move ${deal}` })
        .count(),
    ).toBe(0);
    expect(await card(page, deal).getAttribute('aria-roledescription')).toBeNull();
    expect(await card(page, deal).getAttribute('tabindex')).toBeNull();
    await shot(page, '08-read-only-board', { fullPage: false });
    await card(page, deal).getByRole('link', { name: deal }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.waitForTimeout(500);
    await stage(page, 'New').getByRole('listitem', { name: deal, exact: true }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'The move was refused' }).count()).toBe(0);
    expect((await dealStage(deal))[0]!.stage).toBe('new');

    // The record: its values in a read-only form, no Save or Discard, and a line saying why.
    await card(page, deal).getByRole('link', { name: deal }).click();
    await page.waitForURL(`**/o/deal/${dealId}`);
    const form = recordForm(page);
    const name = form.getByRole('textbox', { name: 'Deal name', exact: true });
    await name.waitFor();
    expect(await name.inputValue()).toBe(deal);
    expect(await name.isEditable()).toBe(false);
    await form.getByText('Read only: you may see this record but not change it.').waitFor();
    expect(await form.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Discard changes' }).count()).toBe(0);
    await shot(page, '09-read-only-record');

    // The list: a double-click or Enter on a cell opens the record instead of editing it; the bulk bar offers
    // Delete, not Edit field.
    await openList(page, 'Deals');
    const first = listTable(page, 'Deals').locator('tbody tr[data-row]').first();
    const firstId = (await first.getAttribute('data-row'))!;
    await listCell(page, firstId, 'amount').dblclick();
    await page.waitForURL(`**/o/deal/${firstId}`);
    await page.goBack();
    await listTable(page, 'Deals').locator('tbody tr[data-row]').first().waitFor();
    await listCell(page, firstId, 'amount').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/o/deal/${firstId}`);
    await page.goBack();
    await listTable(page, 'Deals').locator('tbody tr[data-row]').first().waitFor();
    await listRow(page, firstId).getByRole('checkbox').check();
    const bar = page.getByRole('region', { name: 'Selected records' });
    await bar.getByRole('button', { name: 'Delete' }).waitFor();
    expect(await bar.getByRole('button', { name: 'Edit field' }).count()).toBe(0);
    await shot(page, '10-read-only-list', { fullPage: false });

    // A lead: they could create every record a conversion makes, but not mark the lead converted: no Convert.
    const lead = await api.gql<{ createLead: { id: string } }>(
      `mutation { createLead(data: { title: "Read-only lead", status: "new", companyName: "Nowhere Ltd" }) { id } }`,
    );
    const leadId = lead.data!.createLead.id;
    const preview = await api.gql<{ conversionPreview: { converted: boolean; targets: { canCreate: boolean }[] } }>(
      `query($id: ID!) { conversionPreview(object: "lead", id: $id) { converted targets { canCreate } } }`,
      { id: leadId },
      login.token,
    );
    expect(preview.data!.conversionPreview.converted).toBe(false);
    expect(preview.data!.conversionPreview.targets.every((t) => t.canCreate)).toBe(true);
    const conversionRead = page.waitForResponse((r) => (r.request().postData() ?? '').includes('ObjectConversion'));
    await openRecord(page, 'lead', leadId, { label: 'Title', value: 'Read-only lead' });
    await conversionRead;
    await page.waitForTimeout(300);
    expect(await page.getByRole('button', { name: 'Convert' }).count()).toBe(0);
    await recordForm(page).getByText('Read only: you may see this record but not change it.').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('at phone width, and in Russian in the dark theme', async () => {
    const { api } = studio;
    const phone = await studio.newPage({ viewport: { width: 390, height: 844 }, defaultTimeout: 10_000 });
    const burger = phone.page.getByRole('button', { name: 'Toggle navigation' });
    await signIn(phone.page, api, burger);
    await burger.click();
    await openBoard(phone.page, 'Deals', 'New');
    // One column fills the screen's width, and the board scrolls sideways to the next.
    const box = (await stage(phone.page, 'New').boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.width).toBeLessThanOrEqual(390);
    await shot(phone.page, '05-phone', { fullPage: false });
    await phone.context.close();

    const dark = await studio.newPage({ colorScheme: 'dark', defaultTimeout: 10_000 });
    await signIn(dark.page, api, dark.page.getByRole('navigation').getByRole('link', { name: 'Deals', exact: true }));
    await dark.page.getByTestId('language').selectOption('ru');
    await openBoard(dark.page, 'Сделки', 'Новая', 'Доска');
    await dark.page.getByRole('heading', { name: 'Сделки: доска' }).waitFor();
    await shot(dark.page, '06-dark-russian', { fullPage: false });
    expect(dark.errors).toEqual([]);
    await dark.context.close();
  });
});
