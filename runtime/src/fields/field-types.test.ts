import type { FieldDef } from '../model/model';
import type { ConvertResult, FieldType } from './field-type';
import { minorUnits } from './number-types';
import { createFieldTypeRegistry, CORE_FIELD_TYPES } from './registry';
import { textType } from './text-types';

/**
 * Unit tests of the core field types: what each accepts (and the column values it produces), what it refuses
 * (and the message a user reads), how it reads columns back, and the shapes it publishes (JSON Schema, GraphQL).
 */

const types = createFieldTypeRegistry();

/** A resolved field of `type` with `settings`, as the migrator would hand it to the type. */
function field(type: string, settings: Record<string, unknown> = {}): FieldDef {
  return {
    name: 'value',
    type,
    required: false,
    unique: false,
    indexed: false,
    searchable: false,
    settings,
    key: 'kvalue',
    columns: ['value'],
    system: false,
  };
}

function convert(type: string, value: unknown, settings: Record<string, unknown> = {}): ConvertResult {
  return types.get(type).toColumns(value, field(type, settings));
}

/** The column values of an accepted value; fails the test with the type's message otherwise. */
function accepted(type: string, value: unknown, settings: Record<string, unknown> = {}): readonly unknown[] {
  const result = convert(type, value, settings);
  if (!result.ok) throw new Error(`${type} refused ${JSON.stringify(value)}: ${result.message}`);
  return result.values;
}

/** The message of a refused value; fails the test when the value is accepted. */
function refused(type: string, value: unknown, settings: Record<string, unknown> = {}): string {
  const result = convert(type, value, settings);
  if (result.ok) throw new Error(`${type} accepted ${JSON.stringify(value)} as ${JSON.stringify(result.values)}`);
  expect(result.message.length).toBeGreaterThan(0);
  return result.message;
}

const CORE_TYPE_NAMES = [
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
  'autonumber',
  'rating',
  'address',
  'json',
];
/** Types without columns: their values are computed in SQL (formulas/). */
const COMPUTED_TYPE_NAMES = ['formula', 'rollup'];

describe('field type registry', () => {
  test('lists the 21 core types', () => {
    expect(
      types
        .list()
        .map((t) => t.type)
        .sort(),
    ).toEqual([...CORE_TYPE_NAMES, ...COMPUTED_TYPE_NAMES].sort());
    expect(CORE_FIELD_TYPES).toHaveLength(21);
    for (const name of CORE_TYPE_NAMES) expect(types.has(name)).toBe(true);
  });

  test('get returns the type and refuses unknown names', () => {
    expect(types.get('currency').type).toBe('currency');
    expect(types.has('colour')).toBe(false);
    expect(() => types.get('colour')).toThrow('Unknown field type "colour"');
  });

  test('refuses a type registered twice', () => {
    const duplicate: FieldType = { ...textType };
    expect(() => createFieldTypeRegistry([duplicate])).toThrow('Field type "text" is registered twice');
  });

  test('registers a plugin type next to the core ones', () => {
    const slug: FieldType = { ...textType, type: 'slug' };
    const withPlugin = createFieldTypeRegistry([slug]);
    expect(withPlugin.list()).toHaveLength(22);
    expect(withPlugin.get('slug')).toBe(slug);
    // The default registry is not affected.
    expect(types.has('slug')).toBe(false);
  });
});

describe('text, longText, richText', () => {
  test.each(['text', 'longText', 'richText'])('%s keeps the string as given', (type) => {
    expect(accepted(type, '  Tbilisi fit-out ')).toEqual(['  Tbilisi fit-out ']);
    expect(accepted(type, '')).toEqual(['']);
    expect(accepted(type, 'გარიგება')).toEqual(['გარიგება']);
  });

  test.each(['text', 'longText', 'richText'])('%s refuses non-strings', (type) => {
    expect(refused(type, 42)).toBe('must be a string');
    expect(refused(type, { text: 'a' })).toBe('must be a string');
    expect(refused(type, ['a'])).toBe('must be a string');
  });

  test('maxLength counts characters, not UTF-16 units', () => {
    expect(accepted('text', 'აბგ', { maxLength: 3 })).toEqual(['აბგ']);
    expect(accepted('text', '😀😀', { maxLength: 2 })).toEqual(['😀😀']);
    expect(refused('text', 'abcd', { maxLength: 3 })).toBe('must be at most 3 characters');
  });

  test('one text column, string GraphQL types', () => {
    expect(types.get('text').columns(field('text'))).toEqual([{ suffix: '', sqlType: 'text' }]);
    expect(types.get('text').graphql).toEqual({ output: 'String', input: 'String', filter: 'StringFilter' });
    expect(types.get('text').fromColumns([null], field('text'))).toBeNull();
    expect(types.get('text').fromColumns(['a'], field('text'))).toBe('a');
  });

  test('jsonSchema', () => {
    expect(types.get('text').jsonSchema(field('text', { maxLength: 80 }))).toEqual({ type: 'string', maxLength: 80 });
    expect(types.get('longText').jsonSchema(field('longText'))).toEqual({ type: 'string', format: 'textarea' });
    expect(types.get('richText').jsonSchema(field('richText'))).toEqual({
      type: 'string',
      contentMediaType: 'text/html',
    });
  });
});

describe('number and percent', () => {
  test.each(['number', 'percent'])('%s accepts finite numbers', (type) => {
    expect(accepted(type, 0)).toEqual([0]);
    expect(accepted(type, -12.75)).toEqual([-12.75]);
    expect(accepted(type, 1e21)).toEqual([1e21]);
  });

  test.each(['number', 'percent'])('%s refuses what is not a finite number', (type) => {
    for (const value of ['12', NaN, Infinity, -Infinity, true, null, {}]) {
      expect(refused(type, value)).toBe('must be a finite number');
    }
  });

  test('min, max and precision', () => {
    expect(refused('number', -1, { min: 0 })).toBe('must be at least 0');
    expect(refused('number', 101, { max: 100 })).toBe('must be at most 100');
    expect(accepted('number', 100, { min: 0, max: 100 })).toEqual([100]);
    expect(accepted('number', 1.23, { precision: 2 })).toEqual([1.23]);
    expect(refused('number', 1.234, { precision: 2 })).toBe('must have at most 2 decimal places');
    expect(refused('number', 1.5, { precision: 0 })).toBe('must be a whole number');
    // 1.5e-7 has eight decimals, though its text has no decimal point before the exponent's.
    expect(refused('number', 1.5e-7, { precision: 6 })).toBe('must have at most 6 decimal places');
  });

  test('fromColumns reads PostgreSQL numeric text as a number', () => {
    expect(types.get('number').fromColumns(['12.50'], field('number'))).toBe(12.5);
    expect(types.get('number').fromColumns([null], field('number'))).toBeNull();
  });

  test('jsonSchema', () => {
    expect(types.get('number').jsonSchema(field('number', { min: 0, max: 10 }))).toEqual({
      type: 'number',
      minimum: 0,
      maximum: 10,
    });
    expect(types.get('number').jsonSchema(field('number', { precision: 0 }))).toEqual({ type: 'integer' });
    expect(types.get('percent').jsonSchema(field('percent'))).toEqual({ type: 'number', format: 'percent' });
  });
});

describe('currency', () => {
  test('minor units per ISO 4217', () => {
    expect(
      Object.fromEntries(['USD', 'EUR', 'GEL', 'KZT', 'UZS', 'MWK', 'JPY', 'KWD'].map((c) => [c, minorUnits(c)])),
    ).toEqual({ USD: 2, EUR: 2, GEL: 2, KZT: 2, UZS: 2, MWK: 2, JPY: 0, KWD: 3 });
    expect(minorUnits('ABC')).toBeUndefined();
  });

  test('accepts an amount with no more decimals than its currency allows', () => {
    expect(accepted('currency', { amount: 10.5, currency: 'GEL' })).toEqual([10.5, 'GEL']);
    expect(accepted('currency', { amount: 1999.99, currency: 'USD' })).toEqual([1999.99, 'USD']);
    expect(accepted('currency', { amount: 150000, currency: 'KZT' })).toEqual([150000, 'KZT']);
    expect(accepted('currency', { amount: 1250000.5, currency: 'UZS' })).toEqual([1250000.5, 'UZS']);
    expect(accepted('currency', { amount: 5000.25, currency: 'MWK' })).toEqual([5000.25, 'MWK']);
    expect(accepted('currency', { amount: 1500, currency: 'JPY' })).toEqual([1500, 'JPY']);
    expect(accepted('currency', { amount: 1.234, currency: 'KWD' })).toEqual([1.234, 'KWD']);
    expect(accepted('currency', { amount: -3.2, currency: 'EUR' })).toEqual([-3.2, 'EUR']);
  });

  test('refuses more decimals than the minor units', () => {
    expect(refused('currency', { amount: 1.234, currency: 'USD' })).toBe(
      'amount must have at most 2 decimal places for USD',
    );
    expect(refused('currency', { amount: 100.5, currency: 'JPY' })).toBe('amount must be a whole number for JPY');
    expect(refused('currency', { amount: 1.2345, currency: 'KWD' })).toBe(
      'amount must have at most 3 decimal places for KWD',
    );
    // Binary floating point: 0.1 + 0.2 is not 0.3, and the currency check says so rather than rounding silently.
    expect(refused('currency', { amount: 0.1 + 0.2, currency: 'USD' })).toContain('at most 2 decimal places');
  });

  test('refuses unknown codes and malformed values', () => {
    expect(refused('currency', { amount: 1, currency: 'ABC' })).toBe('"ABC" is not an ISO 4217 currency code');
    expect(refused('currency', { amount: 1, currency: 12 })).toBe('currency must be an ISO 4217 code');
    expect(refused('currency', { amount: 1 })).toBe('currency must be an ISO 4217 code');
    expect(refused('currency', { amount: '10', currency: 'USD' })).toBe('amount must be a finite number');
    expect(refused('currency', { currency: 'USD' })).toBe('amount must be a finite number');
    expect(refused('currency', { amount: 1, currency: 'USD', rate: 2 })).toBe(
      'unknown key "rate" (expected amount and currency)',
    );
    expect(refused('currency', 10)).toBe('must be { amount, currency }');
    expect(refused('currency', [10, 'USD'])).toBe('must be { amount, currency }');
    expect(refused('currency', '10 USD')).toBe('must be { amount, currency }');
  });

  test('a bare number or an amount alone takes the field default currency', () => {
    expect(accepted('currency', 5.25, { currency: 'KZT' })).toEqual([5.25, 'KZT']);
    expect(accepted('currency', { amount: 5 }, { currency: 'UZS' })).toEqual([5, 'UZS']);
    // An explicit currency wins over the default.
    expect(accepted('currency', { amount: 5, currency: 'USD' }, { currency: 'GEL' })).toEqual([5, 'USD']);
    // The default currency's minor units apply to a bare number too.
    expect(refused('currency', 5.5, { currency: 'JPY' })).toBe('amount must be a whole number for JPY');
  });

  test('min and max bound the amount', () => {
    expect(refused('currency', { amount: -1, currency: 'USD' }, { min: 0 })).toBe('amount must be at least 0');
  });

  // BUG: a lower-case code is accepted and stored as written ('usd'), although ISO 4217 codes are upper
  // case and the type's own JSON Schema says `^[A-Z]{3}$`. Filtering or grouping by currency then sees
  // 'usd' and 'USD' as two currencies. Expected: normalised to 'USD' (or refused).
  test('a lower-case currency code is normalised or refused, never stored as "usd"', () => {
    const result = convert('currency', { amount: 1, currency: 'usd' });
    if (result.ok) expect(result.values).toEqual([1, 'USD']);
    else expect(result.message).toContain('usd');
  });

  test('two columns: the amount and its code', () => {
    expect(types.get('currency').columns(field('currency'))).toEqual([
      { suffix: '', sqlType: 'numeric' },
      { suffix: '_currency', sqlType: 'text' },
    ]);
    expect(types.get('currency').graphql).toEqual({
      output: 'Currency',
      input: 'CurrencyInput',
      filter: 'NumberFilter',
    });
  });

  test('fromColumns', () => {
    const currency = types.get('currency');
    expect(currency.fromColumns(['10.50', 'GEL'], field('currency'))).toEqual({ amount: 10.5, currency: 'GEL' });
    expect(currency.fromColumns([null, 'GEL'], field('currency'))).toBeNull();
    expect(currency.fromColumns([null, null], field('currency'))).toBeNull();
  });

  test('jsonSchema is an object with amount and currency', () => {
    expect(types.get('currency').jsonSchema(field('currency', { currency: 'GEL' }))).toEqual({
      type: 'object',
      format: 'currency',
      properties: {
        amount: { type: 'number' },
        currency: { type: 'string', pattern: '^[A-Z]{3}$', default: 'GEL' },
      },
      required: ['amount'],
    });
    const withoutDefault = types.get('currency').jsonSchema(field('currency')) as {
      properties: { currency: Record<string, unknown> };
    };
    expect(withoutDefault.properties.currency).toEqual({ type: 'string', pattern: '^[A-Z]{3}$' });
  });
});

describe('rating and autonumber', () => {
  test('rating is a whole number from 1 to max (default 5)', () => {
    expect(accepted('rating', 1)).toEqual([1]);
    expect(accepted('rating', 5)).toEqual([5]);
    expect(refused('rating', 0)).toBe('must be a whole number from 1 to 5');
    expect(refused('rating', 6)).toBe('must be a whole number from 1 to 5');
    expect(refused('rating', 3.5)).toBe('must be a whole number from 1 to 5');
    expect(refused('rating', '3')).toBe('must be a whole number from 1 to 5');
    expect(accepted('rating', 10, { max: 10 })).toEqual([10]);
    expect(refused('rating', 4, { max: 3 })).toBe('must be a whole number from 1 to 3');
  });

  test('rating column and schema', () => {
    expect(types.get('rating').columns(field('rating'))).toEqual([{ suffix: '', sqlType: 'smallint' }]);
    expect(types.get('rating').jsonSchema(field('rating', { max: 10 }))).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 10,
    });
    expect(types.get('rating').graphql.output).toBe('Int');
  });

  test('autonumber refuses every input', () => {
    for (const value of [1, '1', null]) {
      expect(refused('autonumber', value)).toBe('is numbered automatically and cannot be set');
    }
    expect(types.get('autonumber').columns(field('autonumber'))).toEqual([{ suffix: '', sqlType: 'bigint' }]);
    expect(types.get('autonumber').jsonSchema(field('autonumber'))).toEqual({ type: 'integer', readOnly: true });
  });
});

describe('boolean', () => {
  test('only true and false', () => {
    expect(accepted('boolean', true)).toEqual([true]);
    expect(accepted('boolean', false)).toEqual([false]);
    for (const value of ['true', 1, 0, 'yes']) expect(refused('boolean', value)).toBe('must be true or false');
    expect(types.get('boolean').jsonSchema(field('boolean'))).toEqual({ type: 'boolean' });
  });
});

describe('date', () => {
  test('accepts real calendar days written YYYY-MM-DD', () => {
    expect(accepted('date', '2026-11-24')).toEqual(['2026-11-24']);
    expect(accepted('date', '2024-02-29')).toEqual(['2024-02-29']);
    expect(accepted('date', '2000-02-29')).toEqual(['2000-02-29']);
  });

  test('refuses impossible days and other spellings', () => {
    for (const value of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10']) {
      expect(refused('date', value)).toBe('must be a date written YYYY-MM-DD');
    }
    for (const value of ['2026-2-3', '24.11.2026', '2026-11-24T00:00:00Z', '', 20261124]) {
      expect(refused('date', value)).toBe('must be a date written YYYY-MM-DD');
    }
  });

  // BUG (minor): `isCalendarDate` builds the day with Date.UTC, which maps years 0–99 to 1900–1999, so real
  // days in years 0001–0099 are refused ('0099-12-31' refused while '0100-01-01' is accepted), although the
  // `date` column stores them.
  test('accepts days in the years 0001 to 0099', () => {
    expect(accepted('date', '0100-01-01')).toEqual(['0100-01-01']);
    expect(accepted('date', '0099-12-31')).toEqual(['0099-12-31']);
  });

  test('fromColumns reads text or a Date', () => {
    const date = types.get('date');
    expect(date.fromColumns(['2026-11-24'], field('date'))).toBe('2026-11-24');
    expect(date.fromColumns([new Date('2026-11-24T00:00:00Z')], field('date'))).toBe('2026-11-24');
    expect(date.fromColumns([null], field('date'))).toBeNull();
    expect(date.jsonSchema(field('date'))).toEqual({ type: 'string', format: 'date' });
  });
});

describe('datetime', () => {
  test('normalises an instant with a zone to UTC ISO 8601', () => {
    expect(accepted('datetime', '2026-03-01T10:00:00Z')).toEqual(['2026-03-01T10:00:00.000Z']);
    expect(accepted('datetime', '2026-03-01T10:00:00+04:00')).toEqual(['2026-03-01T06:00:00.000Z']);
    expect(accepted('datetime', '2026-03-01T00:30:00+04:00')).toEqual(['2026-02-28T20:30:00.000Z']);
    expect(accepted('datetime', '2026-03-01T10:00-05:00')).toEqual(['2026-03-01T15:00:00.000Z']);
    expect(accepted('datetime', new Date('2026-03-01T10:00:00Z'))).toEqual(['2026-03-01T10:00:00.000Z']);
  });

  test('refuses a date-time without a zone, an impossible day or time, and other values', () => {
    const message = 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-24T09:30:00Z';
    for (const value of [
      '2026-03-01T10:00:00',
      '2026-03-01 10:00:00Z',
      '2026-03-01',
      '2026-02-30T10:00:00Z',
      '2026-03-01T25:00:00Z',
      '2026-03-01T10:00:00+25:00',
      'tomorrow',
      1772359200000,
      new Date('nope'),
    ]) {
      expect(refused('datetime', value)).toBe(message);
    }
  });

  // BUG (minor): the accepted pattern allows six fractional digits (timestamptz keeps microseconds), but the
  // value goes through a JavaScript Date, so '…00.123456Z' is stored as '…00.123Z': the last three digits are
  // silently lost.
  test('keeps the microseconds it accepts', () => {
    expect(accepted('datetime', '2026-03-01T10:00:00.123456Z')[0]).toContain('.123456');
  });

  test('fromColumns', () => {
    const datetime = types.get('datetime');
    expect(datetime.fromColumns([new Date('2026-03-01T06:00:00Z')], field('datetime'))).toBe(
      '2026-03-01T06:00:00.000Z',
    );
    expect(datetime.fromColumns(['2026-03-01 10:00:00+04'], field('datetime'))).toBe('2026-03-01T06:00:00.000Z');
    expect(datetime.fromColumns([null], field('datetime'))).toBeNull();
    expect(datetime.jsonSchema(field('datetime'))).toEqual({ type: 'string', format: 'date-time' });
  });
});

describe('email', () => {
  test('accepts addresses, trimmed, with international characters', () => {
    expect(accepted('email', 'nino@example.ge')).toEqual(['nino@example.ge']);
    expect(accepted('email', '  Nino.Beridze+crm@Example.GE ')).toEqual(['Nino.Beridze+crm@Example.GE']);
    expect(accepted('email', 'ნინო@მაგალითი.გე')).toEqual(['ნინო@მაგალითი.გე']);
    expect(accepted('email', 'a@b.co')).toEqual(['a@b.co']);
  });

  test('refuses what is not an address', () => {
    expect(refused('email', 'nino@example')).toBe('"nino@example" is not an email address');
    expect(refused('email', 'a@b.c')).toBe('"a@b.c" is not an email address');
    for (const value of ['nino', '@example.ge', 'nino@', 'a b@c.co', 'a@@b.co', 'a@b.co,c@d.co', '"a"@b.co', '']) {
      expect(refused('email', value)).toContain('is not an email address');
    }
    expect(refused('email', `${'a'.repeat(250)}@b.co`)).toContain('is not an email address');
    expect(refused('email', 42)).toBe('must be a string');
    expect(types.get('email').jsonSchema(field('email'))).toEqual({ type: 'string', format: 'email' });
  });

  // BUG: the domain part may start or end with a dot or hold two dots in a row, which no mail server
  // accepts (text-types.ts EMAIL: the domain classes include '.'). Expected: refused.
  test('refuses domains with empty labels', () => {
    for (const value of ['a@b..co', 'a@.b.co', 'a@b.co.']) {
      expect(refused('email', value)).toContain('is not an email address');
    }
  });
});

describe('phone', () => {
  test('normalises international numbers to E.164', () => {
    expect(accepted('phone', '+995 599 12 34 56')).toEqual(['+995599123456']);
    expect(accepted('phone', '+995 (32) 212-34-56')).toEqual(['+995322123456']);
  });

  test('uses defaultCountry for national numbers', () => {
    expect(accepted('phone', '599 12 34 56', { defaultCountry: 'GE' })).toEqual(['+995599123456']);
    // An international number ignores the default country.
    expect(accepted('phone', '+998 90 123 45 67', { defaultCountry: 'GE' })).toEqual(['+998901234567']);
  });

  test('Kazakhstan, Uzbekistan and Malawi', () => {
    expect(accepted('phone', '+7 701 123 4567')).toEqual(['+77011234567']);
    expect(accepted('phone', '8 701 123 4567', { defaultCountry: 'KZ' })).toEqual(['+77011234567']);
    expect(accepted('phone', '+998 90 123 45 67')).toEqual(['+998901234567']);
    expect(accepted('phone', '90 123 45 67', { defaultCountry: 'UZ' })).toEqual(['+998901234567']);
    expect(accepted('phone', '+265 99 123 4567')).toEqual(['+265991234567']);
    expect(accepted('phone', '+265 88 812 3456')).toEqual(['+265888123456']);
    expect(accepted('phone', '0991234567', { defaultCountry: 'MW' })).toEqual(['+265991234567']);
  });

  test('refuses invalid numbers with a hint about the format', () => {
    expect(refused('phone', '599 12 34 56')).toBe(
      '"599 12 34 56" is not a valid phone number (use the international format, e.g. +995 599 12 34 56)',
    );
    expect(refused('phone', '12345', { defaultCountry: 'GE' })).toBe('"12345" is not a valid phone number');
    for (const value of ['+995 12', '+995 599 12 34 56 78 90', 'hello', '', '+7 701 123']) {
      expect(refused('phone', value)).toContain('is not a valid phone number');
    }
    expect(refused('phone', 995599123456)).toBe('must be a string');
  });

  test('settings and schema', () => {
    expect(Object.keys(types.get('phone').settings)).toEqual(['defaultCountry']);
    expect(types.get('phone').jsonSchema(field('phone'))).toEqual({ type: 'string', format: 'phone' });
  });
});

describe('url', () => {
  test('accepts http and https URLs, normalised', () => {
    expect(accepted('url', 'https://example.ge/path?q=1')).toEqual(['https://example.ge/path?q=1']);
    expect(accepted('url', ' https://EXAMPLE.com ')).toEqual(['https://example.com/']);
    expect(accepted('url', 'http://localhost:4000')).toEqual(['http://localhost:4000/']);
    expect(accepted('url', 'https://თბილისი.გე/')).toEqual(['https://xn--modleaak4c.xn--node/']);
  });

  test('refuses other schemes and what is not a URL', () => {
    expect(refused('url', 'ftp://example.com')).toBe('must be an http or https URL');
    expect(refused('url', 'javascript:alert(1)')).toBe('must be an http or https URL');
    expect(refused('url', 'mailto:nino@example.ge')).toBe('must be an http or https URL');
    expect(refused('url', 'example.com')).toBe('"example.com" is not a URL');
    expect(refused('url', 'https://')).toBe('"https://" is not a URL');
    expect(refused('url', 'https://exa mple.com')).toBe('"https://exa mple.com" is not a URL');
    expect(refused('url', 42)).toBe('must be a string');
    expect(types.get('url').jsonSchema(field('url'))).toEqual({ type: 'string', format: 'uri' });
  });
});

describe('select and multiSelect', () => {
  const options = ['new', { value: 'won', label: { en: 'Won', ka: 'მოგებული' }, color: '#16a34a' }, 'lost'];

  test('select accepts an option value, in string or object form', () => {
    expect(accepted('select', 'new', { options })).toEqual(['new']);
    expect(accepted('select', 'won', { options })).toEqual(['won']);
  });

  test('select refuses other values and names the options', () => {
    expect(refused('select', 'Won', { options })).toBe('"Won" is not one of the options (new, won, lost)');
    expect(refused('select', 'მოგებული', { options })).toBe('"მოგებული" is not one of the options (new, won, lost)');
    expect(refused('select', 1, { options })).toBe('must be a string');
    expect(refused('select', ['new'], { options })).toBe('must be a string');
  });

  test('multiSelect accepts a list of options, without duplicates', () => {
    expect(accepted('multiSelect', ['new', 'won'], { options })).toEqual([['new', 'won']]);
    expect(accepted('multiSelect', ['won', 'won', 'new'], { options })).toEqual([['won', 'new']]);
    expect(accepted('multiSelect', [], { options })).toEqual([[]]);
  });

  test('multiSelect refuses non-lists and unknown options', () => {
    expect(refused('multiSelect', 'new', { options })).toBe('must be a list of options');
    expect(refused('multiSelect', ['new', 'open'], { options })).toBe(
      '"open" is not one of the options (new, won, lost)',
    );
    expect(refused('multiSelect', ['new', 3], { options })).toBe('must be a string');
  });

  test('columns and reading back', () => {
    expect(types.get('select').columns(field('select', { options }))).toEqual([{ suffix: '', sqlType: 'text' }]);
    expect(types.get('multiSelect').columns(field('multiSelect', { options }))).toEqual([
      { suffix: '', sqlType: 'text[]' },
    ]);
    expect(types.get('multiSelect').fromColumns([null], field('multiSelect', { options }))).toEqual([]);
    expect(types.get('select').fromColumns([null], field('select', { options }))).toBeNull();
    expect(types.get('multiSelect').graphql).toEqual({
      output: '[String!]',
      input: '[String!]',
      filter: 'StringListFilter',
    });
  });

  test('jsonSchema: an enum, and an array of unique enum items', () => {
    expect(types.get('select').jsonSchema(field('select', { options }))).toEqual({
      type: 'string',
      enum: ['new', 'won', 'lost'],
    });
    expect(types.get('multiSelect').jsonSchema(field('multiSelect', { options }))).toEqual({
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', enum: ['new', 'won', 'lost'] },
    });
  });
});

describe('relation', () => {
  const id = '0190f0a2-8b3c-7d4e-9f00-112233445566';
  const upper = id.toUpperCase();

  test('many-to-one takes one record id, lower-cased', () => {
    expect(accepted('relation', id, { target: 'company' })).toEqual([id]);
    expect(accepted('relation', upper, { target: 'company' })).toEqual([id]);
    expect(refused('relation', 'company-1', { target: 'company' })).toBe('must be a record id');
    expect(refused('relation', [id], { target: 'company' })).toBe('must be a record id');
  });

  test('many-to-many takes a list of ids, without duplicates', () => {
    const settings = { target: 'contact', many: true };
    expect(accepted('relation', [id, id], settings)).toEqual([[id]]);
    expect(accepted('relation', [], settings)).toEqual([[]]);
    expect(refused('relation', id, settings)).toBe('must be a list of record ids');
    expect(refused('relation', [id, 'x'], settings)).toBe('must be a list of record ids');
  });

  // BUG: many-to-one lower-cases the id, many-to-many does not, so an upper- and a lower-case spelling of
  // one id both survive the de-duplication (relation-type.ts: `ok([...new Set(value)])`). Expected: one
  // lower-case id.
  test('many-to-many lower-cases ids before removing duplicates', () => {
    expect(accepted('relation', [upper, id], { target: 'contact', many: true })).toEqual([[id]]);
  });

  test('one-to-many is written from the other side', () => {
    expect(refused('relation', [id], { target: 'deal', many: true, inverse: 'company' })).toBe(
      'is the inverse of deal.company; set it there',
    );
  });

  test('columns and schema by shape', () => {
    const relation = types.get('relation');
    expect(relation.columns(field('relation', { target: 'company' }))).toEqual([{ suffix: '', sqlType: 'uuid' }]);
    expect(relation.columns(field('relation', { target: 'contact', many: true }))).toEqual([]);
    expect(relation.jsonSchema(field('relation', { target: 'company' }))).toEqual({ type: 'string', format: 'uuid' });
    expect(relation.jsonSchema(field('relation', { target: 'contact', many: true }))).toEqual({
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      format: 'relation',
    });
  });
});

describe('address', () => {
  test('accepts the known keys', () => {
    const address = { street: 'Rustaveli Ave 12', city: 'Tbilisi', postalCode: '0108', country: 'GE' };
    expect(accepted('address', address)).toEqual([address]);
    expect(accepted('address', {})).toEqual([{}]);
  });

  test('refuses other shapes, pointing at the bad key', () => {
    expect(refused('address', { country: 'ge' })).toBe('country: country must be an ISO 3166 alpha-2 code');
    expect(refused('address', { city: 5 })).toContain('city:');
    expect(refused('address', 'Tbilisi')).toBe('must be an object with street, city, region, postalCode, country');
    expect(refused('address', null)).toBe('must be an object with street, city, region, postalCode, country');
  });

  // BUG (minor): an unknown key is reported as "must be an object with street, city, …" without naming
  // the key (zod's unrecognized_keys issue has an empty path). Expected: the message names "zip".
  test('an unknown key is named in the message', () => {
    expect(refused('address', { city: 'Tbilisi', zip: '0108' })).toContain('zip');
  });

  test('jsonSchema lists the keys and nothing else', () => {
    expect(types.get('address').jsonSchema(field('address'))).toEqual({
      type: 'object',
      format: 'address',
      properties: {
        street: { type: 'string' },
        city: { type: 'string' },
        region: { type: 'string' },
        postalCode: { type: 'string' },
        country: { type: 'string' },
      },
      additionalProperties: false,
    });
  });
});

describe('json', () => {
  test('accepts any JSON value', () => {
    for (const value of [{ a: [1, 'b', null] }, [1, 2], 'text', 0, false]) {
      expect(accepted('json', value)).toEqual([value]);
    }
  });

  test('refuses what JSON cannot hold and values over 256 KB', () => {
    expect(refused('json', undefined)).toBe('must be a JSON value');
    expect(refused('json', () => 1)).toBe('must be a JSON value');
    expect(refused('json', 'x'.repeat(262_144))).toBe('must be at most 256 KB of JSON');
    expect(types.get('json').graphql).toEqual({ output: 'JSON', input: 'JSON', filter: null });
  });
});

describe('every core type', () => {
  test.each(CORE_TYPE_NAMES)('%s publishes columns, a JSON Schema and GraphQL names', (name) => {
    const type = types.get(name);
    const settings =
      name === 'select' || name === 'multiSelect'
        ? { options: ['a'] }
        : name === 'relation'
          ? { target: 'company' }
          : {};
    const columns = type.columns(field(name, settings));
    expect(columns.length).toBeGreaterThan(0);
    expect(columns[0]!.suffix).toBe('');
    expect(typeof type.jsonSchema(field(name, settings))).toBe('object');
    expect(type.graphql.output).toMatch(/^\[?[A-Z][A-Za-z]*!?\]?$/);
    if (type.sortable) expect(type.valueKind).not.toBeNull();
  });
});

describe('computed types', () => {
  test.each(COMPUTED_TYPE_NAMES)('%s has no column, refuses every input and is marked computed', (name) => {
    const type = types.get(name);
    expect(type.computed).toBe(true);
    expect(type.columns(field(name))).toEqual([]);
    expect(refused(name, 12)).toBe('is computed and cannot be set');
    expect(type.canSearch).toBe(false);
  });
});
