import { readClauses, writeClauses, type FieldOperators, type Operator } from '../components/condition-clauses';
import { matrixToRules, problemTarget, rulesToMatrix } from './rules-matrix';

// The mappings the pages rest on, without a browser: rules ⇄ matrix, conditions ⇄ clauses.
describe('rules as a matrix, conditions as clauses', () => {
  const objects = ['company', 'lead', 'deal'];

  test('a role round-trips through the matrix; rules it cannot show are kept in place', () => {
    const rules = [
      { action: ['read', 'update'], subject: 'lead', conditions: { owner: '$user.id' } },
      { action: 'read', subject: 'all' },
      { action: 'read', subject: 'lead', conditions: { owner: { $in: '$user.subordinateIds' } } },
      { action: 'delete', subject: 'deal', inverted: true },
    ];
    const { matrix, origins } = rulesToMatrix(rules, objects);
    expect(matrix.cells['lead']?.read?.allow).toEqual({ conditions: { owner: '$user.id' } });
    expect(matrix.cells['deal']?.delete?.deny).toEqual({});
    expect(matrix.kept).toEqual([rules[1], rules[2]]);
    expect(origins.map((o) => o.kind)).toEqual(['cells', 'kept', 'kept', 'cells']);
    expect(matrixToRules(matrix, objects).rules).toEqual(rules);
  });

  test('an allow rule after a deny rule it overlaps is kept, because CASL lets the later rule win', () => {
    const rules = [
      { action: 'manage', subject: 'deal', inverted: true },
      { action: 'read', subject: 'deal' },
    ];
    const { matrix } = rulesToMatrix(rules, objects);
    expect(matrix.kept).toEqual(rules);
    expect(matrixToRules(matrix, objects).rules).toEqual(rules);
  });

  test('cells with the same grant become one rule; objects with the same actions share it', () => {
    const { matrix } = rulesToMatrix(
      [
        { action: 'read', subject: ['company', 'deal'] },
        { action: 'create', subject: 'lead', fields: ['title'] },
      ],
      objects,
    );
    expect(matrixToRules(matrix, objects).rules).toEqual([
      { action: 'read', subject: ['company', 'deal'] },
      { action: 'create', subject: 'lead', fields: ['title'] },
    ]);
  });

  test("the server's problems land on the cells and the part of the rule they are about", () => {
    const { origins } = matrixToRules(
      {
        cells: { lead: { read: { allow: { conditions: { nope: 1 } } }, delete: { deny: {} } } },
        kept: [{ action: 'read', subject: 'all' }],
      },
      objects,
    );
    expect(problemTarget('input.rules[0].conditions.nope', origins)).toEqual({
      cells: ['lead:read'],
      kept: [],
      side: 'allow',
      part: 'conditions',
    });
    expect(problemTarget('input.rules[1].subject', origins)).toMatchObject({ cells: [], kept: [0], part: 'rule' });
    expect(problemTarget('input.rules[2].fields', origins)).toMatchObject({ cells: ['lead:delete'], side: 'deny' });
    expect(problemTarget('input.name', origins)).toMatchObject({ cells: [], kept: [] });
  });

  test('conditions the builder writes read back the same; others are left to JSON', () => {
    // The operators of these fields' types, as the server's `fieldTypes` query lists them.
    const equality: Operator[] = ['eq', 'neq', 'in', 'nin', 'isNull'];
    const fields: FieldOperators = new Map([
      ['amount', [...equality, 'gt', 'gte', 'lt', 'lte']],
      ['stage', equality],
      ['owner', equality],
    ]);
    for (const condition of [
      { amount: { $gte: 1000, $lt: 5000 }, stage: 'won' },
      { $or: [{ stage: 'won' }, { owner: '$user.id' }] },
      { owner: { $in: '$user.subordinateIds' } },
      { stage: { $in: ['won', 'lost'] }, owner: { $isNull: false } },
    ]) {
      const clauses = readClauses(condition, fields);
      expect(clauses).toBeDefined();
      expect(writeClauses(clauses!)).toEqual(condition);
    }
    expect(readClauses({ company: { name: 'Acme' } }, new Map([...fields, ['company', equality]]))).toBeUndefined();
    expect(readClauses({ $not: { stage: 'won' } }, fields)).toBeUndefined();
    expect(readClauses({ $or: [{ stage: 'won', amount: 5 }, { owner: 'x' }] }, fields)).toBeUndefined();
    // An operator the field does not take: the operator select could not show it.
    expect(readClauses({ stage: { $gt: 'won' } }, fields)).toBeUndefined();
  });
});
