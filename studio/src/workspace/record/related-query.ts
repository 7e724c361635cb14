import { fieldSelection, isToMany, relationTarget, type WorkspaceField, type WorkspaceObject } from '../record-api';

/** A to-many relation of the record and the object it lists. */
export interface RelatedList {
  readonly field: WorkspaceField;
  readonly target: WorkspaceObject;
  /** The target's fields shown as columns beside its title. */
  readonly columns: readonly WorkspaceField[];
}

export const RELATED_PAGE = 5;
const EXTRA_COLUMNS = 2;

/** Fields worth a column in a compact table: the target's own scalar-ish fields, not its title or relations. */
function compactColumns(target: WorkspaceObject): WorkspaceField[] {
  return target.fields
    .filter(
      (f) =>
        !f.system &&
        f.graphqlType !== null &&
        f.name !== target.titleField &&
        f.type !== 'relation' &&
        !['longText', 'richText', 'json', 'address'].includes(f.type),
    )
    .slice(0, EXTRA_COLUMNS);
}

/** The record's to-many relations whose target the user may read, in field order. */
export function relatedListsOf(object: WorkspaceObject, objects: readonly WorkspaceObject[]): RelatedList[] {
  return object.fields.flatMap((field) => {
    const target = isToMany(field) ? objects.find((o) => o.name === relationTarget(field)) : undefined;
    return target ? [{ field, target, columns: compactColumns(target) }] : [];
  });
}

/** One query for every related list of a record: the first page of each, with its total count. */
export function relatedListsQuery(
  object: WorkspaceObject,
  lists: readonly RelatedList[],
  objects: readonly WorkspaceObject[],
): string {
  const parts = lists.map(({ field, target, columns }) => {
    const selection = ['id', target.titleField, ...columns.map((c) => fieldSelection(c, objects))]
      .filter(Boolean)
      .join(' ');
    return `${field.name}(first: ${RELATED_PAGE}, orderBy: [{ field: createdAt, direction: DESC }]) { totalCount edges { node { ${selection} } } }`;
  });
  return `query ${object.api.type}RelatedLists($id: ID!) { ${object.api.one}(id: $id) { id ${parts.join(' ')} } }`;
}
