/**
 * A tiny immutable SQL builder: fragments carry their text and their parameters together, so values can only
 * ever become bind parameters and identifiers can only enter through `ident` (validated and quoted).
 *
 * Terminology: a *fragment* is a piece of SQL with its own parameters; `compile` numbers the parameters
 * (`$1`, `$2`, …) once, at the end, so fragments compose freely.
 *
 * @example
 *   const q = sql`SELECT * FROM ${ident('ws_default', 'deal')} WHERE ${ident('amount')} > ${1000}`;
 *   compile(q) // { text: 'SELECT * FROM "ws_default"."deal" WHERE "amount" > $1', values: [1000] }
 */
export interface Fragment {
  readonly kind: 'fragment';
  readonly parts: readonly (string | Param)[];
}

interface Param {
  readonly kind: 'param';
  readonly value: unknown;
}

export interface CompiledQuery {
  readonly text: string;
  readonly values: unknown[];
}

/** PostgreSQL allows at most 65,535 bind parameters in one statement. */
export const MAX_BIND_PARAMETERS = 65535;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Fragments are recognised by identity, never by shape: a value that came from JSON input and looks like
 * `{ kind: 'fragment', parts: [...] }` is still just a value, and becomes a parameter.
 */
const FRAGMENTS = new WeakSet<object>();

function fragment(parts: readonly (string | Param)[]): Fragment {
  const made: Fragment = Object.freeze({ kind: 'fragment', parts: Object.freeze([...parts]) });
  FRAGMENTS.add(made);
  return made;
}

function isFragment(value: unknown): value is Fragment {
  return typeof value === 'object' && value !== null && FRAGMENTS.has(value);
}

/** Tagged template: interpolated fragments are spliced in, everything else becomes a parameter. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  const parts: (string | Param)[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push(text);
    if (i < values.length) {
      const value = values[i];
      if (isFragment(value)) parts.push(...value.parts);
      else parts.push({ kind: 'param', value });
    }
  });
  return fragment(parts);
}

/** Raw SQL text. Only for text the code itself wrote, never for anything that came from input or metadata. */
export function raw(text: string): Fragment {
  return fragment([text]);
}

export function param(value: unknown): Fragment {
  const part: Param = { kind: 'param', value };
  return fragment([part]);
}

/**
 * A quoted identifier, optionally schema-qualified. Identifiers are checked against a strict pattern
 * (letters, digits, underscore; at most 63 bytes) even though they are also quoted: metadata names are
 * validated when they enter, and this is the second line.
 */
export function ident(...names: string[]): Fragment {
  for (const name of names) {
    if (!IDENTIFIER.test(name)) throw new Error(`Unsafe SQL identifier: ${JSON.stringify(name)}`);
  }
  return raw(names.map((n) => `"${n}"`).join('.'));
}

export function join(fragments: readonly Fragment[], separator = ', '): Fragment {
  const parts: (string | Param)[] = [];
  fragments.forEach((fragment, i) => {
    if (i > 0 && separator) parts.push(separator);
    parts.push(...fragment.parts);
  });
  return fragment(parts);
}

export const empty: Fragment = raw('');

export function isEmpty(fragment: Fragment): boolean {
  return fragment.parts.every((p) => p === '');
}

export function compile(fragment: Fragment): CompiledQuery {
  let text = '';
  const values: unknown[] = [];
  for (const part of fragment.parts) {
    if (typeof part === 'string') text += part;
    else {
      values.push(part.value);
      text += `$${values.length}`;
    }
  }
  if (values.length > MAX_BIND_PARAMETERS) {
    throw new Error(`A statement may carry at most ${MAX_BIND_PARAMETERS} parameters; this one has ${values.length}`);
  }
  return { text, values };
}

/**
 * A fragment as SQL text with every value written as a quoted literal, for the one place parameters cannot
 * go: the body of a function the runtime creates (stored rollups' triggers). Values are what the runtime's
 * compilers produce (texts, finite numbers, booleans, null, arrays of them); anything else is refused
 * rather than guessed at.
 *
 * @example
 *   inlineSql(sql`"done" = ${false} AND "title" = ${"it's"}`) // `"done" = false AND "title" = 'it''s'`
 */
export function inlineSql(fragment: Fragment): string {
  return fragment.parts.map((part) => (typeof part === 'string' ? part : literal(part.value))).join('');
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as an SQL literal`);
    return String(value);
  }
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Error('Cannot write a text with a NUL character as an SQL literal');
    // standard_conforming_strings is on (the default since PostgreSQL 9.1): only quotes need doubling.
    return `'${value.replaceAll("'", "''")}'`;
  }
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]`;
  throw new Error(`Cannot write a ${typeof value} as an SQL literal`);
}
