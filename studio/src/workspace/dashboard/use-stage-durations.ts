import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { PipelineSubject } from './dashboard-subjects';
import { ownerCondition, type OwnerScope, type Range } from './period';

const StageDurationsDocument = graphql(`
  query DashboardStageDurations($object: String!, $field: String!, $filter: JSON, $since: DateTime) {
    stageDurations(object: $object, field: $field, filter: $filter, since: $since) {
      stage
      records
      averageSeconds
    }
  }
`);

/** The average time in each stage of the subject's pipeline (`stageDurations`), for the dashboard's filters. */
export function useStageDurations(
  subject: PipelineSubject,
  filters: { readonly range: Range | null; readonly owner: OwnerScope; readonly me: string | undefined },
) {
  const { range, owner, me } = filters;
  const variables = useMemo(
    () => ({
      object: subject.object.name,
      field: subject.pipeline.field,
      filter: ownerCondition(owner, me) ?? null,
      since: range ? range.start.toISOString() : null,
    }),
    [subject, range, owner, me],
  );
  // The answer has no id to cache by: re-read it when any record of the object changes.
  const context = useMemo(() => ({ additionalTypenames: [subject.object.api.type] }), [subject]);
  const [{ data, fetching, error }] = useQuery({ query: StageDurationsDocument, variables, context });
  return { durations: data?.stageDurations, fetching, error };
}
