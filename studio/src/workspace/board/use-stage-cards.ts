import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { listQuery, type WorkspaceObject } from '../record-api';

export const PAGE_SIZE = 20;

export type CardRecord = Readonly<Record<string, unknown>> & { readonly id: string };

interface Connection {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly node: CardRecord }[];
}

interface StageCards {
  readonly records: readonly CardRecord[];
  readonly total: number;
  readonly endCursor: string | null;
  readonly hasMore: boolean;
}

/**
 * The records of one stage, newest change first, a page of 20 at a time ("Load more" follows the cursor). When
 * `refresh` changes the pages loaded so far are read again from the server, so the column shows what the server
 * has after a move, refused or not.
 */
export function useStageCards(
  object: WorkspaceObject,
  field: string,
  stage: string,
  selection: string,
  refresh: number,
) {
  const client = useClient();
  const query = useMemo(() => listQuery(object, selection), [object, selection]);
  const [cards, setCards] = useState<StageCards | null>(null);
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const loaded = useRef(PAGE_SIZE);

  const read = useCallback(
    async (first: number, after: string | null) => {
      setFetching(true);
      const result = await client
        .query<Record<string, Connection>>(
          query,
          {
            first,
            after,
            filter: { [field]: { eq: stage } },
            orderBy: [{ field: 'updatedAt', direction: 'DESC' }],
          },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      setFetching(false);
      setError(result.error);
      return result.data?.[object.api.many];
    },
    [client, query, field, stage, object],
  );

  useEffect(() => {
    let current = true;
    void read(loaded.current, null).then((page) => {
      if (current && page) setCards(fromPage(page));
    });
    return () => {
      current = false;
    };
  }, [read, refresh]);

  const loadMore = useCallback(async () => {
    if (!cards?.hasMore) return;
    const page = await read(PAGE_SIZE, cards.endCursor);
    if (!page) return;
    const next = fromPage(page);
    loaded.current = cards.records.length + next.records.length;
    setCards({ ...next, records: [...cards.records, ...next.records] });
  }, [cards, read]);

  return { cards, fetching, error, loadMore };
}

function fromPage(page: Connection): StageCards {
  return {
    records: page.edges.map((e) => e.node),
    total: page.totalCount,
    endCursor: page.pageInfo.endCursor,
    hasMore: page.pageInfo.hasNextPage,
  };
}
