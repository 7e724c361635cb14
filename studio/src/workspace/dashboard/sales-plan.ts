/**
 * Won deals per manager per month against the sales plan, worked out from plain data (no React, no requests).
 *
 * Terminology: a person's *manager* is the lead of a team they are a member of (not led by themselves); a team lead,
 * and someone in no team, is their own manager. Both sides roll up the same way: the won amounts of the records a
 * person owns, and the plan records naming a person (or, naming no one, owned by them), count for that person's
 * manager — so a plan may be set once per team lead, or per member and summed. Amounts of different currencies are
 * never added together.
 */

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly leadId: string | null;
  readonly memberIds: readonly string[];
}

/** Won amount of one owner, month and currency (an aggregate group). */
export interface WonGroup {
  readonly owner: string | null;
  /** Any day of the month (`2026-10-01`, as a month group's key reads). */
  readonly month: string;
  readonly currency: string | null;
  readonly amount: number;
}

/** One plan record. */
export interface Target {
  readonly manager: string | null;
  readonly owner: string | null;
  readonly month: string;
  readonly currency: string | null;
  readonly amount: number;
}

export interface PlanRow {
  /** The manager's user id ('' for records without an owner). */
  readonly manager: string;
  /** `YYYY-MM` */
  readonly month: string;
  readonly currency: string | null;
  readonly won: number;
  readonly plan: number;
}

/** Who a user's numbers roll up to. */
export function managerOf(teams: readonly Team[]): (user: string) => string {
  const leads = new Map<string, string>();
  for (const team of teams) {
    if (!team.leadId) continue;
    for (const member of team.memberIds) {
      if (member !== team.leadId && !leads.has(member)) leads.set(member, team.leadId);
    }
  }
  return (user) => leads.get(user) ?? user;
}

/**
 * Plan against won amount per manager, month and currency, sorted by manager, then month, then currency. `months`
 * (`YYYY-MM`) keeps only those months; without it, every month that has won records or a plan.
 */
export function planVsActual(
  won: readonly WonGroup[],
  targets: readonly Target[],
  teams: readonly Team[],
  months?: readonly string[],
): PlanRow[] {
  const manager = managerOf(teams);
  const keep = months ? new Set(months) : undefined;
  const rows = new Map<
    string,
    { manager: string; month: string; currency: string | null; won: number; plan: number }
  >();
  const add = (user: string | null, day: string, currency: string | null, side: 'won' | 'plan', amount: number) => {
    const month = day.slice(0, 7);
    if (keep && !keep.has(month)) return;
    const who = user ? manager(user) : '';
    const key = JSON.stringify([who, month, currency]);
    const row = rows.get(key) ?? { manager: who, month, currency, won: 0, plan: 0 };
    row[side] += amount;
    rows.set(key, row);
  };
  for (const g of won) add(g.owner, g.month, g.currency, 'won', g.amount);
  for (const t of targets) add(t.manager ?? t.owner, t.month, t.currency, 'plan', t.amount);
  const order = (a: PlanRow, b: PlanRow) =>
    a.manager.localeCompare(b.manager) ||
    a.month.localeCompare(b.month) ||
    (a.currency ?? '').localeCompare(b.currency ?? '');
  return [...rows.values()].sort(order);
}

/** One point of the chart: a month's won amount and plan, of one manager or of all shown. */
export interface MonthPoint {
  readonly month: string;
  readonly won: number;
  readonly plan: number;
}

/** The months of one currency (and one manager, when given), each summed; months in order. */
export function monthSeries(rows: readonly PlanRow[], currency: string | null, manager?: string): MonthPoint[] {
  const months = new Map<string, { month: string; won: number; plan: number }>();
  for (const row of rows) {
    if (row.currency !== currency || (manager !== undefined && row.manager !== manager)) continue;
    const point = months.get(row.month) ?? { month: row.month, won: 0, plan: 0 };
    point.won += row.won;
    point.plan += row.plan;
    months.set(row.month, point);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** The currencies of the rows, those with a plan first, then by won amount (largest first). */
export function currenciesOf(rows: readonly PlanRow[]): (string | null)[] {
  const totals = new Map<string | null, { plan: number; won: number }>();
  for (const row of rows) {
    const t = totals.get(row.currency) ?? { plan: 0, won: 0 };
    t.plan += row.plan;
    t.won += row.won;
    totals.set(row.currency, t);
  }
  return [...totals].sort(([, a], [, b]) => Number(b.plan > 0) - Number(a.plan > 0) || b.won - a.won).map(([c]) => c);
}

/**
 * The rows a person is shown. Plans are readable by the whole team, but won amounts only as far as the person's
 * read scope goes: a plan row of a manager whose people's records they cannot see would read as "nothing won". So,
 * unless they see everything (an admin choosing everyone), only their own manager's rows and those of managers
 * they see won records of are kept — and with "mine", their own manager's alone.
 */
export function visibleRows(
  rows: readonly PlanRow[],
  teams: readonly Team[],
  viewer: { readonly me: string | undefined; readonly seesAll: boolean; readonly mineOnly: boolean },
): PlanRow[] {
  const own = viewer.me ? managerOf(teams)(viewer.me) : undefined;
  if (viewer.mineOnly) return rows.filter((r) => r.manager === own);
  if (viewer.seesAll) return [...rows];
  const seen = new Set(rows.filter((r) => r.won > 0).map((r) => r.manager));
  return rows.filter((r) => r.manager === own || seen.has(r.manager));
}
