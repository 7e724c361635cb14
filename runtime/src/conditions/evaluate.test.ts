import { evaluateCondition, type EvaluationRecord } from './evaluate';
import { parseCondition } from './parse';
import { ARRAY, EQUALITY, ORDERED, TEXTUAL, type Operator } from './operators';
import type { ConditionTarget, RelationField, RelationJoin, TargetField, ValueKind } from './target';

function scalar(name: string, valueKind: ValueKind, operators: readonly Operator[]): TargetField {
  return { kind: 'scalar', name, column: `${name}_col`, valueKind, operators };
}
function link(name: string, cardinality: 'one' | 'many', join: RelationJoin, to: () => ConditionTarget): RelationField {
  return { kind: 'relation', name, cardinality, join, target: to };
}
function target(object: string, fields: TargetField[]): ConditionTarget {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return {
    object,
    schema: 'ws',
    table: object,
    idColumn: 'id',
    deletedColumn: 'deletedAt',
    field: (n) => byName.get(n),
  };
}

const id = scalar('id', 'uuid', ORDERED);
const company: ConditionTarget = target('company', [id, scalar('name', 'text', TEXTUAL)]);
const deal: ConditionTarget = target('deal', [
  id,
  scalar('title', 'text', TEXTUAL),
  scalar('amount', 'number', ORDERED),
  scalar('won', 'boolean', EQUALITY),
  scalar('closeDate', 'date', ORDERED),
  scalar('closedAt', 'datetime', ORDERED),
  scalar('tags', 'textArray', ARRAY),
  link('company', 'one', { kind: 'foreignKey', column: 'company_id' }, () => company),
  link('contacts', 'many', { kind: 'inverse', targetColumn: 'deal' }, () => company),
]);

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

function matches(condition: unknown, record: EvaluationRecord): boolean {
  return evaluateCondition(parseCondition(condition, deal, { syntax: 'mongo' }), record);
}

describe('evaluateCondition', () => {
  it('compares numbers as exact decimals, from numbers or numeric strings', () => {
    expect(matches({ amount: 12.5 }, { amount: '12.50' })).toBe(true);
    expect(matches({ amount: { $gt: 0.1 } }, { amount: '0.1000000000000000000001' })).toBe(true);
    expect(matches({ amount: { $gt: 0.1 } }, { amount: 0.1 })).toBe(false);
    expect(matches({ amount: { $lt: -2 } }, { amount: '-10' })).toBe(true);
    expect(matches({ amount: { $gte: 1e21 } }, { amount: '1000000000000000000000' })).toBe(true);
    expect(matches({ amount: { $in: [0, 3] } }, { amount: '-0.00' })).toBe(true);
  });

  it('matches text case-insensitively, with % and _ meaning themselves', () => {
    expect(matches({ title: { $contains: 'ПРИ' } }, { title: 'привет' })).toBe(true);
    expect(matches({ title: { $startsWith: 'ᲒᲐ' } }, { title: 'გამარჯობა' })).toBe(true);
    expect(matches({ title: { $contains: '5%' } }, { title: 'up 5% now' })).toBe(true);
    expect(matches({ title: { $contains: '5%' } }, { title: 'up 50 now' })).toBe(false);
    expect(matches({ title: { $contains: 'a_c' } }, { title: 'abc' })).toBe(false);
    expect(matches({ title: { $contains: 'Σ' } }, { title: 'ΟΔΟΣ' })).toBe(true);
    expect(matches({ title: 'Abc' }, { title: 'abc' })).toBe(false);
  });

  it('orders text by code point', () => {
    expect(matches({ title: { $lt: 'a' } }, { title: 'Z' })).toBe(true);
    expect(matches({ title: { $gt: 'z' } }, { title: 'а' })).toBe(true);
    expect(matches({ title: { $gt: '\uE000' } }, { title: '😀' })).toBe(true);
    expect(matches({ title: { $gt: 'ab' } }, { title: 'abc' })).toBe(true);
  });

  it('compares dates, instants and uuids', () => {
    expect(matches({ closeDate: { $lte: '2024-02-29' } }, { closeDate: '2024-02-28' })).toBe(true);
    const at = { closedAt: new Date('2024-05-01T05:30:00Z') };
    expect(matches({ closedAt: '2024-05-01T09:30:00+04:00' }, at)).toBe(true);
    expect(matches({ closedAt: { $gt: '2024-05-01T05:29:59.999Z' } }, { closedAt: '2024-05-01T05:30:00Z' })).toBe(true);
    expect(matches({ id: A.toUpperCase() }, { id: A })).toBe(true);
    expect(matches({ id: { $lt: B } }, { id: A })).toBe(true);
  });

  it('gives NULL the SQL answers: only neq, nin, isNull and not match it', () => {
    const empty = { amount: null };
    expect(matches({ amount: 1 }, empty)).toBe(false);
    expect(matches({ amount: { $gt: 1 } }, empty)).toBe(false);
    expect(matches({ amount: { $in: [1] } }, empty)).toBe(false);
    expect(matches({ amount: { $neq: 1 } }, empty)).toBe(true);
    expect(matches({ amount: { $nin: [1] } }, empty)).toBe(true);
    expect(matches({ amount: null }, {})).toBe(true);
    expect(matches({ $not: { amount: { $gt: 1 } } }, empty)).toBe(true);
    expect(matches({ won: { $ne: true } }, { won: false })).toBe(true);
    expect(matches({ amount: { $in: [] } }, { amount: 1 })).toBe(false);
    expect(matches({ amount: { $nin: [] } }, empty)).toBe(true);
  });

  it('treats multi-selects as sets, and an empty one like NULL', () => {
    expect(matches({ tags: { $contains: 'vip' } }, { tags: ['new', 'vip'] })).toBe(true);
    expect(matches({ tags: { $contains: 'VIP' } }, { tags: ['vip'] })).toBe(false);
    expect(matches({ tags: ['b', 'a'] }, { tags: ['a', 'b', 'a'] })).toBe(true);
    expect(matches({ tags: ['a'] }, { tags: ['a', 'b'] })).toBe(false);
    expect(matches({ tags: { $isNull: true } }, { tags: [] })).toBe(true);
    expect(matches({ tags: [] }, { tags: null })).toBe(true);
    expect(matches({ tags: { $isNull: false } }, { tags: ['x'] })).toBe(true);
  });

  it('reads a to-one relation as an id or as the related record, skipping deleted ones', () => {
    const acme = { id: A, name: 'Acme', deletedAt: null };
    expect(matches({ company: A }, { company: A })).toBe(true);
    expect(matches({ company: A }, { company: acme })).toBe(true);
    expect(matches({ company: { $nin: [A] } }, { company: null })).toBe(true);
    expect(matches({ company: { name: { $startsWith: 'ac' } } }, { company: acme })).toBe(true);
    expect(matches({ company: {} }, { company: null })).toBe(false);
    const gone = { ...acme, deletedAt: new Date() };
    expect(matches({ company: {} }, { company: gone })).toBe(false);
    expect(matches({ company: A }, { company: gone })).toBe(true);
  });

  it('reads a to-many relation as a list: some live related record matches', () => {
    const contacts = [
      { id: A, name: 'Ann', deletedAt: new Date() },
      { id: B, name: 'Bob', deletedAt: null },
    ];
    expect(matches({ contacts: { name: 'Bob' } }, { contacts })).toBe(true);
    expect(matches({ contacts: { name: 'Ann' } }, { contacts })).toBe(false);
    expect(matches({ contacts: { $isNull: true } }, { contacts: [] })).toBe(true);
    expect(matches({ contacts: { $isNull: true } }, { contacts: [contacts[0]] })).toBe(true);
    expect(matches({ contacts: { $isNull: false } }, { contacts })).toBe(true);
  });

  it('refuses to guess when related records were not loaded', () => {
    expect(() => matches({ contacts: { name: 'Bob' } }, {})).toThrow(/has no "contacts"/);
    expect(() => matches({ company: { name: 'Acme' } }, { company: A })).toThrow(/holds an id/);
  });
});
