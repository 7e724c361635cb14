import { isStratumError, type Problem } from '../errors';
import { MAX_DEPTH, MAX_NODES, parseCondition, type ParseOptions } from './parse';
import { comparison, FALSE, not, relation, TRUE, type FieldRef } from './nodes';
import { ARRAY, EQUALITY, NULL_ONLY, ORDERED, TEXTUAL, type Operator } from './operators';
import type { ConditionTarget, RelationField, RelationJoin, TargetField, ValueKind } from './target';

function scalar(name: string, valueKind: ValueKind, operators: readonly Operator[]): TargetField {
  return { kind: 'scalar', name, column: name, valueKind, operators };
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
const note: ConditionTarget = target('note', [id, scalar('body', 'text', TEXTUAL)]);
const companyField = link('company', 'one', { kind: 'foreignKey', column: 'company_id' }, () => company);
const contactsField = link(
  'contacts',
  'many',
  { kind: 'junction', schema: 'ws', table: 'deal_contacts', sourceColumn: 'deal', targetColumn: 'contact' },
  () => company,
);
const pinnedField = link('pinned', 'one', { kind: 'inverse', targetColumn: 'pinnedOn' }, () => note);
const deal: ConditionTarget = target('deal', [
  id,
  scalar('title', 'text', TEXTUAL),
  scalar('stage', 'text', EQUALITY),
  scalar('amount', 'number', ORDERED),
  scalar('won', 'boolean', EQUALITY),
  scalar('closeDate', 'date', ORDERED),
  scalar('closedAt', 'datetime', ORDERED),
  scalar('tags', 'textArray', ARRAY),
  scalar('data', 'json', NULL_ONLY),
  companyField,
  contactsField,
  pinnedField,
]);

const mongo: ParseOptions = { syntax: 'mongo' };
const api: ParseOptions = { syntax: 'api' };
const ref = (name: string, valueKind: ValueKind, column = name, reference = false): FieldRef => ({
  name,
  column,
  valueKind,
  reference,
});
const UUID = '0b7e4c1a-3d9f-4a52-8c61-2f0e9d8b7a65';

function problems(condition: unknown, options: ParseOptions = mongo): readonly Problem[] {
  try {
    parseCondition(condition, deal, options);
  } catch (error) {
    if (isStratumError(error) && error.code === 'BAD_USER_INPUT') return error.problems;
    throw error;
  }
  throw new Error('expected the condition to be refused');
}

describe('parseCondition (mongo syntax)', () => {
  it('reads bare values as $eq and null as $isNull', () => {
    expect(parseCondition({ stage: 'won' }, deal, mongo)).toEqual(comparison(ref('stage', 'text'), 'eq', 'won'));
    expect(parseCondition({ stage: null }, deal, mongo)).toEqual(comparison(ref('stage', 'text'), 'isNull', true));
  });

  it('reads operators, $ne as $neq, and $eq/$neq null as $isNull', () => {
    const amount = ref('amount', 'number');
    expect(parseCondition({ amount: { $gte: 1, $lt: 5 } }, deal, mongo)).toEqual({
      kind: 'and',
      nodes: [comparison(amount, 'gte', 1), comparison(amount, 'lt', 5)],
    });
    expect(parseCondition({ amount: { $ne: 3 } }, deal, mongo)).toEqual(comparison(amount, 'neq', 3));
    expect(parseCondition({ amount: { $eq: null } }, deal, mongo)).toEqual(comparison(amount, 'isNull', true));
    expect(parseCondition({ amount: { $neq: null } }, deal, mongo)).toEqual(comparison(amount, 'isNull', false));
  });

  it('reads $and, $or and $not, and simplifies empty ones', () => {
    const won = comparison(ref('won', 'boolean'), 'eq', true);
    expect(parseCondition({ $or: [{ won: true }, { $not: { won: true } }] }, deal, mongo)).toEqual({
      kind: 'or',
      nodes: [won, not(won)],
    });
    expect(parseCondition({}, deal, mongo)).toBe(TRUE);
    expect(parseCondition({ $and: [] }, deal, mongo)).toBe(TRUE);
    expect(parseCondition({ $or: [] }, deal, mongo)).toBe(FALSE);
  });

  it('normalises values: datetimes to UTC, uuids to lower case, -0 to 0, empty multi-select to isNull', () => {
    const closedAt = ref('closedAt', 'datetime');
    expect(parseCondition({ closedAt: { $gt: '2024-05-01T09:30:00+04:00' } }, deal, mongo)).toEqual(
      comparison(closedAt, 'gt', '2024-05-01T05:30:00.000Z'),
    );
    expect(parseCondition({ closedAt: new Date(Date.UTC(2024, 0, 2)) }, deal, mongo)).toEqual(
      comparison(closedAt, 'eq', '2024-01-02T00:00:00.000Z'),
    );
    expect(parseCondition({ id: UUID.toUpperCase() }, deal, mongo)).toEqual(comparison(ref('id', 'uuid'), 'eq', UUID));
    expect(parseCondition({ amount: -0 }, deal, mongo)).toEqual(comparison(ref('amount', 'number'), 'eq', 0));
    expect(parseCondition({ tags: [] }, deal, mongo)).toEqual(comparison(ref('tags', 'textArray'), 'isNull', true));
    expect(parseCondition({ tags: ['a', 'b'] }, deal, mongo)).toEqual(
      comparison(ref('tags', 'textArray'), 'eq', ['a', 'b']),
    );
  });

  it('compares a to-one foreign key in place, and nests conditions on the related object', () => {
    const fk = ref('company', 'uuid', 'company_id', true);
    expect(parseCondition({ company: UUID }, deal, mongo)).toEqual(comparison(fk, 'eq', UUID));
    expect(parseCondition({ company: { $in: [UUID] } }, deal, mongo)).toEqual(comparison(fk, 'in', [UUID]));
    expect(parseCondition({ company: { $isNull: false, name: 'Acme' } }, deal, mongo)).toEqual({
      kind: 'and',
      nodes: [
        comparison(fk, 'isNull', false),
        relation(companyField, deal, comparison(ref('name', 'text'), 'eq', 'Acme')),
      ],
    });
    expect(parseCondition({ company: {} }, deal, mongo)).toEqual(relation(companyField, deal, TRUE));
  });

  it('turns id operators on relations without a foreign key into relation tests', () => {
    const noteId = ref('id', 'uuid');
    expect(parseCondition({ pinned: UUID }, deal, mongo)).toEqual(
      relation(pinnedField, deal, comparison(noteId, 'eq', UUID)),
    );
    expect(parseCondition({ pinned: { $neq: UUID } }, deal, mongo)).toEqual(
      not(relation(pinnedField, deal, comparison(noteId, 'eq', UUID))),
    );
    expect(parseCondition({ pinned: null }, deal, mongo)).toEqual(not(relation(pinnedField, deal, TRUE)));
    expect(parseCondition({ contacts: { $isNull: true } }, deal, mongo)).toEqual(
      not(relation(contactsField, deal, TRUE)),
    );
    expect(parseCondition({ contacts: { name: { $startsWith: 'A' } } }, deal, mongo)).toEqual(
      relation(contactsField, deal, comparison(ref('name', 'text'), 'startsWith', 'A')),
    );
  });

  it('makes frozen trees', () => {
    const node = parseCondition({ $or: [{ amount: { $in: [1, 2] } }, { company: { name: 'x' } }] }, deal, mongo);
    expect(Object.isFrozen(node)).toBe(true);
    if (node.kind !== 'or') throw new Error('expected or');
    expect(Object.isFrozen(node.nodes)).toBe(true);
    const first = node.nodes[0];
    expect(first?.kind === 'comparison' && Object.isFrozen(first.value)).toBe(true);
  });
});

describe('parseCondition (api syntax)', () => {
  it('reads operator objects, and/or/not and relation filters', () => {
    const node = parseCondition(
      { amount: { gte: 1000 }, or: [{ won: { eq: true } }], not: { company: { id: { eq: UUID } } } },
      deal,
      api,
    );
    expect(node).toEqual({
      kind: 'and',
      nodes: [
        comparison(ref('amount', 'number'), 'gte', 1000),
        comparison(ref('won', 'boolean'), 'eq', true),
        not(relation(companyField, deal, comparison(ref('id', 'uuid'), 'eq', UUID))),
      ],
    });
  });
});

describe('parseCondition problems', () => {
  const at = (path: string, message: string) => [{ path, message }];

  it('names unknown fields and operators', () => {
    expect(problems({ foo: 1 })).toEqual(at('filter.foo', 'unknown field "foo" on object "deal"'));
    expect(problems({ amount: { $foo: 1 } })).toEqual(at('filter.amount.$foo', 'unknown operator "$foo"'));
    expect(problems({ amount: { gte: 1 } })).toEqual(at('filter.amount.gte', 'unknown operator "gte"'));
    expect(problems({ $where: 'x' })).toEqual(
      at('filter.$where', 'unknown operator "$where" (a condition takes $and, $or, $not and field names)'),
    );
    expect(problems({ company: { nme: 'x' } })).toEqual(
      at('filter.company.nme', 'unknown field "nme" on object "company"'),
    );
  });

  it('refuses operators the field does not allow, spelled as written', () => {
    expect(problems({ amount: { $contains: '1' } })).toEqual(
      at('filter.amount.$contains', 'operator "$contains" is not allowed on field "amount"'),
    );
    expect(problems({ amount: { contains: '1' } }, api)).toEqual(
      at('filter.amount.contains', 'operator "contains" is not allowed on field "amount"'),
    );
    expect(problems({ data: { a: 1 } })).toEqual(at('filter.data.a', 'unknown operator "a"'));
    expect(problems({ data: 'x' })).toEqual(at('filter.data', 'operator "$eq" is not allowed on field "data"'));
    expect(problems({ company: { $gt: UUID } })).toEqual(
      at('filter.company.$gt', 'operator "$gt" is not allowed on relation "company"'),
    );
    expect(problems({ contacts: { $eq: UUID } })).toEqual(
      at('filter.contacts.$eq', 'operator "$eq" is not allowed on relation "contacts"'),
    );
  });

  it.each([
    [{ amount: '5' }, 'filter.amount', 'must be a finite number'],
    [{ amount: { $gt: Number.NaN } }, 'filter.amount.$gt', 'must be a finite number'],
    [{ amount: { $lt: Infinity } }, 'filter.amount.$lt', 'must be a finite number'],
    [{ closeDate: '2024-02-30' }, 'filter.closeDate', 'must be a date (YYYY-MM-DD)'],
    [{ closeDate: { $gte: '2024-1-1' } }, 'filter.closeDate.$gte', 'must be a date (YYYY-MM-DD)'],
    [{ closeDate: '0000-01-01' }, 'filter.closeDate', 'must be a date (YYYY-MM-DD)'],
    [{ closedAt: '2024-05-01T09:30:00' }, 'filter.closedAt', expect.stringContaining('with a time zone')],
    [{ closedAt: '2024-05-01T25:00:00Z' }, 'filter.closedAt', expect.stringContaining('with a time zone')],
    [{ closedAt: new Date(Number.NaN) }, 'filter.closedAt', expect.stringContaining('date-time')],
    [{ id: 'not-a-uuid' }, 'filter.id', 'must be a uuid'],
    [{ won: 'true' }, 'filter.won', 'must be true or false'],
    [{ title: 5 }, 'filter.title', 'must be a string'],
    [{ title: 'a\u0000b' }, 'filter.title', 'must not contain the NUL character'],
    [{ title: 'a\uD800' }, 'filter.title', 'must be valid Unicode text'],
    [{ amount: { $in: 5 } }, 'filter.amount.$in', 'must be a list'],
    [{ amount: { $nin: [1, 'x'] } }, 'filter.amount.$nin[1]', 'must be a finite number'],
    [{ amount: { $in: [1, null] } }, 'filter.amount.$in[1]', 'must be a finite number'],
    [{ amount: { $isNull: 'yes' } }, 'filter.amount.$isNull', 'must be true or false'],
    [{ title: { $contains: 1 } }, 'filter.title.$contains', 'must be a string'],
    [{ tags: { $contains: ['a'] } }, 'filter.tags.$contains', 'must be a string'],
    [{ tags: 'a' }, 'filter.tags', 'must be a list of strings'],
    [{ tags: { $eq: ['a', 2] } }, 'filter.tags.$eq[1]', 'must be a string'],
    [{ company: 5 }, 'filter.company', 'must be an id, null or a condition'],
    [{ company: 'x' }, 'filter.company', 'must be a uuid'],
    [{ contacts: UUID }, 'filter.contacts', 'must be a condition'],
  ])('refuses %j at its path', (condition, path, message) => {
    expect(problems(condition)).toEqual([{ path, message }]);
  });

  it('refuses what is not a condition object', () => {
    expect(problems([])).toEqual(at('filter', 'must be a condition object, not a list'));
    expect(problems(null)).toEqual(at('filter', 'must be a condition object'));
    expect(problems(new Date())).toEqual(at('filter', 'must be a condition object'));
    expect(problems({ $and: { won: true } })).toEqual(at('filter.$and', 'must be a list of conditions'));
    expect(problems({ $or: [[]] })).toEqual(at('filter.$or[0]', 'must be a condition object, not a list'));
    expect(problems({ $not: 'x' })).toEqual(at('filter.$not', 'must be a condition object'));
    expect(problems({ amount: 5 }, api)).toEqual(at('filter.amount', 'must be an operator object such as { eq: … }'));
    expect(problems({ company: UUID }, api)).toEqual(at('filter.company', 'must be a filter on "company"'));
  });

  it('refuses prototype keys wherever they appear', () => {
    expect(problems(JSON.parse('{"__proto__": {"won": true}}'))).toEqual(
      at('filter.__proto__', '"__proto__" is not allowed as a key'),
    );
    expect(problems({ amount: { constructor: 1 } })).toEqual(
      at('filter.amount.constructor', '"constructor" is not allowed as a key'),
    );
    const fields: Record<string, TargetField> = { name: scalar('name', 'text', TEXTUAL) };
    const loose: ConditionTarget = { ...company, field: (name) => fields[name] };
    expect(() => parseCondition({ toString: 'x' }, loose, mongo)).toThrow(
      'filter.toString: unknown field "toString" on object "company"',
    );
  });

  it('collects every problem, under the given root path', () => {
    const error = (() => {
      try {
        parseCondition({ foo: 1, amount: 'x', $or: [{ won: 1 }] }, deal, { syntax: 'mongo', path: 'where' });
      } catch (e) {
        return e;
      }
    })();
    expect(isStratumError(error) && error.problems).toEqual([
      { path: 'where.foo', message: 'unknown field "foo" on object "deal"' },
      { path: 'where.amount', message: 'must be a finite number' },
      { path: 'where.$or[0].won', message: 'must be true or false' },
    ]);
    expect(isStratumError(error) && error.message).toBe(
      'where.foo: unknown field "foo" on object "deal"; where.amount: must be a finite number; ' +
        'where.$or[0].won: must be true or false',
    );
  });

  it('limits depth and size', () => {
    let deep: unknown = { won: true };
    for (let i = 0; i < MAX_DEPTH; i++) deep = { $not: deep };
    const [depth] = problems(deep);
    expect(depth?.path).toBe(`filter${'.$not'.repeat(MAX_DEPTH)}`);
    expect(depth?.message).toBe(`conditions may be nested at most ${MAX_DEPTH} levels deep`);

    const wide = { $or: Array.from({ length: MAX_NODES }, (_, i) => ({ amount: i })) };
    expect(problems(wide)).toEqual(
      at(`filter.$or[${MAX_NODES / 2 - 1}].amount`, 'conditions may have at most 1000 parts'),
    );
  });
});
