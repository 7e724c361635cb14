import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useWorkspaceModel } from '../use-workspace-model';
import { globalSearchQuery, hasSearchWords, searchGroups, searchTargets } from './search-query';

/** Which fields of each object the server searches (`FieldMeta.searchable`). */
const SearchableFieldsDocument = graphql(`
  query SearchableFields {
    objects {
      name
      fields(includeSystem: true) {
        name
        searchable
      }
    }
  }
`);

/** Milliseconds of quiet typing before the text is sent: one request per pause, not per key. */
const DEBOUNCE_MS = 250;

/**
 * Global search for `text` while `active` (the spotlight is open): one request for every searchable object,
 * after the user pauses typing. `pending` is true from the first key until the answer for the latest text.
 */
export function useGlobalSearch(text: string, active: boolean) {
  const { model } = useWorkspaceModel();
  const [{ data: meta }] = useQuery({ query: SearchableFieldsDocument, pause: !active });
  const targets = useMemo(() => {
    if (!model || !meta) return [];
    const searchable = new Map(
      meta.objects.map((o) => [o.name, new Set(o.fields.filter((f) => f.searchable).map((f) => f.name))]),
    );
    return searchTargets(model.objects, searchable);
  }, [model, meta]);
  const query = useMemo(() => globalSearchQuery(targets), [targets]);
  const [debounced] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const asked = active && query !== null && hasSearchWords(debounced);
  const [{ data, fetching, error, operation }] = useQuery<Record<string, unknown>>({
    query: query ?? '{ __typename }',
    variables: { search: debounced },
    pause: !asked,
    requestPolicy: 'cache-and-network',
  });
  const current = asked && operation?.variables?.search === debounced;
  const groups = useMemo(() => (current ? searchGroups(data, targets) : []), [current, data, targets]);
  return {
    groups,
    /** The text the groups answer (empty while nothing was asked). */
    searched: current ? debounced : '',
    pending: (hasSearchWords(text) && text.trim() !== debounced) || (asked && (fetching || !current)),
    error: asked ? error : undefined,
  };
}
