import { compile } from '../sql/sql';
import { compileCondition } from './compile';
import { parseCondition } from './parse';
import { ARRAY, EQUALITY, ORDERED, TEXTUAL, type Operator } from './operators';
import type { ConditionTarget, RelationField, RelationJoin, TargetField, ValueKind } from './target';

function scalar(name: string, valueKind: ValueKind, operators: readonly Operator[], column = name): TargetField {
  return { kind: 'scalar', name, column, valueKind, operators };
}
function link(name: string, cardinality: 'one' | 'many', join: RelationJoin, to: () => ConditionTarget): RelationField {
  return { kind: 'relation', name, cardinality, join, target: to };
}
function target(object: string, fields: TargetField[], deletedColumn?: string): ConditionTarget {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return { object, schema: 'ws', table: object, idColumn: 'id', deletedColumn, field: (n) => byName.get(n) };
}

const id = scalar('id', 'uuid', ORDERED);
const company: ConditionTarget = target(
  'company',
  [
    id,
    scalar('name', 'text', TEXTUAL),
    link('deals', 'many', { kind: 'inverse', targetColumn: 'company_id' }, () => deal),
  ],
  'deletedAt',
);
const contact: ConditionTarget = target('contact', [id, scalar('name', 'text', TEXTUAL)]);
const deal: ConditionTarget = target(
  'deal',
  [
    id,
    scalar('title', 'text', TEXTUAL),
    scalar('amount', 'number', ORDERED),
    scalar('won', 'boolean', EQUALITY),
    scalar('closeDate', 'date', ORDERED, 'close_date'),
    scalar('closedAt', 'datetime', ORDERED),
    scalar('tags', 'textArray', ARRAY),
    link('company', 'one', { kind: 'foreignKey', column: 'company_id' }, () => company),
    link(
      'contacts',
      'many',
      { kind: 'junction', schema: 'ws', table: 'deal_contact', sourceColumn: 'deal', targetColumn: 'contact' },
      () => contact,
    ),
  ],
  'deletedAt',
);

const UUID = '0b7e4c1a-3d9f-4a52-8c61-2f0e9d8b7a65';

function sqlOf(condition: unknown, alias = 't0') {
  return compile(compileCondition(parseCondition(condition, deal, { syntax: 'mongo' }), alias));
}

describe('compileCondition', () => {
  it.each<[string, unknown, string, unknown[]]>([
    ['eq number', { amount: 12.5 }, '"t0"."amount" = $1::numeric', [12.5]],
    ['eq whole number as bigint', { amount: 12 }, '"t0"."amount" = $1::bigint', [12]],
    ['eq text', { title: 'Deal' }, '"t0"."title" = $1::text', ['Deal']],
    ['eq date', { closeDate: '2024-02-29' }, '"t0"."close_date" = $1::date', ['2024-02-29']],
    [
      'eq datetime',
      { closedAt: '2024-05-01T09:30:00+04:00' },
      '"t0"."closedAt" = $1::timestamptz',
      ['2024-05-01T05:30:00.000Z'],
    ],
    ['eq uuid', { id: UUID }, '"t0"."id" = $1::uuid', [UUID]],
    ['eq boolean', { won: false }, '"t0"."won" = $1::boolean', [false]],
    ['eq null', { won: null }, '"t0"."won" IS NULL', []],
    ['neq', { won: { $ne: true } }, '"t0"."won" IS DISTINCT FROM $1::boolean', [true]],
    ['neq null', { won: { $neq: null } }, '"t0"."won" IS NOT NULL', []],
    ['in', { amount: { $in: [1, 2] } }, '"t0"."amount" = ANY($1::bigint[])', [[1, 2]]],
    ['in decimals', { amount: { $in: [1, 2.5] } }, '"t0"."amount" = ANY($1::numeric[])', [[1, 2.5]]],
    ['in empty', { amount: { $in: [] } }, 'FALSE', []],
    ['nin', { title: { $nin: ['a'] } }, '("t0"."title" IS NULL OR NOT ("t0"."title" = ANY($1::text[])))', [['a']]],
    ['nin empty', { title: { $nin: [] } }, 'TRUE', []],
    ['gt', { amount: { $gt: -1.5 } }, '"t0"."amount" > $1::numeric', [-1.5]],
    ['gte', { closeDate: { $gte: '2024-01-01' } }, '"t0"."close_date" >= $1::date', ['2024-01-01']],
    ['lt', { title: { $lt: 'm' } }, '"t0"."title" < $1::text', ['m']],
    ['lte', { id: { $lte: UUID } }, '"t0"."id" <= $1::uuid', [UUID]],
    ['contains escapes LIKE', { title: { $contains: '5%_a\\' } }, '"t0"."title" ILIKE $1::text', ['%5\\%\\_a\\\\%']],
    ['startsWith', { title: { $startsWith: 'Ab' } }, '"t0"."title" ILIKE $1::text', ['Ab%']],
    ['isNull true', { amount: { $isNull: true } }, '"t0"."amount" IS NULL', []],
    ['isNull false', { amount: { $isNull: false } }, '"t0"."amount" IS NOT NULL', []],
    ['array contains', { tags: { $contains: 'vip' } }, '"t0"."tags" @> ARRAY[$1]::text[]', ['vip']],
    [
      'array eq',
      { tags: ['a', 'b'] },
      '("t0"."tags" @> $1::text[] AND "t0"."tags" <@ $2::text[])',
      [
        ['a', 'b'],
        ['a', 'b'],
      ],
    ],
    ['array isNull', { tags: { $isNull: true } }, '("t0"."tags" IS NULL OR cardinality("t0"."tags") = 0)', []],
    ['array not null', { tags: { $isNull: false } }, '("t0"."tags" IS NOT NULL AND cardinality("t0"."tags") > 0)', []],
    [
      'and / or',
      { $or: [{ won: true }, { amount: { $gt: 1, $lt: 9 } }] },
      '("t0"."won" = $1::boolean OR ("t0"."amount" > $2::bigint AND "t0"."amount" < $3::bigint))',
      [true, 1, 9],
    ],
  ])('%s', (_name, condition, text, values) => {
    expect(sqlOf(condition)).toEqual({ text, values });
  });

  it('keeps NOT two-valued where the inner SQL can be NULL, and plain where it cannot', () => {
    expect(sqlOf({ $not: { amount: { $gt: 5 } } })).toEqual({
      text: '("t0"."amount" > $1::bigint) IS NOT TRUE',
      values: [5],
    });
    expect(sqlOf({ $not: { amount: { $neq: 5 } } })).toEqual({
      text: 'NOT ("t0"."amount" IS DISTINCT FROM $1::bigint)',
      values: [5],
    });
    expect(sqlOf({ $not: { $and: [{ won: null }, { title: 'a' }] } }).text).toBe(
      '("t0"."won" IS NULL AND "t0"."title" = $1::text) IS NOT TRUE',
    );
    expect(sqlOf({ $not: { $not: { won: true } } }).text).toBe('"t0"."won" = $1::boolean');
  });

  it('compiles a foreign-key relation to EXISTS over live targets, and compares the key in place', () => {
    expect(sqlOf({ company: { name: 'Acme' } })).toEqual({
      text:
        'EXISTS (SELECT 1 FROM "ws"."company" AS "t1" WHERE "t1"."id" = "t0"."company_id" ' +
        'AND "t1"."deletedAt" IS NULL AND "t1"."name" = $1::text)',
      values: ['Acme'],
    });
    expect(sqlOf({ company: UUID })).toEqual({ text: '"t0"."company_id" = $1::uuid', values: [UUID] });
  });

  it('compiles an inverse relation, nested twice, with fresh aliases', () => {
    const node = parseCondition({ deals: { company: { name: { $startsWith: 'A' } } } }, company, {
      syntax: 'mongo',
    });
    expect(compile(compileCondition(node, 't0'))).toEqual({
      text:
        'EXISTS (SELECT 1 FROM "ws"."deal" AS "t1" WHERE "t1"."company_id" = "t0"."id" AND "t1"."deletedAt" IS NULL ' +
        'AND EXISTS (SELECT 1 FROM "ws"."company" AS "t2" WHERE "t2"."id" = "t1"."company_id" ' +
        'AND "t2"."deletedAt" IS NULL AND "t2"."name" ILIKE $1::text))',
      values: ['A%'],
    });
  });

  it('compiles a junction relation; "has none" is NOT EXISTS; aliases never reuse the outer one', () => {
    expect(sqlOf({ contacts: { name: 'Ann' } }, 't1')).toEqual({
      text:
        'EXISTS (SELECT 1 FROM "ws"."deal_contact" AS "t2" JOIN "ws"."contact" AS "t3" ON "t3"."id" = "t2"."contact" ' +
        'WHERE "t2"."deal" = "t1"."id" AND "t3"."name" = $1::text)',
      values: ['Ann'],
    });
    expect(sqlOf({ contacts: { $isNull: true } }).text).toBe(
      'NOT (EXISTS (SELECT 1 FROM "ws"."deal_contact" AS "t1" JOIN "ws"."contact" AS "t2" ' +
        'ON "t2"."id" = "t1"."contact" WHERE "t1"."deal" = "t0"."id"))',
    );
  });

  it('numbers aliases across sibling relations', () => {
    expect(sqlOf({ $or: [{ company: { name: 'a' } }, { company: { name: 'b' } }] }).text).toMatch(
      /AS "t1" .* AS "t2" /,
    );
  });
});
