import { useMemo } from 'react';
import { useQuery } from 'urql';
import { aggregateQuery, type WorkspaceField, type WorkspaceObject } from '../record-api';

/** A group of `<plural>Aggregate`: its key per grouped field, count, and the sums asked for. */
export interface AggregateGroup {
  readonly key: Readonly<Record<string, unknown>>;
  readonly count: number;
  readonly sum?: Readonly<Record<string, number | null>>;
}

/**
 * ONE `<plural>Aggregate` query of a card: `filter` (API syntax) and `groupBy` as the API takes them, the sums of
 * `numbers` (money by amount; group by the money field too for one currency per group). `groups` is undefined until
 * the answer is in.
 */
export function useAggregate(
  object: WorkspaceObject,
  options: {
    readonly numbers?: readonly WorkspaceField[];
    readonly filter: Record<string, unknown> | undefined;
    readonly groupBy: readonly { readonly field: string; readonly granularity?: string }[];
    readonly pause?: boolean;
  },
) {
  const { numbers, filter, groupBy, pause } = options;
  const query = useMemo(() => aggregateQuery(object, numbers ?? []), [object, numbers]);
  const variables = useMemo(() => ({ filter, groupBy }), [filter, groupBy]);
  // The groups' own typename is not the object's: without this a change to the records would not re-read them.
  const context = useMemo(() => ({ additionalTypenames: [object.api.type] }), [object]);
  const [{ data, fetching, error }] = useQuery<Record<string, AggregateGroup[]>>({
    query,
    variables,
    context,
    pause: pause ?? false,
  });
  return { groups: data?.[object.api.aggregate], fetching, error };
}
