import { z } from 'zod';
import { nameSchema } from '../manifest/name';
import { labelSchema } from '../manifest/label';

/** What a rule may allow or forbid (CONTRACT.md); `manage` means every action. */
export const ACTIONS = ['create', 'read', 'update', 'delete', 'manage'] as const;
export type Action = (typeof ACTIONS)[number];

/** The built-in role that may do everything, metadata included. */
export const ADMIN_ROLE = 'admin';

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

/**
 * A CASL rule as data (CONTRACT.md "Roles"): `{ action, subject, conditions, fields, inverted }`.
 * Conditions use the one condition language and may refer to the acting user (`$user.id`,
 * `$user.teamIds`, `$user.subordinateIds`).
 */
export const ruleSchema = z.strictObject({
  action: oneOrMany(z.enum(ACTIONS)),
  subject: oneOrMany(z.union([z.literal('all'), nameSchema])),
  conditions: z.record(z.string(), z.unknown()).optional(),
  fields: oneOrMany(nameSchema).optional(),
  inverted: z.boolean().optional(),
  reason: z.string().max(500).optional(),
});

export const roleSchema = z.strictObject({
  name: nameSchema,
  label: labelSchema.optional(),
  description: z.string().max(2000).optional(),
  rules: z.array(ruleSchema).max(500),
});

export type RuleDef = z.infer<typeof ruleSchema>;
export type RoleDef = z.infer<typeof roleSchema>;

export const asList = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];
