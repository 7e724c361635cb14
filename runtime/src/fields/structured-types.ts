import { z } from 'zod';
import { NULL_ONLY } from '../conditions/operators';
import { fail, ok, type FieldType } from './field-type';

const ADDRESS_KEYS = ['street', 'city', 'region', 'postalCode', 'country'] as const;

const addressSchema = z.strictObject({
  street: z.string().max(500).optional(),
  city: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  postalCode: z.string().max(40).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'country must be an ISO 3166 alpha-2 code')
    .optional(),
});

/** A postal address as one `jsonb` value with known keys. */
export const addressType: FieldType = {
  type: 'address',
  settings: {},
  columns: () => [{ suffix: '', sqlType: 'jsonb' }],
  valueKind: 'json',
  operators: NULL_ONLY,
  sortable: false,
  searchableByDefault: false,
  canSearch: false,
  toColumns(value) {
    const parsed = addressSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      if (issue.code === 'unrecognized_keys')
        return fail(`unknown key "${issue.keys[0]}" (expected ${ADDRESS_KEYS.join(', ')})`);
      return fail(
        issue.path.length
          ? `${issue.path.join('.')}: ${issue.message}`
          : `must be an object with ${ADDRESS_KEYS.join(', ')}`,
      );
    }
    return ok(parsed.data);
  },
  fromColumns: ([value]) => value ?? null,
  jsonSchema: () => ({
    type: 'object',
    format: 'address',
    properties: Object.fromEntries(ADDRESS_KEYS.map((key) => [key, { type: 'string' }])),
    additionalProperties: false,
  }),
  graphql: { output: 'Address', input: 'AddressInput', filter: null },
};

/** Any JSON value up to 256 KB, for integrations. */
export const jsonType: FieldType = {
  type: 'json',
  settings: {},
  columns: () => [{ suffix: '', sqlType: 'jsonb' }],
  valueKind: 'json',
  operators: NULL_ONLY,
  sortable: false,
  searchableByDefault: false,
  canSearch: false,
  toColumns(value) {
    const text = JSON.stringify(value);
    if (text === undefined) return fail('must be a JSON value');
    if (text.length > 262_144) return fail('must be at most 256 KB of JSON');
    return ok(value);
  },
  fromColumns: ([value]) => value ?? null,
  jsonSchema: () => ({}),
  graphql: { output: 'JSON', input: 'JSON', filter: null },
};
