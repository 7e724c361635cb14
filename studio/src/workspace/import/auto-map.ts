import type { WorkspaceField, WorkspaceObject } from '../record-api';
import type { ColumnMapping, DateOrder } from './import-request';

/** Fields a file can fill: stored ones (not computed, not numbered, not lists of related records) and the owner. */
export function importableFields(object: WorkspaceObject): WorkspaceField[] {
  return object.fields.filter((field) => {
    if (field.system) return field.name === 'owner';
    if (['formula', 'rollup', 'autonumber'].includes(field.type)) return false;
    const schema = field.jsonSchema as { readOnly?: boolean; format?: string; type?: string } | null;
    if (schema?.readOnly) return false;
    // One-to-many relations (a company's deals) are filled from the other side.
    const settings = field.settings as { many?: boolean; inverse?: string } | null;
    return !(field.type === 'relation' && settings?.many && settings.inverse);
  });
}

/** "Close date", "close_date", "closeDate", "CLOSE-DATE" are one key. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Matches each column to a field by label or name (in the user's language), leaving a column unmapped rather
 * than guessing twice: a field is given to the first column that matches it.
 */
export function autoMap(header: readonly string[], fields: readonly WorkspaceField[]): (string | undefined)[] {
  const byKey = new Map<string, string>();
  for (const field of fields) {
    for (const key of [matchKey(field.label), matchKey(field.name)])
      if (key && !byKey.has(key)) byKey.set(key, field.name);
  }
  const taken = new Set<string>();
  return header.map((column) => {
    const field = byKey.get(matchKey(column));
    if (!field || taken.has(field)) return undefined;
    taken.add(field);
    return field;
  });
}

const DATE = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})/;

/**
 * The day/month order of a date column, from its samples: a first part above 12 means day first, a second part
 * above 12 means month first (`10/20/2016`), a four-digit first part is ISO. Undecided samples default to the
 * user's language's habit (month first in US English, day first elsewhere).
 */
export function guessDateOrder(samples: readonly string[], language: string): DateOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const sample of samples) {
    const match = DATE.exec(sample.trim());
    if (!match) continue;
    if (match[1]!.length === 4) return 'YMD';
    if (Number(match[1]) > 12) dayFirst++;
    if (Number(match[2]) > 12) monthFirst++;
  }
  if (monthFirst > dayFirst) return 'MDY';
  if (dayFirst > monthFirst) return 'DMY';
  return language === 'en' ? 'MDY' : 'DMY';
}

/** The kind of value a field takes, from its JSON Schema (as the server reads cells). */
export function valueKind(field: WorkspaceField): 'date' | 'money' | 'option' | 'record' | 'other' {
  const schema = (field.jsonSchema ?? {}) as {
    type?: string;
    format?: string;
    enum?: unknown;
    items?: { enum?: unknown; format?: string };
    properties?: Record<string, unknown>;
  };
  if (field.name === 'owner' || field.type === 'relation') return 'record';
  if (schema.format === 'date' || schema.format === 'date-time') return 'date';
  if (schema.type === 'object' && schema.properties?.amount && schema.properties.currency) return 'money';
  if (schema.enum || schema.items?.enum) return 'option';
  return 'other';
}

/** The first mapping of a file: columns matched to fields, date orders guessed, currency from the field. */
export function initialMapping(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  fields: readonly WorkspaceField[],
  language: string,
  defaultCurrency: string,
): ColumnMapping[] {
  const matched = autoMap(header, fields);
  return header.map((column, i) => {
    const field = fields.find((f) => f.name === matched[i]);
    if (!field) return { column };
    const kind = valueKind(field);
    const samples = rows.map((r) => r[i] ?? '').filter(Boolean);
    return {
      column,
      field: field.name,
      ...(kind === 'date' ? { dateOrder: guessDateOrder(samples, language) } : {}),
      ...(kind === 'money'
        ? { currency: ((field.settings as { currency?: string } | null)?.currency ?? defaultCurrency).toUpperCase() }
        : {}),
    };
  });
}
