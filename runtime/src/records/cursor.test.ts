import { StratumError } from '../errors';
import { compile } from '../sql/sql';
import { afterCursor, cursorValues, decodeCursor, encodeCursor, orderByClause } from './cursor';
import type { SortKey } from './order';

/**
 * Keyset cursors: the last row's sort-key values, tied to the ordering they came from, and the predicate
 * that selects the rows strictly after them (NULLs last ascending, first descending, as ORDER BY puts them).
 */

const amountAsc: SortKey[] = [
  { column: 'amount', direction: 'ASC', sqlType: 'numeric' },
  { column: 'id', direction: 'ASC', sqlType: 'uuid' },
];
const closeDateDesc: SortKey[] = [
  { column: 'closeDate', direction: 'DESC', sqlType: 'date' },
  { column: 'id', direction: 'DESC', sqlType: 'uuid' },
];
const ID = '0190f0a2-8b3c-7d4e-9f00-112233445566';

/** The error decodeCursor throws for `cursor`, or a failure when it decodes. */
function refusal(keys: readonly SortKey[], cursor: string, path?: string): StratumError {
  try {
    decodeCursor(keys, cursor, path);
  } catch (error) {
    if (error instanceof StratumError) return error;
    throw error;
  }
  throw new Error(`expected ${cursor} to be refused`);
}

describe('encodeCursor and decodeCursor', () => {
  test('round-trip the values exactly, nulls included', () => {
    const values = ['1234.50', null];
    const cursor = encodeCursor(amountAsc, values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(amountAsc, cursor)).toEqual(values);
    const instant = ['2026-03-01 06:00:00.123456+00', ID];
    expect(decodeCursor(closeDateDesc, encodeCursor(closeDateDesc, instant))).toEqual(instant);
    expect(decodeCursor(amountAsc, encodeCursor(amountAsc, ['Тбилиси ✓ თბილისი', ID]))).toEqual([
      'Тбилиси ✓ თბილისი',
      ID,
    ]);
  });

  test('a cursor from another ordering is refused at `after`', () => {
    const cursor = encodeCursor(amountAsc, ['10', ID]);
    const descending: SortKey[] = amountAsc.map((k) => ({ ...k, direction: 'DESC' }));
    for (const keys of [closeDateDesc, descending]) {
      const error = refusal(keys, cursor);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.problems).toEqual([{ path: 'after', message: 'belongs to a list with another order' }]);
    }
  });

  test.each([
    ['not base64 JSON', '!!!'],
    ['empty', ''],
    ['truncated', encodeCursor(amountAsc, ['10', ID]).slice(0, -4)],
    ['JSON null', Buffer.from('null').toString('base64url')],
    ['a number', Buffer.from('5').toString('base64url')],
    ['too few values', encodeCursor(amountAsc.slice(0, 1), ['10'])],
    ['a value that is not text', Buffer.from(JSON.stringify({ o: 'x', v: [10, ID] })).toString('base64url')],
    ['no values', Buffer.from(JSON.stringify({ o: 'x' })).toString('base64url')],
  ])('a tampered cursor (%s) is refused at `after`', (_title, cursor) => {
    const error = refusal(amountAsc, cursor);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.problems).toEqual([{ path: 'after', message: 'is not a cursor from this list' }]);
  });

  test('a cursor with edited values but the right shape decodes (the values are parameters, never SQL)', () => {
    const cursor = encodeCursor(amountAsc, ['10', ID]);
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: string; v: string[] };
    const edited = Buffer.from(JSON.stringify({ o: payload.o, v: ["1'; DROP TABLE deal; --", ID] })).toString(
      'base64url',
    );
    const values = decodeCursor(amountAsc, edited);
    expect(compile(afterCursor(amountAsc, values, 't')).values).toContain("1'; DROP TABLE deal; --");
  });

  test('a cursor with a forged fingerprint is refused', () => {
    const forged = Buffer.from(JSON.stringify({ o: 'AAAAAAAA', v: ['10', ID] })).toString('base64url');
    expect(refusal(amountAsc, forged).problems).toEqual([
      { path: 'after', message: 'belongs to a list with another order' },
    ]);
  });

  test('the path can name a nested argument', () => {
    expect(refusal(amountAsc, '!!!', 'viewings.after').path).toBe('viewings.after');
  });
});

describe('afterCursor', () => {
  test('ascending, non-null values', () => {
    expect(compile(afterCursor(amountAsc, ['10.50', ID], 't'))).toEqual({
      text:
        '(((t."amount" > $1::numeric OR t."amount" IS NULL)) OR ' +
        '(t."amount" = $2::numeric AND (t."id" > $3::uuid OR t."id" IS NULL)))',
      values: ['10.50', '10.50', ID],
    });
  });

  test('ascending, the last row had no value (only NULL rows with a later id follow)', () => {
    expect(compile(afterCursor(amountAsc, [null, ID], 't'))).toEqual({
      text: '((t."amount" IS NULL AND (t."id" > $1::uuid OR t."id" IS NULL)))',
      values: [ID],
    });
  });

  test('descending, non-null values', () => {
    expect(compile(afterCursor(closeDateDesc, ['2026-11-24', ID], 'r'))).toEqual({
      text: '((r."closeDate" < $1::date) OR (r."closeDate" = $2::date AND r."id" < $3::uuid))',
      values: ['2026-11-24', '2026-11-24', ID],
    });
  });

  test('descending, the last row had no value (every non-null row follows)', () => {
    expect(compile(afterCursor(closeDateDesc, [null, ID], 'r'))).toEqual({
      text: '((r."closeDate" IS NOT NULL) OR (r."closeDate" IS NULL AND r."id" < $1::uuid))',
      values: [ID],
    });
  });

  test('mixed directions over three keys', () => {
    const keys: SortKey[] = [
      { column: 'stage', direction: 'ASC', sqlType: 'text' },
      { column: 'amount', direction: 'DESC', sqlType: 'numeric' },
      { column: 'id', direction: 'ASC', sqlType: 'uuid' },
    ];
    expect(compile(afterCursor(keys, ['won', null, ID], 'd'))).toEqual({
      text:
        '(((d."stage" > $1::text OR d."stage" IS NULL)) OR ' +
        '(d."stage" = $2::text AND d."amount" IS NOT NULL) OR ' +
        '(d."stage" = $3::text AND d."amount" IS NULL AND (d."id" > $4::uuid OR d."id" IS NULL)))',
      values: ['won', 'won', 'won', ID],
    });
  });

  test('nothing follows a single ascending NULL key', () => {
    expect(compile(afterCursor([{ column: 'amount', direction: 'ASC', sqlType: 'numeric' }], [null], 't'))).toEqual({
      text: 'FALSE',
      values: [],
    });
  });

  test('a column that is not an identifier is refused', () => {
    expect(() => afterCursor([{ column: 'a"b', direction: 'ASC', sqlType: 'text' }], ['x'], 't')).toThrow(
      'Unsafe SQL identifier',
    );
  });
});

describe('cursor columns and ORDER BY', () => {
  test('take each key of a row as text, in order, keeping NULL', () => {
    expect(cursorValues(amountAsc, { amount: '12.50', id: 'a1', title: 'x' })).toEqual(['12.50', 'a1']);
    expect(cursorValues(amountAsc, { amount: null, id: 'a1' })).toEqual([null, 'a1']);
    expect(cursorValues([{ column: 'score', direction: 'ASC', sqlType: 'smallint' }], { score: 4 })).toEqual(['4']);
  });

  test('order by the keys with their directions', () => {
    expect(compile(orderByClause(closeDateDesc, 't'))).toEqual({
      text: 't."closeDate" DESC, t."id" DESC',
      values: [],
    });
  });
});
