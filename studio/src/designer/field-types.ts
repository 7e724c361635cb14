/**
 * The field types the core registers (runtime/src/fields/registry.ts). The GraphQL API does not list field
 * types yet, so the studio offers these (a
 * `fieldTypes` query would let it offer the plugins' types too).
 */
export const CORE_FIELD_TYPES = [
  'text',
  'longText',
  'richText',
  'number',
  'currency',
  'percent',
  'boolean',
  'date',
  'datetime',
  'email',
  'phone',
  'url',
  'select',
  'multiSelect',
  'relation',
  'formula',
  'rollup',
  'autonumber',
  'rating',
  'address',
  'json',
] as const;
