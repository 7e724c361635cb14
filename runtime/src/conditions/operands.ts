/**
 * Reading one operator's value (`$gte: 1000`, `in: ['won']`) into a comparison node: checks the value
 * against the field's kind of value and normalises it (datetimes to canonical UTC text, uuids to lower
 * case), so that SQL and memory see the very same value.
 */
import { comparison, type ComparisonNode, type FieldRef, type Scalar } from './nodes';
import type { Operator } from './operators';
import type { ValueKind } from './target';
import { isDate, readInstant } from './temporal';

/** Operators each kind of value supports at all; a field may allow fewer (`ScalarField.operators`). */
const KIND_OPERATORS: Readonly<Record<ValueKind, readonly Operator[]>> = {
  text: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'isNull'],
  number: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'isNull'],
  date: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'isNull'],
  datetime: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'isNull'],
  uuid: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'isNull'],
  boolean: ['eq', 'neq', 'in', 'nin', 'isNull'],
  textArray: ['contains', 'eq', 'isNull'],
  json: ['isNull'],
};

/** The operators a field accepts: those it declares that its kind of value supports. */
export function operatorsFor(declared: readonly Operator[], kind: ValueKind): readonly Operator[] {
  return declared.filter((operator) => KIND_OPERATORS[kind].includes(operator));
}

const EXPECTED: Readonly<Record<ValueKind, string>> = {
  text: 'a string',
  number: 'a finite number',
  boolean: 'true or false',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date-time with a time zone (ISO 8601, e.g. 2024-05-01T09:30:00Z)',
  uuid: 'a uuid',
  textArray: 'a list of strings',
  json: 'null',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A lone surrogate cannot be encoded as UTF-8: the driver would replace it and SQL would see another string.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

function readText(raw: unknown): Read<string> {
  if (typeof raw !== 'string') return fail(`must be ${EXPECTED.text}`);
  if (raw.includes('\u0000')) return fail('must not contain the NUL character');
  if (LONE_SURROGATE.test(raw)) return fail('must be valid Unicode text');
  return ok(raw);
}

/** One value of a kind, normalised. */
function readScalar(kind: ValueKind, raw: unknown): Read<Scalar> {
  const expected = fail(`must be ${EXPECTED[kind]}`);
  switch (kind) {
    case 'text':
      return readText(raw);
    case 'number':
      // -0 becomes 0: both drivers would send "0" anyway.
      return typeof raw === 'number' && Number.isFinite(raw) ? ok(raw === 0 ? 0 : raw) : expected;
    case 'boolean':
      return typeof raw === 'boolean' ? ok(raw) : expected;
    case 'date':
      return typeof raw === 'string' && isDate(raw) ? ok(raw) : expected;
    case 'datetime': {
      const text = readInstant(raw);
      return text === undefined ? expected : ok(text);
    }
    case 'uuid':
      return typeof raw === 'string' && UUID.test(raw) ? ok(raw.toLowerCase()) : expected;
    case 'textArray':
    case 'json':
      return expected;
  }
}

/** A problem with a value, at a path relative to the operator (`[2]` for the third item of a list). */
interface Failure {
  readonly ok: false;
  readonly path: string;
  readonly message: string;
}

function readList(kind: ValueKind, raw: unknown): { readonly ok: true; readonly value: Scalar[] } | Failure {
  if (!Array.isArray(raw)) return { ok: false, path: '', message: 'must be a list' };
  const values: Scalar[] = [];
  for (const [i, item] of raw.entries()) {
    const read = readScalar(kind, item);
    if (!read.ok) return { ok: false, path: `[${i}]`, message: read.message };
    values.push(read.value);
  }
  return { ok: true, value: values };
}

/** A comparison node, or what is wrong with the value and where. */
export type OperandResult = { readonly ok: true; readonly node: ComparisonNode } | Failure;

/**
 * Reads `raw` as the value of `operator` on `field`. `eq null` and `neq null` become `isNull`; `eq []`
 * on a text array becomes `isNull: true` (an empty multi-select and a NULL one are the same: nothing
 * chosen).
 */
export function readOperand(field: FieldRef, operator: Operator, raw: unknown): OperandResult {
  const kind = field.valueKind;
  const map = <T>(read: Read<T>, make: (value: T) => ComparisonNode): OperandResult =>
    read.ok ? { ok: true, node: make(read.value) } : { ok: false, path: '', message: read.message };
  switch (operator) {
    case 'isNull':
      return map(typeof raw === 'boolean' ? ok(raw) : fail('must be true or false'), (v) =>
        comparison(field, 'isNull', v),
      );
    case 'eq':
    case 'neq':
      if (raw === null) return { ok: true, node: comparison(field, 'isNull', operator === 'eq') };
      if (kind === 'textArray' && operator === 'eq') {
        const list = readList('text', raw);
        if (!list.ok) return list.path ? list : { ...list, message: `must be ${EXPECTED.textArray}` };
        const strings = list.value as string[];
        return {
          ok: true,
          node: strings.length ? comparison(field, 'eq', strings) : comparison(field, 'isNull', true),
        };
      }
      return map(readScalar(kind, raw), (v) => comparison(field, operator, v));
    case 'in':
    case 'nin': {
      const list = readList(kind, raw);
      return list.ok ? { ok: true, node: comparison(field, operator, list.value) } : list;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return map(readScalar(kind, raw), (v) => comparison(field, operator, v));
    case 'contains':
    case 'startsWith':
      return map(readText(raw), (v) => comparison(field, operator, v));
  }
}
