import { z } from 'zod';
import currencyCodes from 'currency-codes';
import { ORDERED } from '../conditions/operators';
import type { FieldDef } from '../model/model';
import { fail, ok, type ConvertResult, type FieldType } from './field-type';

/** ISO 4217 code → minor units, read once (the library searches its list on every call; a bulk load asks per row). */
const MINOR_UNITS = new Map(currencyCodes.data.map((c) => [c.code, c.digits]));

const numberGraphQL = { output: 'Float', input: 'Float', filter: 'NumberFilter' } as const;
const bounds = { min: z.number().finite().optional(), max: z.number().finite().optional() };

function decimals(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  const exponent = text.match(/e-(\d+)$/);
  if (exponent) return Number(exponent[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

function checkNumber(value: unknown, field: FieldDef, precision?: number): number | { error: string } {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'must be a finite number' };
  const { min, max } = field.settings as { min?: number; max?: number };
  if (min !== undefined && value < min) return { error: `must be at least ${min}` };
  if (max !== undefined && value > max) return { error: `must be at most ${max}` };
  if (precision !== undefined && decimals(value) > precision) {
    return { error: precision === 0 ? 'must be a whole number' : `must have at most ${precision} decimal places` };
  }
  return value;
}

function numeric(type: string, extra: Partial<FieldType> = {}): FieldType {
  return {
    type,
    settings: { ...bounds, precision: z.number().int().min(0).max(12).optional() },
    columns: () => [{ suffix: '', sqlType: 'numeric' }],
    valueKind: 'number',
    operators: ORDERED,
    sortable: true,
    searchableByDefault: false,
    canSearch: false,
    toColumns(value, field): ConvertResult {
      const n = checkNumber(value, field, field.settings.precision as number | undefined);
      return typeof n === 'number' ? ok(n) : fail(n.error);
    },
    fromColumns: ([value]) => (value === null || value === undefined ? null : Number(value)),
    jsonSchema: (field) => ({
      type: field.settings.precision === 0 ? 'integer' : 'number',
      ...(field.settings.min !== undefined ? { minimum: field.settings.min } : {}),
      ...(field.settings.max !== undefined ? { maximum: field.settings.max } : {}),
    }),
    graphql: numberGraphQL,
    ...extra,
  };
}

export const numberType = numeric('number');
export const percentType = numeric('percent', { jsonSchema: () => ({ type: 'number', format: 'percent' }) });

/** Stars from 1 to `max` (default 5). */
export const ratingType: FieldType = {
  ...numeric('rating'),
  settings: { max: z.number().int().min(1).max(10).optional() },
  columns: () => [{ suffix: '', sqlType: 'smallint' }],
  toColumns(value, field) {
    const max = (field.settings.max as number | undefined) ?? 5;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
      return fail(`must be a whole number from 1 to ${max}`);
    }
    return ok(value);
  },
  jsonSchema: (field) => ({ type: 'integer', minimum: 1, maximum: (field.settings.max as number | undefined) ?? 5 }),
  graphql: { output: 'Int', input: 'Int', filter: 'NumberFilter' },
};

/**
 * Sequential numbers given by the database (`TCK-00042` shows `prefix` and `padding`; the stored value is
 * the number). Read-only: inputs are refused.
 */
export const autonumberType: FieldType = {
  ...numeric('autonumber'),
  settings: { prefix: z.string().max(20).optional(), padding: z.number().int().min(0).max(20).optional() },
  columns: () => [{ suffix: '', sqlType: 'bigint' }],
  toColumns: () => fail('is numbered automatically and cannot be set'),
  jsonSchema: () => ({ type: 'integer', readOnly: true }),
  graphql: { output: 'Int', input: 'Int', filter: 'NumberFilter' },
};

/** Minor units per ISO 4217 (USD 2, JPY 0, KWD 3, UZS 2, MWK 2 …). */
export function minorUnits(code: string): number | undefined {
  return MINOR_UNITS.get(code);
}

/**
 * Money: an amount and its ISO 4217 currency, in two columns (`price` numeric, `price_currency` text).
 * Filters and sorting compare the amount; the amount may not have more decimals than the currency's minor units.
 */
export const currencyType: FieldType = {
  ...numeric('currency'),
  settings: {
    ...bounds,
    currency: z
      .string()
      .refine((code) => minorUnits(code) !== undefined, 'must be an ISO 4217 currency code')
      .optional(),
  },
  columns: () => [
    { suffix: '', sqlType: 'numeric' },
    { suffix: '_currency', sqlType: 'text' },
  ],
  toColumns(value, field) {
    const fallback = field.settings.currency as string | undefined;
    const input = typeof value === 'number' && fallback ? { amount: value, currency: fallback } : value;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return fail('must be { amount, currency }');
    }
    const { amount, currency: given = fallback, ...rest } = input as { amount?: unknown; currency?: unknown };
    // ISO 4217 codes are upper case; `usd` is understood and stored as `USD`.
    const currency = typeof given === 'string' ? given.toUpperCase() : given;
    if (Object.keys(rest).length) return fail(`unknown key "${Object.keys(rest)[0]}" (expected amount and currency)`);
    if (typeof currency !== 'string') return fail('currency must be an ISO 4217 code');
    const digits = minorUnits(currency);
    if (digits === undefined) return fail(`"${currency}" is not an ISO 4217 currency code`);
    const n = checkNumber(amount, field, digits);
    if (typeof n !== 'number')
      return fail(
        `amount ${n.error}${n.error.includes('decimal') || n.error.includes('whole') ? ` for ${currency}` : ''}`,
      );
    return ok(n, currency);
  },
  fromColumns: ([amount, currency]) =>
    amount === null || amount === undefined ? null : { amount: Number(amount), currency: currency ?? null },
  jsonSchema: (field) => ({
    type: 'object',
    format: 'currency',
    properties: {
      amount: { type: 'number' },
      currency: {
        type: 'string',
        pattern: '^[A-Z]{3}$',
        ...(field.settings.currency ? { default: field.settings.currency } : {}),
      },
    },
    required: ['amount'],
  }),
  graphql: { output: 'Currency', input: 'CurrencyInput', filter: 'NumberFilter' },
};
