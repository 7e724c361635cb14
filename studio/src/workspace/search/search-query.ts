import { fieldSelection, recordTitle, type WorkspaceObject } from '../record-api';

/**
 * Global search as one GraphQL request: every object that can be searched answers under an alias of its own
 * name (`company: companies(search: $search, first: 5) { … }`), so one round trip fills every group.
 *
 * Terminology: a *target* is an object global search asks; a *hit* is one record it answered.
 */

/** An object global search asks, and the field that names its hits (null: they show their id). */
export interface SearchTarget {
  readonly object: WorkspaceObject;
  readonly title: string | null;
}

export interface SearchHit {
  readonly id: string;
  readonly title: string;
}

export interface SearchGroup {
  readonly object: WorkspaceObject;
  /** How many records match in all (the group lists only the first few). */
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

/** How many hits each object shows. */
export const HITS_PER_OBJECT = 5;

/**
 * The objects worth asking: those with at least one searchable field the user may read. The server refuses a
 * search on an object without one (BAD_USER_INPUT "… has no searchable fields"), which would fail the whole
 * request, so such objects are left out here. `searchable` maps an object's name to its searchable fields
 * (`FieldMeta.searchable`); the model's fields are the readable ones (a readable field has a `graphqlType`).
 */
export function searchTargets(
  objects: readonly WorkspaceObject[],
  searchable: ReadonlyMap<string, ReadonlySet<string>>,
): SearchTarget[] {
  return objects.flatMap((object) => {
    const readable = new Set(object.fields.filter((f) => f.graphqlType !== null).map((f) => f.name));
    const fields = searchable.get(object.name);
    if (!fields || ![...fields].some((name) => readable.has(name))) return [];
    const title = object.titleField && readable.has(object.titleField) ? object.titleField : null;
    return [{ object, title }];
  });
}

/**
 * Whether the text has a word to search for. The server searches words of letters, marks and digits and
 * ignores a search without any (it would answer every record), so such text is not sent at all.
 */
export function hasSearchWords(text: string): boolean {
  return /[\p{L}\p{M}\p{N}]/u.test(text);
}

/**
 * The one query for all targets, with the text as the `$search` variable:
 * `query GlobalSearch($search: String!) { company: companies(search: $search, first: 5) { totalCount edges { node { id name } } } … }`.
 * Null when there is nothing to ask.
 */
export function globalSearchQuery(targets: readonly SearchTarget[], first = HITS_PER_OBJECT): string | null {
  if (targets.length === 0) return null;
  const lists = targets.map(({ object, title }) => {
    const field = title ? object.fields.find((f) => f.name === title) : undefined;
    const titleSelection = field ? fieldSelection(field, []) : undefined;
    const node = ['id', titleSelection].filter(Boolean).join(' ');
    return `  ${object.name}: ${object.api.many}(search: $search, first: ${first}) { totalCount edges { node { ${node} } } }`;
  });
  return `query GlobalSearch($search: String!) {\n${lists.join('\n')}\n}`;
}

interface ConnectionData {
  readonly totalCount: number;
  readonly edges: readonly { readonly node: Record<string, unknown> }[];
}

/** The answer of `globalSearchQuery`, as groups in the targets' order; objects without hits are left out. */
export function searchGroups(
  data: Record<string, unknown> | undefined,
  targets: readonly SearchTarget[],
): SearchGroup[] {
  if (!data) return [];
  return targets.flatMap(({ object }) => {
    const connection = data[object.name] as ConnectionData | null | undefined;
    if (!connection || connection.edges.length === 0) return [];
    const hits = connection.edges.map(({ node }) => ({ id: String(node.id), title: recordTitle(object, node) }));
    return [{ object, total: connection.totalCount, hits }];
  });
}
