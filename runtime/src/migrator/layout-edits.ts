/**
 * Keeping a form layout consistent with its object's fields when a field is renamed or removed
 * (model-edits.ts). Works on manifest JSON and returns new values; the input is not mutated.
 */

import { conditionFieldNames } from '../validation/condition-fields';

type Json = Record<string, unknown>;

/** A layout as manifest JSON: `{ sections: [{ name, columns, fields, visibleWhen? … }] }`. */
export interface EditableLayout {
  readonly sections: readonly (Json & { fields: readonly string[]; visibleWhen?: unknown })[];
}

/** The layout with field `from` called `to`: in its section, and in the conditions that read it. */
export function renameInLayout(layout: EditableLayout, from: string, to: string): EditableLayout {
  return {
    ...layout,
    sections: layout.sections.map((section) => ({
      ...section,
      fields: section.fields.map((f) => (f === from ? to : f)),
      ...(section.visibleWhen !== undefined ? { visibleWhen: renameInCondition(section.visibleWhen, from, to) } : {}),
    })),
  };
}

/** The layout without field `name`; a section whose visibility reads it loses that condition. */
export function dropFromLayout(layout: EditableLayout, name: string): EditableLayout {
  return {
    ...layout,
    sections: layout.sections.map((section) => {
      const { visibleWhen, ...rest } = section;
      const keep = visibleWhen !== undefined && !conditionFieldNames(visibleWhen).includes(name);
      return { ...rest, fields: section.fields.filter((f) => f !== name), ...(keep ? { visibleWhen } : {}) };
    }),
  };
}

const isPlainObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Renames a field key of a condition (mongo spelling) at its top level, through `$and`, `$or` and `$not`. */
function renameInCondition(condition: unknown, from: string, to: string): unknown {
  if (!isPlainObject(condition)) return condition;
  return Object.fromEntries(
    Object.entries(condition).map(([key, value]) => {
      if (key === '$and' || key === '$or')
        return [key, Array.isArray(value) ? value.map((item) => renameInCondition(item, from, to)) : value];
      if (key === '$not') return [key, renameInCondition(value, from, to)];
      return [key === from ? to : key, value];
    }),
  );
}
