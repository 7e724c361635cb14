/**
 * How values compare in memory, giving the answers PostgreSQL gives for the SQL `compileCondition` writes:
 *
 * - numbers compare as exact decimals (a `numeric` column reads back as a string like `"12.50"`, and
 *   `0.1000000000000000000001` is greater than `0.1`, which floating point would not see);
 * - text compares by Unicode code point, which is the order of the `C` and `C.UTF-8` collations Stratum's
 *   databases use (JavaScript's `<` compares UTF-16 code units, which differs above U+E000);
 * - case-insensitive matching lower-cases one code point at a time, as PostgreSQL's `ILIKE` does, rather
 *   than with JavaScript's context-sensitive `toLowerCase` of the whole string (Greek final sigma).
 */
import type { Scalar } from './nodes';
import type { ValueKind } from './target';
import { recordInstant } from './temporal';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal as sign, significant digits (no leading or trailing zeros) and the position of the point. */
interface Decimal {
  readonly sign: -1 | 0 | 1;
  readonly digits: string;
  /** The value is `0.<digits> × 10^point`. */
  readonly point: number;
}

function toDecimal(value: unknown): Decimal | undefined {
  const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const all = (m[2] ?? '') + (m[3] ?? '');
  const leading = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(leading).replace(/0+$/, '');
  if (digits === '') return { sign: 0, digits: '', point: 0 };
  const point = (m[2] ?? '').length + Number(m[4] ?? 0) - leading;
  return { sign: m[1] === '-' ? -1 : 1, digits, point };
}

function compareDecimals(a: Decimal, b: Decimal): number {
  if (a.sign !== b.sign) return a.sign - b.sign;
  if (a.sign === 0) return 0;
  let magnitude: number;
  if (a.point !== b.point) magnitude = a.point - b.point;
  else {
    const width = Math.max(a.digits.length, b.digits.length);
    const x = a.digits.padEnd(width, '0');
    const y = b.digits.padEnd(width, '0');
    magnitude = x === y ? 0 : x < y ? -1 : 1;
  }
  return Math.sign(magnitude) * a.sign;
}

/** Orders UTF-16 code units so that surrogate pairs sort above U+E000–U+FFFF, i.e. by code point. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/**
 * Lower-cases per code point with the simple (one-to-one) mapping, like `lower()` under `C.UTF-8`.
 * Where JavaScript's full mapping gives several code points (`İ` → `i̇`), the first is the simple mapping.
 */
export function foldCase(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    out += lower.length === char.length ? lower : String.fromCodePoint(lower.codePointAt(0) ?? 0);
  }
  return out;
}

function dateText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

function order<T extends string | number | boolean>(a: T, b: T): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Compares a record's (non-null) value with a condition's value: negative, zero or positive, or
 * undefined when the record's value is not of the expected kind (such a value equals nothing).
 */
export function compareValues(kind: ValueKind, recordValue: unknown, conditionValue: Scalar): number | undefined {
  switch (kind) {
    case 'number': {
      const a = toDecimal(recordValue);
      const b = toDecimal(conditionValue);
      return a && b ? compareDecimals(a, b) : undefined;
    }
    case 'text':
      return typeof recordValue === 'string' ? compareCodePoints(recordValue, String(conditionValue)) : undefined;
    case 'uuid':
      // Lower-case hex digits sort like the uuid's bytes, which is PostgreSQL's uuid order.
      return typeof recordValue === 'string' ? order(recordValue.toLowerCase(), String(conditionValue)) : undefined;
    case 'date': {
      const text = dateText(recordValue);
      return text === undefined ? undefined : order(text, String(conditionValue));
    }
    case 'datetime': {
      const a = recordInstant(recordValue);
      const b = recordInstant(conditionValue);
      return a === undefined || b === undefined ? undefined : order(a, b);
    }
    case 'boolean':
      return typeof recordValue === 'boolean' ? order(recordValue, conditionValue) : undefined;
    case 'textArray':
    case 'json':
      return undefined;
  }
}
