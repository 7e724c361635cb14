import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { listQuery, recordSelection, type WorkspaceObject } from '../record-api';
import type { PipelineSubject, PlanSubject } from './dashboard-subjects';
import { NOTHING, type DashboardFilters } from './filters';
import { dayOf, monthsOf, recordsFilter } from './period';
import { planVsActual, visibleRows, type PlanRow, type Target, type Team, type WonGroup } from './sales-plan';
import { useAggregate } from './use-aggregate';

const TeamsDocument = graphql(`
  query DashboardTeams {
    teams {
      id
      name
      leadId
      memberIds
    }
  }
`);

/** Plan records read at most (a year of monthly plans for a large sales floor). */
const MAX_TARGETS = 500;

type Person = { id: string; name?: string | null; email?: string | null };
type Connection = { edges: { node: Record<string, unknown> }[] };

const person = (value: unknown): Person | null =>
  value && typeof value === 'object' && typeof (value as Person).id === 'string' ? (value as Person) : null;

/**
 * The data of "won against the sales plan": won amounts per owner, month and currency (one aggregate), the plan
 * records of the period (one list), the teams (who manages whom), then the rows of `planVsActual`. `names` holds the
 * people the answers name (plan managers and owners); `useManagerNames` finds the others.
 */
export function useSalesPlan(
  subject: PipelineSubject,
  plan: PlanSubject | null,
  objects: readonly WorkspaceObject[],
  filters: DashboardFilters,
) {
  const { object, pipeline, amount, closeDate, won: wonStages } = subject;
  const { range, owner, me, seesAll } = filters;
  const wonFilter = useMemo(
    () =>
      recordsFilter({
        range,
        dateField: closeDate,
        owner,
        me,
        extra: [{ [pipeline.field]: { in: wonStages.map((s) => s.name) } }],
      }),
    [range, closeDate, owner, me, pipeline, wonStages],
  );
  const groupBy = useMemo(
    () => [{ field: 'owner' }, { field: closeDate?.name ?? 'createdAt', granularity: 'MONTH' }, { field: amount.name }],
    [closeDate, amount],
  );
  const numbers = useMemo(() => [amount], [amount]);
  const won = useAggregate(object, { numbers, filter: wonFilter, groupBy, pause: !closeDate });
  const [teams] = useQuery({ query: TeamsDocument });
  const targetsQuery = useMemo(
    () =>
      plan
        ? listQuery(
            plan.object,
            recordSelection(plan.object, objects, [plan.manager.name, 'owner', plan.month.name, plan.amount.name]),
          )
        : NOTHING,
    [plan, objects],
  );
  const targetsVariables = useMemo(
    () => ({
      first: MAX_TARGETS,
      filter: plan && range ? { [plan.month.name]: { gte: dayOf(range.start), lt: dayOf(range.end) } } : undefined,
    }),
    [plan, range],
  );
  const [targets] = useQuery<Record<string, Connection>>({
    query: targetsQuery,
    variables: targetsVariables,
    pause: !plan,
  });
  return useMemo(() => {
    const targetNodes = plan ? targets.data?.[plan.object.api.many]?.edges.map((e) => e.node) : [];
    const loaded = won.groups !== undefined && teams.data !== undefined && targetNodes !== undefined;
    const names = new Map<string, Person>();
    const targetRows: Target[] = (targetNodes ?? []).flatMap((node) => {
      const manager = person(node[plan!.manager.name]);
      const ownerOf = person(node.owner);
      for (const p of [manager, ownerOf]) if (p) names.set(p.id, p);
      const money = node[plan!.amount.name] as { amount?: number; currency?: string | null } | null;
      const month = node[plan!.month.name];
      if (!money || typeof money.amount !== 'number' || typeof month !== 'string') return [];
      return [
        {
          manager: manager?.id ?? null,
          owner: ownerOf?.id ?? null,
          month,
          currency: money.currency ?? null,
          amount: money.amount,
        },
      ];
    });
    const wonRows: WonGroup[] = (won.groups ?? []).flatMap((g) => {
      const month = g.key[closeDate?.name ?? ''];
      const sum = g.sum?.[amount.name];
      if (typeof month !== 'string' || typeof sum !== 'number') return [];
      const code = g.key[amount.name];
      return [
        {
          owner: (g.key.owner as string | null) ?? null,
          month,
          currency: typeof code === 'string' ? code : null,
          amount: sum,
        },
      ];
    });
    const teamList: Team[] = teams.data?.teams ?? [];
    // With a period, its months only (a plan of a month without wins still shows); all time: what there is.
    const all: PlanRow[] = loaded
      ? planVsActual(wonRows, targetRows, teamList, range ? monthsOf(range) : undefined)
      : [];
    const rows = visibleRows(all, teamList, { me, seesAll, mineOnly: owner === 'me' });
    return { rows, teams: teamList, names, loaded, error: won.error ?? teams.error ?? targets.error };
  }, [
    won.groups,
    won.error,
    teams.data,
    teams.error,
    targets.data,
    targets.error,
    plan,
    closeDate,
    amount,
    range,
    me,
    seesAll,
    owner,
  ]);
}
