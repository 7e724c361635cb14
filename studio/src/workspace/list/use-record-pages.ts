import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type CombinedError } from 'urql';

export const PAGE_SIZE = 50;

export type RecordRow = Record<string, unknown> & { readonly id: string };

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: RecordRow }[];
}

export interface RecordPages {
  readonly rows: readonly RecordRow[];
  readonly totalCount: number | null;
  readonly hasNextPage: boolean;
  readonly loading: boolean;
  readonly error: CombinedError | undefined;
  /** Loads the next keyset page (`after: endCursor`), unless one is loading or there is none. */
  loadMore(): void;
  /** Starts again from the first page (after bulk changes). */
  reload(): void;
  /** Puts the server's copy of one record in place of the row. */
  replace(row: RecordRow): void;
}

/**
 * Absent variables sent as null: the server answers an internal error for a declared `$filter: DealFilter`
 * that the request leaves out (seen on `deals`), and null means the same as absent.
 */
const withNulls = (variables: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v ?? null]));

/**
 * The pages of a list, loaded as the user scrolls: `first: 50, after: endCursor`, always from the network so
 * the rows are the server's. New `variables` (sort, search, filter) start again from the first page.
 */
export function useRecordPages(query: string, many: string, variables: Record<string, unknown>): RecordPages {
  const client = useClient();
  const key = JSON.stringify([query, variables]);
  const [rows, setRows] = useState<readonly RecordRow[]>([]);
  const [totalCount, setTotalCount] = useState<number | null>(null);
  const [cursor, setCursor] = useState<{ hasNext: boolean; end: string | null }>({ hasNext: false, end: null });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const [generation, setGeneration] = useState(0);
  // Answers of an older list (the user typed on while a page was loading) are dropped.
  const current = useRef('');
  const busy = useRef(false);

  const load = useCallback(
    async (after: string | null, run: string) => {
      busy.current = true;
      setLoading(true);
      const result = await client
        .query(query, { ...withNulls(variables), first: PAGE_SIZE, after }, { requestPolicy: 'network-only' })
        .toPromise();
      if (current.current !== run) return;
      busy.current = false;
      setLoading(false);
      setError(result.error);
      const connection = (result.data as Record<string, Connection> | undefined)?.[many];
      if (!connection) return;
      const page = connection.edges.map((e) => e.node);
      setRows((before) => (after ? [...before, ...page] : page));
      setTotalCount(connection.totalCount);
      setCursor({ hasNext: connection.pageInfo.hasNextPage, end: connection.pageInfo.endCursor });
    },
    // `key` stands for query and variables: a new object with the same content is the same list.
    [client, key, many],
  );

  useEffect(() => {
    const run = `${key}#${generation}`;
    current.current = run;
    void load(null, run);
  }, [key, generation, load]);

  return {
    rows,
    totalCount,
    hasNextPage: cursor.hasNext,
    loading,
    error,
    loadMore: () => {
      if (busy.current || !cursor.hasNext) return;
      void load(cursor.end, current.current);
    },
    reload: () => setGeneration((g) => g + 1),
    replace: (row) => setRows((before) => before.map((r) => (r.id === row.id ? row : r))),
  };
}
