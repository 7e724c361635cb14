import { z } from 'zod';
import { NULL_ONLY } from '../conditions/operators';
import { fail, type FieldType } from './field-type';
import { minorUnits } from './number-types';
import { RESULT_TYPES, ROLLUP_FUNCTIONS } from '../formulas/expression';

/**
 * The computed field types: `formula` (an expression over the record's fields and many-to-one paths) and
 * `rollup` (count, sum, min, max or avg over a to-many relation). Neither has a column: the record service
 * compiles them to SQL (`formulas/`) and computes their values in the same query that reads the records.
 * They are registered like every other type; their value-related members are placeholders, because what a
 * value is depends on the result type (`fieldValueType` resolves it).
 */
const currencyCode = z
  .string()
  .refine((code) => minorUnits(code) !== undefined, 'must be an ISO 4217 currency code')
  .optional();

const name = z.string().regex(/^[a-z][a-zA-Z0-9]{0,62}$/, 'must be a field name');

function computed(type: string, settings: z.ZodRawShape): FieldType {
  return {
    type,
    settings,
    computed: true,
    columns: () => [],
    valueKind: null,
    operators: NULL_ONLY,
    sortable: false,
    searchableByDefault: false,
    canSearch: false,
    toColumns: () => fail('is computed and cannot be set'),
    fromColumns: ([value]) => value ?? null,
    jsonSchema: () => ({ readOnly: true }),
    graphql: { output: 'JSON', input: 'JSON', filter: null },
  };
}

/** `{ "type": "formula", "expression": "amount * probability / 100", "resultType": "number" }` */
export const formulaType: FieldType = computed('formula', {
  expression: z.string().min(1, 'is required').max(4000, 'must be at most 4000 characters'),
  resultType: z.enum(RESULT_TYPES).optional(),
  currency: currencyCode,
});

/** `{ "type": "rollup", "relation": "deals", "function": "sum", "field": "amount", "filter": { … } }` */
export const rollupType: FieldType = computed('rollup', {
  relation: name,
  function: z.enum(ROLLUP_FUNCTIONS),
  field: name.optional(),
  filter: z.record(z.string(), z.unknown()).optional(),
  currency: currencyCode,
});
