import { z } from 'zod';
import { stepSchema, triggerSchema } from './definition';

/**
 * The JSON Schema of each step and trigger type, generated from the same zod schemas that validate
 * definitions, so the studio's settings panels (@rjsf/core) need no code per type.
 */
export const STEP_TYPES = stepSchema.options.map((o) => o.shape.type.value);
export const TRIGGER_TYPES = triggerSchema.options.map((o) => o.shape.type.value);

export function stepJsonSchemas(): Record<string, unknown> {
  return {
    steps: Object.fromEntries(
      stepSchema.options.map((o) => [o.shape.type.value, z.toJSONSchema(o, { io: 'input', unrepresentable: 'any' })]),
    ),
    triggers: Object.fromEntries(
      triggerSchema.options.map((o) => [
        o.shape.type.value,
        z.toJSONSchema(o, { io: 'input', unrepresentable: 'any' }),
      ]),
    ),
  };
}
