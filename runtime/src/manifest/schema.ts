import { z } from 'zod';
import { labelSchema } from './label';
import { nameSchema } from './name';
import { roleSchema } from '../access/role';
import { workflowSchema } from '../workflows/definition';
import { MAX_RULES_PER_OBJECT, validationRuleSchema } from '../validation/rule-schema';
import { layoutSchema } from './layout-schema';
import { conversionSchema } from './conversion-schema';

/** Zod schemas for the parts of a manifest that do not depend on field types. */
export { nameSchema };

/** Keys every field has, whatever its type; the type adds its own settings. */
export const commonFieldShape = {
  name: nameSchema,
  type: z.string(),
  label: labelSchema.optional(),
  description: z.string().max(2000).optional(),
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  indexed: z.boolean().optional(),
  searchable: z.boolean().optional(),
  default: z.unknown().optional(),
  renamedFrom: nameSchema.optional(),
};

export const objectSchema = z.strictObject({
  name: nameSchema,
  pluralName: nameSchema,
  label: labelSchema.optional(),
  labelPlural: labelSchema.optional(),
  description: z.string().max(2000).optional(),
  titleField: nameSchema.optional(),
  renamedFrom: nameSchema.optional(),
  fields: z.array(z.unknown()).max(1000, 'an object may have at most 1000 fields').default([]),
  validationRules: z
    .array(validationRuleSchema)
    .max(MAX_RULES_PER_OBJECT, `an object may have at most ${MAX_RULES_PER_OBJECT} validation rules`)
    .optional(),
  layout: layoutSchema.optional(),
  conversion: conversionSchema.optional(),
});

export const stageSchema = z.strictObject({
  name: nameSchema,
  label: labelSchema.optional(),
  probability: z.number().min(0).max(100),
  won: z.boolean().optional(),
  lost: z.boolean().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3b82f6')
    .optional(),
});

export const pipelineSchema = z.strictObject({
  object: nameSchema,
  field: nameSchema,
  label: labelSchema.optional(),
  stages: z.array(stageSchema).min(2, 'a pipeline needs at least two stages').max(100),
});

export const manifestSchema = z.strictObject({
  $schema: z.string().optional(),
  // Objects are validated one by one (parse-manifest.ts) so that every object's problems are reported.
  objects: z.array(z.unknown()).max(2000).default([]),
  pipelines: z.array(pipelineSchema).default([]),
  // Validated by the workflow and permission modules when they apply; kept as given until then.
  workflows: z.array(workflowSchema).max(500).default([]),
  roles: z.array(roleSchema).max(200).default([]),
});
