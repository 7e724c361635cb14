import { useMemo } from 'react';
import type { AnyVariables, Client, DocumentInput } from 'urql';

/**
 * A promise of the record's first answer, for the record page's other reads to wait for: the server answers
 * the record alone (the form waits for nothing else), and reads the rest while the browser renders the form.
 * It resolves in the microtask after urql delivers the answer, so before React renders it.
 *
 * The query is the page's own `useQuery` (same document, variables and cache-first policy): urql joins the two
 * into one request, or answers both from its cache.
 */
export function useRecordAnswered<Variables extends AnyVariables>(
  client: Client,
  query: DocumentInput<unknown, Variables>,
  variables: Variables,
): Promise<void> {
  // A new record (another id on the same page) is a new promise; re-renders of the same one keep it.
  return useMemo(
    () =>
      client
        .query(query, variables)
        .toPromise()
        .then(() => undefined),
    [client, query, variables],
  );
}
