import { localized } from '../../components/localized';
import { isToMany, namedType, type WorkspaceField, type WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';

/**
 * Which fields the list shows, sorts and edits. The rules follow the server's: a field can be ordered by when
 * its value type is sortable (server/src/graphql/object-types.ts builds `<Type>OrderField` from
 * `FieldType.sortable` of the field's value type), which its GraphQL type tells exactly — the sortable types
 * answer single scalars, money (by amount), dates and ids, the others lists, addresses, JSON or records.
 */
const SORTABLE_GRAPHQL = new Set(['ID', 'String', 'Float', 'Int', 'Boolean', 'Date', 'DateTime', 'Currency']);

export function isSortable(field: WorkspaceField): boolean {
  if (!field.graphqlType || field.graphqlType.includes('[') || field.type === 'relation') return false;
  return SORTABLE_GRAPHQL.has(namedType(field.graphqlType));
}

/** How a cell is edited in place; undefined: it is not (computed, system, relations, structured values). */
export type Editor = 'text' | 'number' | 'currency' | 'select' | 'date' | 'boolean';

const EDITORS: Readonly<Record<string, Editor>> = {
  text: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  longText: 'text',
  number: 'number',
  percent: 'number',
  rating: 'number',
  currency: 'currency',
  select: 'select',
  date: 'date',
  boolean: 'boolean',
};

export function editorOf(field: WorkspaceField): Editor | undefined {
  return field.system ? undefined : EDITORS[field.type];
}

/** Fields a column can show: every readable one but to-many relations (a related list shows those). */
export function columnFields(object: WorkspaceObject): WorkspaceField[] {
  return object.fields.filter((f) => f.graphqlType !== null && !isToMany(f) && f.name !== 'id');
}

/** Shown until the user chooses: the object's own fields, long texts aside. */
export function defaultColumns(object: WorkspaceObject): string[] {
  return columnFields(object)
    .filter((f) => !f.system && f.type !== 'richText' && f.type !== 'longText' && f.type !== 'json')
    .map((f) => f.name);
}

export interface OptionLook {
  readonly label: string;
  readonly color: string | null;
}

/**
 * A select's options with their labels and colours in the language shown. A pipeline's stages label and
 * colour the options of its field (`deal.stage` options are plain names; its stages say how they look).
 */
export function optionLooks(
  object: WorkspaceObject,
  field: WorkspaceField,
  pipelines: readonly WorkspacePipeline[],
  language: string,
): Map<string, OptionLook> {
  const looks = new Map<string, OptionLook>();
  const options = (field.settings as { options?: unknown } | null)?.options;
  for (const option of Array.isArray(options) ? options : []) {
    if (typeof option === 'string') looks.set(option, { label: option, color: null });
    else {
      const o = option as { value: string; label?: unknown; color?: string };
      looks.set(o.value, { label: localized(o.label, language, o.value), color: o.color ?? null });
    }
  }
  const pipeline = pipelines.find((p) => p.object === object.name && p.field === field.name);
  for (const stage of pipeline?.stages ?? []) looks.set(stage.name, { label: stage.label, color: stage.color });
  return looks;
}
