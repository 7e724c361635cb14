import type { Locator, Page } from 'playwright-core';
import { uniqueName } from '../support/database';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';

/**
 * The sales dashboard (/dashboard) on the sales CRM example: every card's figures (the table under its chart) are
 * the numbers the API's aggregates answer to the same person — all of them for an admin, only their own records for
 * a sales manager — and the dashboard is not offered to someone who may read no pipeline.
 */
const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('dashboard');

const OPEN = ['new', 'qualified', 'proposal', 'negotiation'];
const LABEL: Record<string, string> = {
  new: 'New',
  qualified: 'Qualified',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Won',
};

type Group = { key: Record<string, string | null>; count: number; sum: { amount: number | null } };

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(`${studio.api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function dealGroups(groupBy: string, filter?: Record<string, unknown>, token?: string): Promise<Group[]> {
  const answer = await studio.api.gql<{ dealsAggregate: Group[] }>(
    `query($f: DealFilter) { dealsAggregate(filter: $f, groupBy: [${groupBy}]) { key count sum { amount } } }`,
    { f: filter },
    token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.dealsAggregate;
}

/** The texts of a card's figures table, row by row. */
async function figures(page: Page, card: string, table = card): Promise<string[][]> {
  const region = page.getByRole('region', { name: card, exact: true });
  const rows = region.getByRole('table', { name: `Figures of “${table}”`, exact: true }).locator('tbody tr');
  await rows.first().waitFor();
  const all = await rows.all();
  return Promise.all(all.map(async (row) => (await row.locator('td').allTextContents()).map((text) => text.trim())));
}

/** What the funnel table must read, from the API's count per stage (see studio/src/workspace/dashboard/funnel.ts). */
function expectedFunnel(groups: Group[]): string[][] {
  const count = (stage: string) => groups.filter((g) => g.key.stage === stage).reduce((n, g) => n + g.count, 0);
  const steps = [...OPEN, 'won'];
  const reached = steps.map((_, i) => steps.slice(i).reduce((n, s) => n + count(s), 0));
  return steps.map((stage, i) => [
    LABEL[stage]!,
    String(reached[i]),
    String(count(stage)),
    i === 0 || reached[i - 1] === 0
      ? '—'
      : `${new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(reached[i]! / reached[i - 1]!)}`,
  ]);
}

const usd = (value: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);

async function openDashboard(page: Page): Promise<Locator> {
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }).click();
  const funnel = page.getByRole('region', { name: 'Funnel conversion', exact: true });
  await funnel.getByRole('table').waitFor();
  return funnel;
}

describeWithBrowser('the sales dashboard', () => {
  test('an admin: funnel, pipeline value, won against plan, time in stage, sources and life cycle as the API counts them', async () => {
    const { api } = studio;
    // Some stage history: two deals move on, one of them twice (time in stage counts finished stays).
    const deals = (
      await api.gql<{ deals: { edges: { node: { id: string } }[] } }>(
        `{ deals(first: 2, filter: { stage: { eq: "new" } }) { edges { node { id } } } }`,
      )
    ).data!.deals.edges.map((e) => e.node.id);
    for (const [id, stage] of [
      [deals[0], 'qualified'],
      [deals[0], 'proposal'],
      [deals[1], 'qualified'],
    ] as const) {
      const moved = await api.gql(
        `mutation($id: ID!, $s: String!) { updateDeal(id: $id, data: { stage: $s }) { id } }`,
        {
          id,
          s: stage,
        },
      );
      expect(moved.errors).toBeUndefined();
    }

    const { page, errors } = await studio.newPage({ defaultTimeout: 15_000 });
    await signIn(page, api, page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }));
    await openDashboard(page);

    // (a) The funnel of the deals created this year (the seed's: all of them).
    expect(await figures(page, 'Funnel conversion')).toEqual(expectedFunnel(await dealGroups('{ field: stage }')));

    // (b) Pipeline value: each open stage's sum in dollars (the largest currency, shown first), as the aggregate sums it.
    const values = await figures(page, 'Pipeline value by stage');
    const byCurrency = await dealGroups('{ field: stage }, { field: amount }', { stage: { in: OPEN } });
    const percent = { new: '10%', qualified: '25%', proposal: '50%', negotiation: '75%' } as Record<string, string>;
    const probability = { new: 0.1, qualified: 0.25, proposal: 0.5, negotiation: 0.75 } as Record<string, number>;
    expect(values).toEqual(
      OPEN.flatMap((stage) => {
        const g = byCurrency.find((x) => x.key.stage === stage && x.key.amount === 'USD');
        return g
          ? [
              [
                `${LABEL[stage]} (${percent[stage]})`,
                'USD',
                String(g.count),
                usd(g.sum.amount!),
                usd(g.sum.amount! * probability[stage]!),
              ],
            ]
          : [];
      }),
    );

    // (c) Won against plan, in dollars (the plan's currency): the won sum of each month against the seed's plan.
    const won = await dealGroups('{ field: closeDate, granularity: MONTH }, { field: amount }', {
      stage: { eq: 'won' },
      closeDate: { gte: '2026-01-01', lt: '2027-01-01' },
    });
    const plan = await figures(page, 'Won against the sales plan');
    const october = won.find((g) => g.key.closeDate === '2026-10-01' && g.key.amount === 'USD')!;
    // The seed's deals and plan are the admin's (in no team: their own manager), one row a month.
    const who = plan[0]![0]!;
    expect(plan.every((row) => row[0] === who)).toBe(true);
    const share = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
    expect(plan).toContainEqual([
      who,
      'Oct 2026',
      usd(october.sum.amount!),
      usd(60000),
      share.format(october.sum.amount! / 60000),
    ]);
    expect(plan.find((r) => r[1] === 'Dec 2026')).toEqual([who, 'Dec 2026', usd(0), usd(80000), '0%']);
    expect(plan).toHaveLength(12);

    // (e) Time in stage: New was left by both moved deals, Qualified by one.
    const durations = await figures(page, 'Average time in stage');
    expect(durations.map((r) => [r[0], r[1]])).toEqual([
      ['New', '2'],
      ['Qualified', '1'],
    ]);

    // (d) Leads by source and (f) the life cycle, as the leads aggregate counts them.
    const leads = (
      await api.gql<{ bySource: Group[]; byStatus: Group[] }>(
        `{ bySource: leadsAggregate(groupBy: [{ field: source }]) { key count } byStatus: leadsAggregate(groupBy: [{ field: status }]) { key count } }`,
      )
    ).data!;
    const count = (groups: Group[], field: string, value: string) =>
      String(groups.find((g) => g.key[field] === value)?.count ?? 0);
    const sources = await figures(page, 'Leads by source');
    expect(sources.map((r) => r[0])).toEqual(['Website', 'Referral', 'Cold call', 'Event', 'Advertisement', 'Partner']);
    expect(sources[0]![1]).toBe(count(leads.bySource, 'source', 'website'));
    const statuses = await figures(page, 'Leads life cycle');
    expect(statuses.map((r) => r[0])).toEqual(['New', 'Contacted', 'Qualified', 'Unqualified', 'Converted']);
    expect(statuses.map((r) => r[1])).toEqual(
      ['new', 'contacted', 'qualified', 'unqualified', 'converted'].map((s) => count(leads.byStatus, 'status', s)),
    );
    const total = leads.byStatus.reduce((n, g) => n + g.count, 0);
    const converted = Number(count(leads.byStatus, 'status', 'converted'));
    await page
      .getByTestId('converted')
      .getByText(
        `Converted: ${new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(converted / total)} (${converted} of ${total})`,
      )
      .waitFor();
    const perMonth = await figures(page, 'Leads life cycle', 'New Leads per month');
    expect(perMonth.reduce((n, r) => n + Number(r[1]), 0)).toBe(total);

    await shot(page, '01-admin', { fromTop: true, mouseAt: { x: 5, y: 5 } });

    // "Mine" and "All time" are in the URL and change the figures: the admin owns every seeded deal.
    await page.getByRole('group', { name: 'Dashboard filters' }).getByText('All time').click();
    await page.waitForURL(/period=all/);
    await page.getByRole('group', { name: 'Dashboard filters' }).getByText('Mine', { exact: true }).click();
    await page.waitForURL(/owner=me/);
    expect(await figures(page, 'Funnel conversion')).toEqual(expectedFunnel(await dealGroups('{ field: stage }')));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a sales manager sees their own deals' numbers; someone who may read no pipeline is not offered the dashboard", async () => {
    const { api } = studio;
    const password = 'correct horse battery staple';
    const manager = { email: `${uniqueName('manager')}@example.com`, password };
    const created = await api.gql<{ createUser: { id: string } }>(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { ...manager, name: 'Nino Manager', roles: ['manager'] } },
    );
    expect(created.errors).toBeUndefined();
    const managerId = created.data!.createUser.id;
    // Three deals are hers: two open ones and a won one.
    const pick = async (filter: Record<string, unknown>, first: number) =>
      (
        await api.gql<{ deals: { edges: { node: { id: string } }[] } }>(
          `query($f: DealFilter, $n: Int) { deals(filter: $f, first: $n) { edges { node { id } } } }`,
          { f: filter, n: first },
        )
      ).data!.deals.edges.map((e) => e.node.id);
    const hers = [...(await pick({ stage: { eq: 'proposal' } }, 2)), ...(await pick({ stage: { eq: 'won' } }, 1))];
    const moved = await api.gql(`mutation($d: [DealUpdateManyInput!]!) { updateDeals(data: $d) { id } }`, {
      d: hers.map((id) => ({ id, data: { owner: managerId } })),
    });
    expect(moved.errors).toBeUndefined();
    const token = await login(manager.email, password);

    const { page, errors } = await studio.newPage({ defaultTimeout: 15_000 });
    await signIn(
      page,
      { server: api.server, ...manager },
      page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }),
    );
    await openDashboard(page);
    const mine = await dealGroups('{ field: stage }', {}, token);
    expect(mine.reduce((n, g) => n + g.count, 0)).toBe(3);
    expect(await figures(page, 'Funnel conversion')).toEqual(expectedFunnel(mine));
    // Her won deal counts for her (she is in no team: her own manager), under her name.
    const plan = await figures(page, 'Won against the sales plan');
    expect(plan.every((row) => row[0] === 'Nino Manager')).toBe(true);
    await shot(page, '02-manager', { fromTop: true, mouseAt: { x: 5, y: 5 } });
    expect(errors).toEqual([]);
    await page.context().close();

    const nobody = { email: `${uniqueName('nobody')}@example.com`, password };
    await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { ...nobody, name: 'No roles', roles: [] },
    });
    const other = await studio.newPage({ defaultTimeout: 15_000 });
    await signIn(other.page, { server: api.server, ...nobody }, other.page.getByRole('link', { name: 'Home' }));
    expect(await other.page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    await other.page.goto(`${api.server.url}/dashboard`);
    await other.page.getByText('There is nothing to chart yet').waitFor();
    await other.context.close();
  });

  test('at phone width, and in the dark theme', async () => {
    const { api } = studio;
    const phone = await studio.newPage({ viewport: { width: 390, height: 844 }, defaultTimeout: 15_000 });
    const burger = phone.page.getByRole('button', { name: 'Toggle navigation' });
    await signIn(phone.page, api, burger);
    await burger.click();
    await openDashboard(phone.page);
    const box = (await phone.page.getByRole('region', { name: 'Funnel conversion' }).boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    await shot(phone.page, '03-phone', { fromTop: true });
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    const dark = await studio.newPage({ colorScheme: 'dark', defaultTimeout: 15_000 });
    await signIn(
      dark.page,
      api,
      dark.page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }),
    );
    await openDashboard(dark.page);
    await dark.page.getByRole('region', { name: 'Leads life cycle' }).getByRole('table').first().waitFor();
    await shot(dark.page, '04-dark', { fromTop: true, mouseAt: { x: 5, y: 5 } });
    expect(dark.errors).toEqual([]);
    await dark.context.close();
  });
});
