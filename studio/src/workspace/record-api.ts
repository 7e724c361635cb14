/**
 * The generated record API, seen from the workspace screens. Objects are metadata, so their queries cannot be
 * written (or code-generated) ahead of time: they are built here from what the server says about each object —
 * its names in the API (`ObjectMeta.api`) and each field's GraphQL type (`FieldMeta.graphqlType`) — so the
 * studio never guesses a name or a shape. Values are always GraphQL variables, never spliced into the text.
 */

/** An object's names in the generated API (server/src/graphql/names.ts). */
export interface ApiNames {
  readonly type: string;
  readonly filter: string;
  readonly orderBy: string;
  readonly createInput: string;
  readonly updateInput: string;
  readonly updateManyInput: string;
  readonly groupBy: string;
  readonly one: string;
  readonly many: string;
  readonly aggregate: string;
  readonly create: string;
  readonly createMany: string;
  readonly update: string;
  readonly updateMany: string;
  readonly delete: string;
  readonly deleteMany: string;
  readonly restore: string;
}

export interface WorkspaceField {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly required: boolean;
  /** The value a new record takes when none is given (absent or null: none). */
  readonly default?: unknown;
  readonly system: boolean;
  readonly settings: unknown;
  readonly jsonSchema: unknown;
  /** `Currency`, `String!`, `Company`, `NoteConnection!`; null when the caller may not read the field. */
  readonly graphqlType: string | null;
}

export interface WorkspaceObject {
  readonly name: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly pluralName: string;
  readonly titleField: string | null;
  readonly api: ApiNames;
  readonly fields: readonly WorkspaceField[];
  /** What the user may do with its records at all; absent: not asked (screens then offer everything). */
  readonly permissions?: { readonly create: boolean; readonly update: boolean; readonly delete: boolean };
}

const SCALARS = new Set(['ID', 'String', 'Float', 'Int', 'Boolean', 'Date', 'DateTime', 'JSON']);
/** Object-typed values that are not records: selected whole. */
const VALUE_TYPES: Record<string, string> = {
  Currency: '{ amount currency }',
  Address: '{ street city region postalCode country }',
};

/** `[String!]!` → `String`. */
export const namedType = (graphqlType: string): string => graphqlType.replace(/[[\]!]/g, '');

export const isToMany = (field: WorkspaceField): boolean =>
  field.graphqlType !== null && namedType(field.graphqlType).endsWith('Connection');

/** The object a relation field points at (`settings.target`), or `user`. */
export function relationTarget(field: WorkspaceField): string | undefined {
  const target = (field.settings as { target?: unknown } | null)?.target;
  if (typeof target === 'string') return target;
  return namedType(field.graphqlType ?? '') === 'User' ? 'user' : undefined;
}

/** What identifies a related record on screen: the target's title field (users: name and email). */
function relatedSelection(field: WorkspaceField, objects: readonly WorkspaceObject[]): string {
  const target = relationTarget(field);
  if (target === 'user') return '{ id name email }';
  const title = objects.find((o) => o.name === target)?.titleField;
  return title ? `{ id ${title} }` : '{ id }';
}

/**
 * The selection of one field's value: scalars by name, money and addresses whole, a to-one relation as the
 * related record's id and title. To-many relations are connections with arguments: `toMany` selects their
 * count (a related list queries them itself).
 */
export function fieldSelection(
  field: WorkspaceField,
  objects: readonly WorkspaceObject[],
  options: { toMany?: 'count' | 'skip' } = {},
): string | undefined {
  if (!field.graphqlType) return undefined;
  const type = namedType(field.graphqlType);
  if (SCALARS.has(type)) return field.name;
  if (VALUE_TYPES[type]) return `${field.name} ${VALUE_TYPES[type]}`;
  if (type.endsWith('Connection')) return options.toMany === 'count' ? `${field.name} { totalCount }` : undefined;
  return `${field.name} ${relatedSelection(field, objects)}`;
}

/** The selection of a record: `id` and the given fields (all readable ones when not given). */
export function recordSelection(
  object: WorkspaceObject,
  objects: readonly WorkspaceObject[],
  fieldNames?: readonly string[],
  options: { toMany?: 'count' | 'skip' } = {},
): string {
  const wanted = fieldNames ? new Set(fieldNames) : undefined;
  const parts = object.fields
    .filter((f) => f.name !== 'id' && (!wanted || wanted.has(f.name)))
    .map((f) => fieldSelection(f, objects, options))
    .filter((s): s is string => s !== undefined);
  return ['id', ...parts].join(' ');
}

/** One page of records: `(first, after, filter, orderBy, search)` → connection with `totalCount` and cursors. */
export function listQuery(object: WorkspaceObject, selection: string): string {
  const a = object.api;
  return `query ${a.type}List($first: Int, $after: String, $filter: ${a.filter}, $orderBy: [${a.orderBy}!], $search: String) {
  ${a.many}(first: $first, after: $after, filter: $filter, orderBy: $orderBy, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${selection} } }
  }
}`;
}

export function recordQuery(object: WorkspaceObject, selection: string): string {
  return `query ${object.api.type}Record($id: ID!) { ${object.api.one}(id: $id) { ${selection} } }`;
}

export function createMutation(object: WorkspaceObject, selection: string): string {
  const a = object.api;
  return `mutation Create${a.type}($data: ${a.createInput}!) { ${a.create}(data: $data) { ${selection} } }`;
}

export function updateMutation(object: WorkspaceObject, selection: string): string {
  const a = object.api;
  return `mutation Update${a.type}($id: ID!, $data: ${a.updateInput}!) { ${a.update}(id: $id, data: $data) { ${selection} } }`;
}

/** Many records at once, each `{ id, ...changes }`, in one transaction. */
export function updateManyMutation(object: WorkspaceObject): string {
  const a = object.api;
  return `mutation UpdateMany${a.type}($data: [${a.updateManyInput}!]!) { ${a.updateMany}(data: $data) { id } }`;
}

/** Soft-deletes many records in one transaction: all of them, or none when any may not be deleted. */
export function deleteManyMutation(object: WorkspaceObject): string {
  const a = object.api;
  return `mutation DeleteMany${a.type}($ids: [ID!]!) { ${a.deleteMany}(ids: $ids) { id } }`;
}

/**
 * Counts and sums per group (`<plural>Aggregate`): `numbers` are the numeric fields (money by its amount) whose
 * sum and average are wanted.
 */
export function aggregateQuery(object: WorkspaceObject, numbers: readonly WorkspaceField[]): string {
  const a = object.api;
  const selection = numbers.map((f) => f.name).join(' ');
  const stats = selection ? ` sum { ${selection} } avg { ${selection} }` : '';
  return `query ${a.type}Aggregate($filter: ${a.filter}, $groupBy: [${a.groupBy}!], $search: String) {
  ${a.aggregate}(filter: $filter, groupBy: $groupBy, search: $search) { key count${stats} }
}`;
}

/** The text that names a record: its title field, else its id. */
export function recordTitle(object: WorkspaceObject, record: Record<string, unknown>): string {
  const title = object.titleField ? record[object.titleField] : undefined;
  return typeof title === 'string' && title !== '' ? title : String(record.id ?? '');
}
