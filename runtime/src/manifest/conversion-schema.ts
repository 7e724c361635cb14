import { z } from 'zod';
import type { ConversionDef } from '../model/model';
import { labelSchema } from './label';
import { nameSchema } from './name';

/** A conversion makes at most this many records (each is one createMany in the conversion's transaction). */
export const MAX_CONVERSION_TARGETS = 10;

/** A mapped value: a source field name, `$<key>` (an earlier target's id) or `$source` (the source's id). */
const mappedValue = z
  .string({ error: 'must be a source field name, "$<target key>" or "$source"' })
  .regex(/^\$?[a-z][a-zA-Z0-9]{0,62}$/, 'must be a source field name, "$<target key>" or "$source"');

/**
 * An object's `conversion` as a manifest writes it. What needs the model — objects and fields that exist,
 * types that fit, references to earlier targets, `update` values valid for their fields — is checked with
 * the other references (check-conversion.ts), at `objects[i].conversion…` paths.
 *
 * @example
 *   { "targets": [{ "key": "company", "object": "company", "fields": { "name": "companyName" }, "match": "name" }],
 *     "update": { "status": "converted" } }
 */
export const conversionSchema = z.strictObject({
  targets: z
    .array(
      z.strictObject({
        key: nameSchema,
        object: nameSchema,
        label: labelSchema.optional(),
        optional: z.boolean({ error: 'must be true or false' }).optional(),
        fields: z.record(nameSchema, mappedValue, { error: 'must map target fields to source values' }),
        match: nameSchema.optional(),
      }),
    )
    .min(1, 'a conversion needs at least one target')
    .max(MAX_CONVERSION_TARGETS, `a conversion may have at most ${MAX_CONVERSION_TARGETS} targets`),
  update: z
    .record(nameSchema, z.unknown(), { error: 'must map source fields to values' })
    .refine((update) => Object.keys(update).length > 0, 'must set at least one field (it marks the source converted)'),
});

/** A parsed conversion as the model keeps it: no undefined keys, so it compares (and exports) as written. */
export function resolveConversion(conversion: z.infer<typeof conversionSchema>): ConversionDef {
  return {
    targets: conversion.targets.map((target) => ({
      key: target.key,
      object: target.object,
      ...(target.label !== undefined ? { label: target.label } : {}),
      ...(target.optional !== undefined ? { optional: target.optional } : {}),
      fields: target.fields,
      ...(target.match !== undefined ? { match: target.match } : {}),
    })),
    update: conversion.update,
  };
}
