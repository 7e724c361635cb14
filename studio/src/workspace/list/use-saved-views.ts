import { useMemo } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { SavedViewFieldsFragment } from '../../gql/graphql';
import { problemsOf, type Problem } from '../../graphql/problems';

graphql(`
  fragment SavedViewFields on View {
    id
    object
    name
    filter
    sort {
      field
      direction
    }
    search
    columns
    shared
    editable
  }
`);

const ViewsDocument = graphql(`
  query ListViews($object: String!) {
    views(object: $object) {
      ...SavedViewFields
    }
    canShareViews(object: $object)
  }
`);

const SaveViewDocument = graphql(`
  mutation SaveListView($input: ViewInput!) {
    saveView(input: $input) {
      ...SavedViewFields
    }
  }
`);

const DeleteViewDocument = graphql(`
  mutation DeleteListView($id: ID!) {
    deleteView(id: $id)
  }
`);

export type SavedView = SavedViewFieldsFragment;

/** What a view holds: the list's state (the filter in the condition builder's mongo spelling). */
export interface ViewState {
  readonly filter: Record<string, unknown> | undefined;
  readonly sort: { readonly field: string; readonly direction: 'ASC' | 'DESC' } | null;
  readonly search: string;
  readonly columns: readonly string[];
}

export type ViewOutcome =
  { readonly ok: true; readonly view: SavedView } | { readonly ok: false; readonly problems: readonly Problem[] };

// An empty list carries no typename, so the document cache is told which type it waits for.
const VIEW_TYPES = { additionalTypenames: ['View'] };

/**
 * The saved views of one object's list (`views(object)`, runtime/src/views): the caller's own and the
 * shared ones, whether they may share, and saving (new or changed) and deleting, each answering the
 * server's problems when it refuses.
 */
export function useSavedViews(object: string) {
  const [{ data, fetching, error }] = useQuery({ query: ViewsDocument, variables: { object }, context: VIEW_TYPES });
  const [, save] = useMutation(SaveViewDocument);
  const [, remove] = useMutation(DeleteViewDocument);
  const views = useMemo(() => data?.views ?? [], [data]);

  const saveView = async (
    state: ViewState,
    meta: { id?: string; name: string; shared: boolean },
  ): Promise<ViewOutcome> => {
    const result = await save(
      {
        input: {
          ...(meta.id ? { id: meta.id } : {}),
          object,
          name: meta.name,
          shared: meta.shared,
          filter: state.filter ?? null,
          sort: state.sort ? [state.sort] : [],
          search: state.search || null,
          columns: [...state.columns],
        },
      },
      VIEW_TYPES,
    );
    if (result.error || !result.data) return { ok: false, problems: result.error ? problemsOf(result.error) : [] };
    return { ok: true, view: result.data.saveView };
  };

  /** A new name (and sharing) for a view, keeping what it holds as stored, whatever the list shows now. */
  const renameView = async (view: SavedView, name: string, shared: boolean): Promise<ViewOutcome> => {
    const { id, filter, search, columns } = view;
    const sort = view.sort.map((s) => ({ field: s.field, direction: s.direction }));
    const result = await save({ input: { id, object, name, shared, filter, sort, search, columns } }, VIEW_TYPES);
    if (result.error || !result.data) return { ok: false, problems: result.error ? problemsOf(result.error) : [] };
    return { ok: true, view: result.data.saveView };
  };

  const deleteView = async (id: string): Promise<readonly Problem[] | null> => {
    const result = await remove({ id }, VIEW_TYPES);
    return result.error ? problemsOf(result.error) : null;
  };

  return {
    views,
    canShare: data?.canShareViews ?? false,
    loaded: data !== undefined,
    fetching,
    error,
    saveView,
    renameView,
    deleteView,
  };
}
