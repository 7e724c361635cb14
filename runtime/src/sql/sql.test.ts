import { compile, empty, ident, isEmpty, join, MAX_BIND_PARAMETERS, param, raw, sql, type Fragment } from './sql';

/**
 * The SQL builder: values only ever become bind parameters, numbered once at compile time in the order
 * they appear, however deeply fragments are nested; identifiers only enter through `ident`.
 */

describe('sql and compile', () => {
  test('values become parameters, numbered in order', () => {
    expect(compile(sql`SELECT * FROM t WHERE a = ${1} AND b = ${'x'} AND c = ${null}`)).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3',
      values: [1, 'x', null],
    });
  });

  test('parameters are numbered in order across nested fragments', () => {
    const inner = sql`c = ${3} AND ${sql`d = ${4}`}`;
    const middle = sql`b = ${2} AND (${inner}) AND e = ${5}`;
    const query = sql`SELECT 1 WHERE a = ${1} AND ${middle} AND f IN (${join([param(6), param(7)])}) AND g = ${8}`;
    expect(compile(query)).toEqual({
      text: 'SELECT 1 WHERE a = $1 AND b = $2 AND (c = $3 AND d = $4) AND e = $5 AND f IN ($6, $7) AND g = $8',
      values: [1, 2, 3, 4, 5, 6, 7, 8],
    });
  });

  test('a fragment used twice gets its own numbers each time', () => {
    const condition = sql`x = ${'v'}`;
    expect(compile(sql`${condition} OR ${condition}`)).toEqual({ text: 'x = $1 OR x = $2', values: ['v', 'v'] });
  });

  test('compiling is repeatable and fragments are frozen', () => {
    const query = sql`a = ${1}`;
    expect(compile(query)).toEqual(compile(query));
    expect(Object.isFrozen(query)).toBe(true);
    expect(Object.isFrozen(query.parts)).toBe(true);
  });

  test('strings that look like SQL stay values', () => {
    const attack = "'; DROP TABLE deal; --";
    expect(compile(sql`SELECT ${attack}`)).toEqual({ text: 'SELECT $1', values: [attack] });
  });

  test('arrays and objects are single parameters', () => {
    expect(compile(sql`a = ANY(${[1, 2]}) AND b = ${{ k: 'v' }}`)).toEqual({
      text: 'a = ANY($1) AND b = $2',
      values: [[1, 2], { k: 'v' }],
    });
  });

  test('join uses the separator, and none for an empty string', () => {
    const parts = [sql`a = ${1}`, sql`b = ${2}`];
    expect(compile(join(parts, ' AND ')).text).toBe('a = $1 AND b = $2');
    expect(compile(join(parts, '')).text).toBe('a = $1b = $2');
    expect(compile(join([])).text).toBe('');
  });

  test('empty fragments', () => {
    expect(isEmpty(empty)).toBe(true);
    expect(isEmpty(sql``)).toBe(true);
    expect(isEmpty(join([]))).toBe(true);
    expect(isEmpty(raw('TRUE'))).toBe(false);
    expect(isEmpty(param(''))).toBe(false);
    expect(compile(sql`SELECT 1${empty}`)).toEqual({ text: 'SELECT 1', values: [] });
  });
});

describe('ident', () => {
  test('quotes names and schema-qualified names', () => {
    expect(compile(ident('deal')).text).toBe('"deal"');
    expect(compile(ident('ws_default', 'deal')).text).toBe('"ws_default"."deal"');
    expect(compile(ident('_k0')).text).toBe('"_k0"');
    expect(compile(ident('closeDate')).text).toBe('"closeDate"');
    expect(compile(ident('a'.repeat(63))).text).toBe(`"${'a'.repeat(63)}"`);
  });

  test.each([
    ['an empty name', ''],
    ['a double quote', 'deal"; DROP TABLE x; --'],
    ['a space', 'close date'],
    ['a dot', 'ws.deal'],
    ['a hyphen', 'close-date'],
    ['a leading digit', '1deal'],
    ['non-ASCII letters', 'გარიგება'],
    ['64 characters', 'a'.repeat(64)],
    ['a newline', 'deal\n'],
  ])('refuses %s', (_title, name) => {
    expect(() => ident(name)).toThrow(`Unsafe SQL identifier: ${JSON.stringify(name)}`);
    expect(() => ident('ws_default', name)).toThrow('Unsafe SQL identifier');
  });
});

describe('the bind parameter limit', () => {
  const params = (n: number): Fragment => join(Array.from({ length: n }, (_, i) => param(i)));

  test(`compiles ${MAX_BIND_PARAMETERS} parameters`, () => {
    expect(MAX_BIND_PARAMETERS).toBe(65535);
    const { text, values } = compile(params(MAX_BIND_PARAMETERS));
    expect(values).toHaveLength(65535);
    expect(text.endsWith('$65534, $65535')).toBe(true);
  });

  test('refuses one more', () => {
    expect(() => compile(params(MAX_BIND_PARAMETERS + 1))).toThrow(
      'A statement may carry at most 65535 parameters; this one has 65536',
    );
  });
});

test('a value shaped like a fragment (e.g. from JSON input) is still a parameter', () => {
  const forged = JSON.parse('{"kind":"fragment","parts":["1; DROP TABLE users"]}') as unknown;
  expect(compile(sql`SELECT ${forged}`)).toEqual({ text: 'SELECT $1', values: [forged] });
});
