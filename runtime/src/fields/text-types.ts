import { z } from 'zod';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { TEXTUAL } from '../conditions/operators';
import type { FieldDef } from '../model/model';
import { fail, ok, type FieldType } from './field-type';
import { sanitizeRichText } from './rich-text';

/** Fields stored as one `text` column. */
const textColumn = () => [{ suffix: '', sqlType: 'text' }] as const;
const stringGraphQL = { output: 'String', input: 'String', filter: 'StringFilter' } as const;

function checkString(value: unknown, field: FieldDef): string | { error: string } {
  if (typeof value !== 'string') return { error: 'must be a string' };
  const maxLength = field.settings.maxLength as number | undefined;
  if (maxLength !== undefined && [...value].length > maxLength)
    return { error: `must be at most ${maxLength} characters` };
  return value;
}

function plainText(type: string, searchableByDefault: boolean, extra: Record<string, unknown> = {}): FieldType {
  return {
    type,
    settings: { maxLength: z.number().int().positive().max(1_000_000).optional() },
    columns: textColumn,
    valueKind: 'text',
    operators: TEXTUAL,
    sortable: true,
    searchableByDefault,
    canSearch: true,
    toColumns(value, field) {
      const text = checkString(value, field);
      return typeof text === 'string' ? ok(text) : fail(text.error);
    },
    fromColumns: ([value]) => value ?? null,
    jsonSchema: (field) => ({
      type: 'string',
      ...(field.settings.maxLength ? { maxLength: field.settings.maxLength } : {}),
      ...extra,
    }),
    graphql: stringGraphQL,
  };
}

export const textType = plainText('text', true);
export const longTextType = plainText('longText', false, { format: 'textarea' });

/**
 * HTML from the studio's editor, stored cleaned (rich-text.ts): whatever writes it, only the editor's tags and
 * safe links are kept. `maxLength` counts the characters stored, after cleaning.
 */
export const richTextType: FieldType = {
  ...plainText('richText', false, { contentMediaType: 'text/html' }),
  toColumns(value, field) {
    if (typeof value !== 'string') return fail('must be a string');
    const text = checkString(sanitizeRichText(value), field);
    return typeof text === 'string' ? ok(text) : fail(text.error);
  },
};

// A pragmatic address check (RFC 5322 allows far more; a CRM wants addresses mail servers accept).
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[^\s@"(),:;<>[\\\].]+\.)+[^\s@"(),:;<>[\\\].]{2,}$/u;

export const emailType: FieldType = {
  ...plainText('email', true),
  settings: {},
  toColumns(value) {
    if (typeof value !== 'string') return fail('must be a string');
    const email = value.trim();
    if (email.length > 254 || !EMAIL.test(email)) return fail(`"${value}" is not an email address`);
    return ok(email);
  },
  jsonSchema: () => ({ type: 'string', format: 'email' }),
};

/** Phone numbers are stored in E.164 (`+995599123456`), parsed with libphonenumber's full metadata. */
export const phoneType: FieldType = {
  ...plainText('phone', true),
  settings: {
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code')
      .optional(),
  },
  toColumns(value, field) {
    if (typeof value !== 'string') return fail('must be a string');
    const country = field.settings.defaultCountry as CountryCode | undefined;
    const phone = parsePhoneNumberFromString(value, country);
    if (!phone || !phone.isValid()) {
      return fail(
        `"${value}" is not a valid phone number${country ? '' : ' (use the international format, e.g. +995 599 12 34 56)'}`,
      );
    }
    return ok(phone.number);
  },
  jsonSchema: () => ({ type: 'string', format: 'phone' }),
};

export const urlType: FieldType = {
  ...plainText('url', false),
  settings: {},
  toColumns(value) {
    if (typeof value !== 'string') return fail('must be a string');
    try {
      const url = new URL(value.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('must be an http or https URL');
      return ok(url.href);
    } catch {
      return fail(`"${value}" is not a URL`);
    }
  },
  jsonSchema: () => ({ type: 'string', format: 'uri' }),
};
