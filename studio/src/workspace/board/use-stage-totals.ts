import { useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import { aggregateQuery, type WorkspaceField, type WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import { stageTotals, totalsGroupBy, type AggregateGroup } from './board-model';

/**
 * Count, sum and weighted sum of every stage, from ONE `<plural>Aggregate` query grouped by the stage field (and
 * by currency for money). Re-read from the server whenever `refresh` changes (after each move or create).
 */
export function useStageTotals(
  object: WorkspaceObject,
  pipeline: WorkspacePipeline,
  amount: WorkspaceField | undefined,
  refresh: number,
) {
  const query = useMemo(() => aggregateQuery(object, amount ? [amount] : []), [object, amount]);
  const variables = useMemo(() => ({ groupBy: totalsGroupBy(pipeline, amount) }), [pipeline, amount]);
  // The groups' own typename is not the object's: without this a create would not re-read them.
  const context = useMemo(() => ({ additionalTypenames: [object.api.type] }), [object]);
  const [{ data, error }, reexecute] = useQuery<Record<string, AggregateGroup[]>>({ query, variables, context });
  useEffect(() => {
    if (refresh > 0) reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);
  const groups = data?.[object.api.aggregate];
  const totals = useMemo(() => stageTotals(groups ?? [], pipeline, amount), [groups, pipeline, amount]);
  return { totals, loaded: groups !== undefined, error };
}
