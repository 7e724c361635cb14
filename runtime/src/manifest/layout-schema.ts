import { z } from 'zod';
import type { FormLayoutDef } from '../model/model';
import { labelSchema } from './label';
import { nameSchema } from './name';

/** A layout has at most this many sections (each becomes a group of the record form). */
export const MAX_LAYOUT_SECTIONS = 50;

/**
 * An object's `layout` as a manifest writes it. What needs the object — fields that exist, each placed at
 * most once, unique section names — is checked with the other references (check-layout.ts); the
 * `visibleWhen` conditions are parsed on the model when the manifest is applied (check-layout-conditions.ts).
 */
export const layoutSchema = z.strictObject({
  sections: z
    .array(
      z.strictObject({
        name: nameSchema,
        label: labelSchema.optional(),
        columns: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }),
        fields: z.array(nameSchema, { error: 'must be a list of field names' }).max(1000),
        // Any object: the condition parser reports what is wrong inside it, at the exact path.
        visibleWhen: z.record(z.string(), z.unknown(), { error: 'must be a condition object' }).optional(),
      }),
    )
    .min(1, 'a layout needs at least one section')
    .max(MAX_LAYOUT_SECTIONS, `a layout may have at most ${MAX_LAYOUT_SECTIONS} sections`),
});

/** A parsed layout as the model keeps it: no undefined keys, so layouts compare (and export) as written. */
export function resolveLayout(layout: z.infer<typeof layoutSchema>): FormLayoutDef {
  return {
    sections: layout.sections.map((section) => ({
      name: section.name,
      ...(section.label !== undefined ? { label: section.label } : {}),
      columns: section.columns,
      fields: section.fields,
      ...(section.visibleWhen !== undefined ? { visibleWhen: section.visibleWhen } : {}),
    })),
  };
}
