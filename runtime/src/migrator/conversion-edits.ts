/**
 * Keeping objects' conversions consistent with the model when a field or an object is renamed or a field is
 * removed (model-edits.ts). Works on manifest JSON and returns new values; the input is not mutated.
 * A removed field leaves the mappings that read or fill it; `update` keeps its keys, so removing the field
 * that marks a record converted is refused at `objects[i].conversion.update.<field>` instead of losing it.
 */

type Json = Record<string, unknown>;

/** A conversion as manifest JSON: `{ targets: [{ key, object, fields, match? … }], update }`. */
export interface EditableConversion {
  readonly targets: readonly (Json & { object: string; fields: Readonly<Record<string, string>>; match?: string })[];
  readonly update: Readonly<Json>;
}

type Owner = { readonly name: string; readonly conversion?: unknown };

/** Each object's conversion with field `owner.from` called `to`: as a source value, an `update` key, a target field. */
export function renameFieldInConversion(
  holder: Owner,
  owner: string,
  from: string,
  to: string,
): EditableConversion | undefined {
  const conversion = holder.conversion as EditableConversion | undefined;
  if (!conversion) return undefined;
  const isSource = holder.name === owner;
  return {
    ...conversion,
    targets: conversion.targets.map((target) => {
      const isTarget = target.object === owner;
      const fields = Object.fromEntries(
        Object.entries(target.fields).map(([field, value]) => [
          isTarget && field === from ? to : field,
          isSource && value === from ? to : value,
        ]),
      );
      return { ...target, fields, ...(isTarget && target.match === from ? { match: to } : {}) };
    }),
    update: isSource ? renameKey(conversion.update, from, to) : conversion.update,
  };
}

/** Each object's conversion without the mappings that read or fill field `owner.name`. */
export function dropFieldFromConversion(holder: Owner, owner: string, name: string): EditableConversion | undefined {
  const conversion = holder.conversion as EditableConversion | undefined;
  if (!conversion) return undefined;
  const isSource = holder.name === owner;
  return {
    ...conversion,
    targets: conversion.targets.map((target) => {
      const isTarget = target.object === owner;
      const fields = Object.fromEntries(
        Object.entries(target.fields).filter(
          ([field, value]) => !(isTarget && field === name) && !(isSource && value === name),
        ),
      );
      const { match, ...rest } = target;
      // A match on a field no longer mapped has no value to match on: it goes with the mapping.
      return { ...rest, fields, ...(match !== undefined && match in fields ? { match } : {}) };
    }),
  };
}

/** The conversion with the targets of object `from` now of object `to`. */
export function renameObjectInConversion(holder: Owner, from: string, to: string): EditableConversion | undefined {
  const conversion = holder.conversion as EditableConversion | undefined;
  if (!conversion) return undefined;
  return {
    ...conversion,
    targets: conversion.targets.map((target) => (target.object === from ? { ...target, object: to } : target)),
  };
}

function renameKey(values: Readonly<Json>, from: string, to: string): Json {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key === from ? to : key, value]));
}
