import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useColumnPrefs } from './column-prefs';
import type { Sort } from './RecordTable';
import { useSavedViews, type SavedView, type ViewState } from './use-saved-views';

type Condition = Record<string, unknown> | undefined;

/** A view's content in the list's terms; columns the object no longer shows (or the user may not read) drop out. */
function stateOf(view: SavedView, known: readonly string[]): ViewState {
  const sort = view.sort.find((s) => known.includes(s.field));
  return {
    filter: view.filter && typeof view.filter === 'object' ? (view.filter as Record<string, unknown>) : undefined,
    sort: sort ? { field: sort.field, direction: sort.direction } : null,
    search: view.search ?? '',
    columns: view.columns.filter((c) => known.includes(c)),
  };
}

/** JSON with object keys sorted: a filter read back from the server (jsonb) may list its keys in another order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sameJson = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/**
 * The list's state — filter, sort, search, columns — and the saved view it came from. The URL carries the
 * view (`?view=<id>`), so a link opens the list as the view shows it; picking a view applies it, picking
 * "All records" clears it. Without a view, columns are the ones chosen on this device (column-prefs.ts); a
 * view brings its own columns (when it has any) without changing that choice.
 */
export function useListView(object: string, known: readonly string[], defaults: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const viewId = params.get('view');
  const saved = useSavedViews(object);
  const [prefs, setPrefs, resetPrefs] = useColumnPrefs(object, defaults);
  const [condition, setCondition] = useState<Condition>();
  const [sort, setSort] = useState<Sort | null>(null);
  const [search, setSearch] = useState('');
  const [viewColumns, setViewColumns] = useState<readonly string[] | null>(null);
  // Which view's content the state holds: applied once per id, when the views have loaded.
  const [applied, setApplied] = useState<string | null>(null);
  // A view just saved from the state shown: when the URL reaches it, the state already is its content.
  const [adopt, setAdopt] = useState<string | null>(null);

  const active = viewId ? (saved.views.find((v) => v.id === viewId) ?? null) : null;
  if (viewId !== applied && viewId !== null && viewId === adopt) {
    setApplied(viewId);
    setAdopt(null);
  } else if (saved.loaded && viewId !== applied) {
    setApplied(viewId);
    const state = active ? stateOf(active, known) : null;
    setCondition(state?.filter);
    setSort(state?.sort ?? null);
    setSearch(state?.search ?? '');
    setViewColumns(state && state.columns.length ? state.columns : null);
  }

  const visible = viewColumns ?? prefs;
  const current: ViewState = { filter: condition, sort, search: search.trim(), columns: visible };
  const base = active ? stateOf(active, known) : null;
  const modified =
    base !== null &&
    (!sameJson(condition, base.filter) ||
      !sameJson(sort, base.sort) ||
      current.search !== base.search ||
      !sameJson(viewColumns ?? [], base.columns));

  const choose = (id: string | null) => {
    // Choosing the view that is already shown discards its unsaved changes.
    if (id === viewId) setApplied(null);
    setParams(
      (before) => {
        const next = new URLSearchParams(before);
        if (id) next.set('view', id);
        else next.delete('view');
        return next;
      },
      { replace: false },
    );
  };

  return {
    saved,
    active,
    /** The URL names a view that is not (or no longer) there. */
    missing: saved.loaded && !saved.fetching && viewId !== null && active === null,
    modified,
    current,
    condition,
    setCondition,
    sort,
    setSort,
    search,
    setSearch,
    visible,
    setVisible: (next: string[]) => (active ? setViewColumns(next) : setPrefs(next)),
    resetColumns: () => (active ? setViewColumns(null) : resetPrefs()),
    choose,
    /** After a save: the saved view is the one shown, with the state it now holds. */
    showSaved: (view: SavedView) => {
      if (view.id === viewId) return;
      setAdopt(view.id);
      setViewColumns(view.columns.length ? view.columns : null);
      choose(view.id);
    },
  };
}
