import { z } from 'zod';
import { labelSchema } from '../manifest/label';
import { nameSchema } from '../manifest/name';
import type { ValidationRuleDef } from '../model/model';
import { MAX_CODE_LENGTH } from '../scripts/limits';

/** An object may have at most this many validation rules (every write evaluates each active one). */
export const MAX_RULES_PER_OBJECT = 100;

/**
 * One entry of an object's `validationRules` as a manifest writes it. What needs the model — the fields
 * named, the condition, the script's syntax, exactly one of condition and script — is checked when the
 * manifest is applied (check-validation-rules.ts).
 */
export const validationRuleSchema = z.strictObject({
  name: nameSchema,
  label: labelSchema.optional(),
  message: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(1000),
  fields: z.array(nameSchema).max(50).optional(),
  // Any value: the condition parser reports what is wrong with it, at the exact path.
  condition: z.unknown().optional(),
  script: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(MAX_CODE_LENGTH).optional(),
  active: z.boolean().optional(),
});

/** A parsed rule as the model keeps it: `active` resolved, no undefined keys. */
export function resolveRule(rule: z.infer<typeof validationRuleSchema>): ValidationRuleDef {
  return {
    name: rule.name,
    ...(rule.label !== undefined ? { label: rule.label } : {}),
    message: rule.message,
    ...(rule.fields !== undefined ? { fields: rule.fields } : {}),
    ...(rule.condition !== undefined ? { condition: rule.condition as Record<string, unknown> } : {}),
    ...(rule.script !== undefined ? { script: rule.script } : {}),
    active: rule.active ?? true,
  };
}

/** A rule as a manifest writes it: the default `active: true` left out, so export gives back what was applied. */
export function exportRule(rule: ValidationRuleDef): Record<string, unknown> {
  const { active, ...rest } = rule;
  return active ? rest : { ...rest, active };
}
