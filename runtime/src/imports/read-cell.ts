import type { FieldType } from '../fields/field-type';
import { labelText, type FieldDef, type Label, type SelectOption } from '../model/model';
import { selectOptions } from '../fields/choice-types';
import type { DateOrder, RowErrorCode } from './import-types';

/**
 * How one cell's text becomes an API value for its field, decided from the field type's JSON Schema (the same
 * schema the generated forms use), so a plugin's field type imports without import code of its own. Pure: related
 * records are not looked up here, the cell's names are handed back to be resolved a chunk at a time.
 */
export type CellReading =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'empty' }
  | { readonly kind: 'lookup'; readonly names: readonly string[]; readonly many: boolean }
  | { readonly kind: 'error'; readonly code: RowErrorCode; readonly message: string };

export interface CellFormat {
  readonly dateOrder?: DateOrder | undefined;
  readonly currency?: string | undefined;
  /** More names of options (a pipeline's stage labels name the options of its stage field). */
  readonly optionLabels?: ReadonlyMap<string, readonly Label[]> | undefined;
}

/** A field prepared for reading many cells: its schema and options resolved once. */
export interface CellReader {
  read(text: string): CellReading;
}

const error = (code: RowErrorCode, message: string): CellReading => ({ kind: 'error', code, message });
const EMPTY: CellReading = { kind: 'empty' };

/** Splits list cells: `a; b`, `a, b` or `a | b`. */
export function splitList(text: string): string[] {
  const separator = text.includes(';') ? ';' : text.includes('|') ? '|' : ',';
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function cellReader(type: FieldType, field: FieldDef, format: CellFormat = {}): CellReader {
  const schema = type.jsonSchema(field) as JsonSchema;
  if (schema.type === 'string' && schema.enum) return optionReader(field, format.optionLabels);
  if (schema.type === 'array' && schema.items?.enum) return listReader(optionReader(field, format.optionLabels));
  if (schema.type === 'string' && schema.format === 'uuid') return lookupReader(false);
  if (schema.type === 'array' && schema.items?.format === 'uuid') return lookupReader(true);
  if (schema.type === 'string' && schema.format === 'date') return dateReader(format.dateOrder ?? 'YMD', false);
  if (schema.type === 'string' && schema.format === 'date-time') return dateReader(format.dateOrder ?? 'YMD', true);
  if (schema.type === 'number' || schema.type === 'integer') return numberReader();
  if (schema.type === 'boolean') return booleanReader();
  if (schema.type === 'object' && schema.properties?.amount && schema.properties.currency)
    return moneyReader(format.currency ?? (field.settings.currency as string | undefined));
  if (schema.type === 'object') return objectReader(schema);
  return { read: (text) => (text.trim() === '' ? EMPTY : { kind: 'value', value: text.trim() }) };
}

interface JsonSchema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
}

/** The normal form text is compared in: case, accents' composition and inner spacing do not count. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** An option is found by its value or by its label in any language (and by its stage's label). */
function optionReader(field: FieldDef, more?: ReadonlyMap<string, readonly Label[]>): CellReader {
  const byText = new Map<string, string>();
  const options: readonly SelectOption[] = selectOptions(field);
  for (const option of options) byText.set(normalizeText(option.value), option.value);
  for (const option of options) {
    for (const label of [option.label, ...(more?.get(option.value) ?? [])]) {
      const texts = typeof label === 'string' ? [label] : Object.keys(label).map((l) => labelText(label, l));
      for (const text of texts) if (!byText.has(normalizeText(text))) byText.set(normalizeText(text), option.value);
    }
  }
  return {
    read(text) {
      if (text.trim() === '') return EMPTY;
      const value = byText.get(normalizeText(text));
      return value === undefined
        ? error(
            'UNKNOWN_OPTION',
            `"${text.trim()}" is not one of the options (${options.map((o) => o.value).join(', ')})`,
          )
        : { kind: 'value', value };
    },
  };
}

function listReader(item: CellReader): CellReader {
  return {
    read(text) {
      const values: unknown[] = [];
      for (const part of splitList(text)) {
        const reading = item.read(part);
        if (reading.kind === 'error') return reading;
        if (reading.kind === 'value') values.push(reading.value);
      }
      return values.length ? { kind: 'value', value: values } : EMPTY;
    },
  };
}

function lookupReader(many: boolean): CellReader {
  return {
    read(text) {
      const names = many ? splitList(text) : [text.trim()].filter(Boolean);
      return names.length ? { kind: 'lookup', names, many } : EMPTY;
    },
  };
}

const DATE_PARTS =
  /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Dates in the column's order (`3/1/2017` is 1 March in MDY, 3 January in DMY); full ISO 8601 timestamps are
 * always understood. Datetimes without a zone are taken as UTC.
 */
function dateReader(order: DateOrder, withTime: boolean): CellReader {
  const what = withTime ? 'a date and time' : 'a date';
  const example = { YMD: '2017-03-01', MDY: '3/1/2017', DMY: '1.3.2017' }[order];
  return {
    read(text) {
      const trimmed = text.trim();
      if (trimmed === '') return EMPTY;
      const match = DATE_PARTS.exec(trimmed);
      if (!match) return error('INVALID_VALUE', `"${trimmed}" is not ${what} written like ${example}`);
      const [a, b, c] = [match[1]!, match[2]!, match[3]!];
      const [year, month, day] =
        a.length === 4 ? [a, b, c] : order === 'MDY' ? [c, a, b] : order === 'DMY' ? [c, b, a] : [a, b, c];
      const y = Number(year.length === 2 ? `20${year}` : year);
      const m = Number(month);
      const d = Number(day);
      const calendar = new Date(Date.UTC(y, m - 1, d));
      if (year.length < 2 || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d)
        return error('INVALID_VALUE', `"${trimmed}" is not ${what} written like ${example}`);
      const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (!withTime) return { kind: 'value', value: iso };
      const time = `${(match[4] ?? '0').padStart(2, '0')}:${match[5] ?? '00'}:${match[6] ?? '00'}`;
      const zone = match[7] ? match[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2').toUpperCase() : 'Z';
      const instant = new Date(`${iso}T${time}${zone}`);
      return Number.isNaN(instant.getTime())
        ? error('INVALID_VALUE', `"${trimmed}" is not ${what}`)
        : { kind: 'value', value: instant.toISOString() };
    },
  };
}

/**
 * Numbers as spreadsheets write them: `1054`, `1,054.50`, `1 054,50`, `-3.5`. A comma followed by exactly
 * three digits is a thousands separator unless a point follows; otherwise a lone comma is the decimal mark.
 */
export function parseNumber(text: string): number | undefined {
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (t === '') return undefined;
  const comma = t.lastIndexOf(',');
  const point = t.lastIndexOf('.');
  if (comma >= 0 && point >= 0) t = comma > point ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else if (comma >= 0) t = /^-?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

function numberReader(): CellReader {
  return {
    read(text) {
      if (text.trim() === '') return EMPTY;
      const n = parseNumber(text);
      return n === undefined ? error('INVALID_VALUE', `"${text.trim()}" is not a number`) : { kind: 'value', value: n };
    },
  };
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'да', 'კი', 'иә', 'ha', 'inde', 'x', '✓']);
const FALSE = new Set(['false', 'no', 'n', '0', 'нет', 'არა', 'жоқ', 'yoʻq', "yo'q", 'ayi', '']);

function booleanReader(): CellReader {
  return {
    read(text) {
      const t = normalizeText(text);
      if (text.trim() === '') return EMPTY;
      if (TRUE.has(t)) return { kind: 'value', value: true };
      if (FALSE.has(t)) return { kind: 'value', value: false };
      return error('INVALID_VALUE', `"${text.trim()}" is not yes or no`);
    },
  };
}

/** `1054`, `1,054.00 USD`, `USD 1054`, `$1054` (with the column's currency when the cell names none). */
function moneyReader(currency: string | undefined): CellReader {
  return {
    read(text) {
      const trimmed = text.trim();
      if (trimmed === '') return EMPTY;
      const code = /\b([A-Za-z]{3})\b/.exec(trimmed)?.[1]?.toUpperCase() ?? currency;
      const amount = parseNumber(trimmed.replace(/\b[A-Za-z]{3}\b/, '').replace(/[$€£₽₾₸]/g, ''));
      if (amount === undefined) return error('INVALID_VALUE', `"${trimmed}" is not an amount`);
      if (!code) return error('INVALID_VALUE', `"${trimmed}" names no currency: choose the column's currency`);
      return { kind: 'value', value: { amount, currency: code } };
    },
  };
}

/** Structured values (an address): JSON in the cell, or plain text for the first part (the street). */
function objectReader(schema: JsonSchema): CellReader {
  const first = Object.keys(schema.properties ?? {})[0];
  return {
    read(text) {
      const trimmed = text.trim();
      if (trimmed === '') return EMPTY;
      if (trimmed.startsWith('{')) {
        try {
          return { kind: 'value', value: JSON.parse(trimmed) as unknown };
        } catch {
          return error('INVALID_VALUE', 'is not valid JSON');
        }
      }
      return first ? { kind: 'value', value: { [first]: trimmed } } : error('INVALID_VALUE', 'must be JSON');
    },
  };
}
