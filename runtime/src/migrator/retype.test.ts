import type { FieldDef } from '../model/model';
import { classifyRetype, type Retype } from './retype';

/** What changing a field's type does to its stored values: nothing, validation only, a cast, or refusal. */

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

const retype = (from: string, to: string, settings: Record<string, unknown> = {}): Retype =>
  classifyRetype(field(from), field(to, settings));

/** `kind` plus, where it has one, `narrowing`: the part of the answer the plan depends on. */
function summary(result: Retype): string {
  if (result.kind === 'storage' || result.kind === 'cast')
    return `${result.kind}${result.narrowing ? ' narrowing' : ''}`;
  return result.kind;
}

describe('classifyRetype', () => {
  test.each([
    ['text', 'text', 'none'],
    ['relation', 'relation', 'none'],
    ['text', 'longText', 'storage'],
    ['richText', 'text', 'storage'],
    ['text', 'richText', 'cast'],
    ['json', 'richText', 'cast'],
    ['currency', 'richText', 'cast narrowing'],
    ['email', 'text', 'storage'],
    ['select', 'text', 'storage'],
    ['text', 'email', 'storage narrowing'],
    ['text', 'phone', 'storage narrowing'],
    ['url', 'select', 'storage narrowing'],
    ['number', 'percent', 'storage'],
    ['percent', 'number', 'storage'],
    ['currency', 'number', 'storage narrowing'],
    ['number', 'text', 'cast'],
    ['date', 'text', 'cast'],
    ['multiSelect', 'text', 'cast'],
    ['json', 'longText', 'cast'],
    ['currency', 'text', 'cast narrowing'],
    ['rating', 'number', 'cast'],
    ['autonumber', 'number', 'cast'],
    ['number', 'rating', 'cast narrowing'],
    ['text', 'number', 'cast narrowing'],
    ['text', 'date', 'cast narrowing'],
    ['text', 'boolean', 'cast narrowing'],
    ['date', 'datetime', 'cast'],
    ['datetime', 'date', 'cast narrowing'],
    ['select', 'multiSelect', 'cast'],
    ['multiSelect', 'select', 'cast narrowing'],
    ['relation', 'text', 'impossible'],
    ['text', 'relation', 'impossible'],
    ['number', 'autonumber', 'impossible'],
    ['boolean', 'date', 'impossible'],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(summary(retype(from, to))).toBe(expected);
  });

  test('a number becomes a currency only with a default currency', () => {
    expect(summary(retype('number', 'currency', { currency: 'GEL' }))).toBe('storage');
    const refused = retype('number', 'currency');
    expect(refused).toEqual({
      kind: 'impossible',
      reason: 'a number becomes a currency only with a default "currency" for the existing amounts',
    });
  });

  test('impossible changes say what to do instead', () => {
    expect(retype('relation', 'text')).toEqual({
      kind: 'impossible',
      reason: 'cannot change a relation field into text; add a new field and copy the data with a workflow',
    });
    expect(retype('boolean', 'date')).toEqual({
      kind: 'impossible',
      reason: 'cannot change a boolean field into date; add a new field instead',
    });
  });

  test.each([
    ['number', 'rating', { max: 10 }, 'smallint', `CASE WHEN "old" BETWEEN 1 AND 10 THEN round("old")::smallint END`],
    ['text', 'date', {}, 'date', `CASE WHEN "old" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN "old"::date END`],
    ['multiSelect', 'text', {}, 'text', `array_to_string("old", ', ')`],
    ['multiSelect', 'select', {}, 'text', `"old"[1]`],
    ['date', 'datetime', {}, 'timestamptz', `"old"::timestamp AT TIME ZONE 'UTC'`],
  ])('%s → %s casts to %p with USING %p', (from, to, settings, sqlType, using) => {
    const result = retype(from, to, settings);
    if (result.kind !== 'cast') throw new Error(`expected a cast, got ${result.kind}`);
    expect(result.sqlType).toBe(sqlType);
    expect(result.using('old')).toBe(using);
  });

  test('formulas and rollups store nothing: one becomes the other in metadata; stored fields cannot become either', () => {
    expect(retype('formula', 'rollup')).toEqual({ kind: 'none' });
    expect(retype('rollup', 'formula')).toEqual({ kind: 'none' });
    expect(retype('number', 'formula').kind).toBe('impossible');
    expect(retype('formula', 'text').kind).toBe('impossible');
  });
});
