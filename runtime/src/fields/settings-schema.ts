import { z } from 'zod';
import type { FieldType } from './field-type';

/**
 * The JSON Schema of a field type's settings (its type-specific manifest keys), for clients that build
 * their settings forms from the registry, plugins' types included.
 *
 * @example
 *   settingsSchema(types.get('rating')) // { type: 'object', properties: { max: { type: 'integer', … } }, … }
 */
export function settingsSchema(type: FieldType): Record<string, unknown> {
  // `unrepresentable: 'any'`: a refinement (ISO currency codes) becomes its base type, not an error.
  return z.toJSONSchema(z.object(type.settings), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
