import { StratumError, type Problem } from '../errors';
import { createFieldTypeRegistry } from '../fields/registry';
import { parseManifest } from '../manifest/parse-manifest';
import { emptyModel } from '../metadata/workspace';
import { diffModel } from '../migrator/diff';
import type { Model } from '../model/model';
import { checkComputedFields } from './check-computed-fields';
import { computedAnalysis, fieldValueType } from './computed-fields';

/**
 * The checker of formulas and rollups, on a resolved model without a database: types and their
 * inference, the fields a computed value reads, and every problem at the path of the key at fault
 * (`objects[1].fields[8].expression`) with the position of the token in the expression.
 */
const types = createFieldTypeRegistry();

/** company (index 0) and deal (index 1); `dealExtra` and `companyExtra` are appended to their fields. */
function manifest(dealExtra: unknown[] = [], companyExtra: unknown[] = []) {
  return {
    objects: [
      {
        name: 'company',
        pluralName: 'companies',
        fields: [
          { name: 'name', type: 'text' },
          { name: 'country', type: 'text' },
          { name: 'revenue', type: 'currency' },
          { name: 'deals', type: 'relation', target: 'deal', many: true, inverse: 'company' },
          { name: 'manager', type: 'relation', target: 'user' },
          ...companyExtra,
        ],
      },
      {
        name: 'deal',
        pluralName: 'deals',
        fields: [
          { name: 'title', type: 'text' },
          { name: 'amount', type: 'currency', currency: 'USD' },
          { name: 'probability', type: 'number' },
          { name: 'stage', type: 'select', options: ['new', 'won', 'lost'] },
          { name: 'closeDate', type: 'date' },
          { name: 'closedAt', type: 'datetime' },
          { name: 'company', type: 'relation', target: 'company' },
          { name: 'tags', type: 'multiSelect', options: ['a', 'b'] },
          ...dealExtra,
        ],
      },
    ],
    pipelines: [
      {
        object: 'deal',
        field: 'stage',
        stages: [
          { name: 'new', probability: 10 },
          { name: 'won', probability: 100, won: true },
          { name: 'lost', probability: 0, lost: true },
        ],
      },
    ],
  };
}

function modelOf(input: unknown): Model {
  return diffModel(emptyModel('w'), parseManifest(input, types), types).model;
}

const formula = (expression: string, extra: Record<string, unknown> = {}) => ({
  name: 'f',
  type: 'formula',
  expression,
  ...extra,
});

/** The problems of a model whose deal has formula `f` (at objects[1].fields[8]). */
function problemsOf(input: unknown): readonly Problem[] {
  try {
    checkComputedFields(modelOf(input), types);
  } catch (error) {
    if (!(error instanceof StratumError)) throw error;
    expect(error.code).toBe('BAD_USER_INPUT');
    return error.problems;
  }
  return [];
}

const F = 'objects[1].fields[8]';

function analysis(expression: string, extra: Record<string, unknown> = {}) {
  const model = modelOf(manifest([formula(expression, extra)]));
  checkComputedFields(model, types);
  return computedAnalysis(model, types, 'deal', 'f')!;
}

describe('formula result types', () => {
  test.each([
    ['probability * 2', 'number'],
    ['amount * probability / 100', 'currency'],
    ["title + ' · ' + company.name", 'text'],
    ['probability > 50 && !ISBLANK(title)', 'boolean'],
    ["DATE_ADD(closeDate, 2, 'week')", 'date'],
    ['NOW()', 'datetime'],
    ['closeDate - TODAY()', 'number'],
    ['closeDate + 30', 'date'],
    ['company.revenue', 'currency'],
    ['amount * stage.probability / 100', 'currency'],
    ["IF(stage == 'won', amount, null)", 'currency'],
    ['COALESCE(closeDate, "2026-12-31")', 'date'],
    ['MAX(probability, 10, 20)', 'number'],
    ['company.manager.name', 'text'],
    ['owner.email', 'text'],
    ['YEAR(createdAt)', 'number'],
  ])('%s gives %s', (expression, type) => {
    expect(analysis(expression).type).toBe(type);
  });

  test('resultType is checked against the expression, and may turn a number into money', () => {
    expect(analysis('probability * 2', { resultType: 'currency', currency: 'EUR' }).type).toBe('currency');
    expect(analysis('null', { resultType: 'text' }).type).toBe('text');
    expect(analysis('amount * 2', { resultType: 'number' }).type).toBe('number');
  });

  test('the currency of money is the "currency" key, or the first currency field the expression reads', () => {
    expect(analysis('probability', { resultType: 'currency', currency: 'GEL' }).code).toEqual({
      kind: 'literal',
      type: 'text',
      value: 'GEL',
    });
    expect(analysis('company.revenue + amount').code).toMatchObject({
      kind: 'path',
      node: { column: 'revenue_currency' },
    });
  });
});

describe('what a formula reads (for permissions)', () => {
  test('fields, relations of paths, the fields at their ends and what inlined formulas read', () => {
    const model = modelOf(
      manifest(
        [formula('company.score + probability'), { name: 'g', type: 'formula', expression: 'f * 2' }],
        [
          { name: 'score', type: 'formula', expression: 'LEN(country)' },
          { name: 'open', type: 'rollup', relation: 'deals', function: 'count', filter: { stage: 'new' } },
        ],
      ),
    );
    const reads = (object: string, field: string) =>
      computedAnalysis(model, types, object, field)!
        .reads.map((r) => `${r.object}.${r.field}`)
        .sort();
    expect(reads('deal', 'f')).toEqual(['company.country', 'company.score', 'deal.company', 'deal.probability'].sort());
    expect(reads('deal', 'g')).toEqual(
      ['company.country', 'company.score', 'deal.company', 'deal.f', 'deal.probability'].sort(),
    );
    expect(reads('company', 'open')).toEqual(['company.deals', 'deal.stage']);
  });
});

describe('formula problems are reported at the key, with the position of the token', () => {
  test.each<[string, Record<string, unknown>, string, string]>([
    ['unknown field', {}, 'amout * 2', 'unknown field "amout" on deal at position 0 (did you mean "amount"?)'],
    [
      'unknown field at the end of a path',
      {},
      'company.countri',
      'unknown field "countri" on company at position 8 (did you mean "country"?)',
    ],
    ['unknown function', {}, 'ROUNDD(probability)', 'unknown function "ROUNDD" at position 0 (did you mean ROUND?)'],
    ['wrong argument count', {}, 'ROUND(1, 2, 3)', 'ROUND(number, digits) takes 1 to 2 arguments, not 3 at position 0'],
    [
      'wrong argument type',
      {},
      'UPPER(probability)',
      'argument 1 of UPPER(text) must be text, not a number at position 6',
    ],
    ['arithmetic on text', {}, "probability * 'x'", 'the right side of "*" must be a number, not text at position 14'],
    [
      'a relation without a field',
      {},
      'company',
      '"company" is a relation; name one of its fields, e.g. company.name at position 0',
    ],
    [
      'a to-many relation',
      {},
      'company.deals',
      '"deals" is a to-many relation; count or sum it with a rollup field at position 8',
    ],
    [
      'a field type formulas cannot read',
      {},
      'tags',
      '"tags" is a multiSelect field; formulas cannot read multiSelect fields at position 0',
    ],
    [
      'mixed branch types',
      {},
      'IF(true, 1, "x")',
      'the results of IF must all be of one type: a number and text do not mix at position 12',
    ],
    [
      'a field that is not a relation',
      {},
      'title.size',
      '"title" is not a relation, so it has no field "size" at position 6',
    ],
    ['a syntax error', {}, 'probability *', 'Expected expression after * at position 13'],
    [
      'two expressions',
      {},
      'probability title',
      'unexpected second expression (a formula is one expression) at position 12',
    ],
    ['strict equality', {}, 'probability === 1', 'operator "===" is not supported at position 12 (use ==)'],
    [
      'a date unit',
      {},
      "DATE_ADD(closeDate, 1, 'fortnight')",
      "argument 3 of DATE_ADD(date, count, 'day' | 'week' | 'month' | 'year') must be 'day', 'week', 'month' or 'year' at position 23",
    ],
    [
      'a date that is not one',
      {},
      'closeDate < "soon"',
      'both sides of "<" must all be of one type: a date and text do not mix at position 12',
    ],
  ])('%s', (_title, extra, expression, message) => {
    expect(problemsOf(manifest([formula(expression, extra)]))).toEqual([{ path: `${F}.expression`, message }]);
  });

  test('too many relations in a row', () => {
    const problems = problemsOf(
      manifest(
        [formula('company.parent.parent.parent.name')],
        [{ name: 'parent', type: 'relation', target: 'company' }],
      ),
    );
    expect(problems).toEqual([
      { path: `${F}.expression`, message: 'a formula may follow at most 3 relations in a row at position 22' },
    ]);
  });

  test('a formula that refers to itself, directly or through others', () => {
    expect(problemsOf(manifest([formula('f + 1')]))).toEqual([
      { path: `${F}.expression`, message: 'formula cycle: f → f at position 0' },
    ]);
    const problems = problemsOf(
      manifest([formula('g * 2'), { name: 'g', type: 'formula', expression: 'probability + f' }]),
    );
    expect(problems).toEqual([
      { path: `${F}.expression`, message: 'formula cycle: f → g → f at position 0' },
      { path: 'objects[1].fields[9].expression', message: 'formula cycle: g → f → g at position 14' },
    ]);
  });

  test('a cycle through a path to another object', () => {
    const problems = problemsOf(
      manifest([formula('company.echo')], [{ name: 'echo', type: 'formula', expression: 'LEN(name) + 0' }]),
    );
    expect(problems).toEqual([]);
    const cyclic = problemsOf(
      manifest(
        [formula('company.echo')],
        [{ name: 'echo', type: 'rollup', relation: 'deals', function: 'sum', field: 'f' }],
      ),
    );
    expect(cyclic).toEqual([
      { path: 'objects[0].fields[5].field', message: 'formula cycle: company.echo → deal.f → company.echo' },
      { path: `${F}.expression`, message: 'formula cycle: deal.f → company.echo → deal.f at position 8' },
    ]);
  });

  test('result type problems', () => {
    expect(problemsOf(manifest([formula('null')]))).toEqual([
      { path: `${F}.resultType`, message: 'the result type cannot be told from the expression; set "resultType"' },
    ]);
    expect(problemsOf(manifest([formula('title', { resultType: 'number' })]))).toEqual([
      { path: `${F}.expression`, message: 'gives a text, but "resultType" is "number"' },
    ]);
    expect(problemsOf(manifest([formula('probability', { resultType: 'currency' })]))).toEqual([
      {
        path: `${F}.currency`,
        message: 'a currency formula needs "currency" (an ISO 4217 code) or a currency field in its expression',
      },
    ]);
    expect(problemsOf(manifest([formula('title', { currency: 'USD' })]))).toEqual([
      { path: `${F}.currency`, message: 'only a currency formula has a "currency" (this one gives a text)' },
    ]);
  });

  test('every bad formula of a manifest is reported at once', () => {
    const problems = problemsOf(manifest([formula('nope'), { name: 'g', type: 'formula', expression: '1 +' }]));
    expect(problems.map((p) => p.path)).toEqual([`${F}.expression`, 'objects[1].fields[9].expression']);
  });
});

describe('rollups', () => {
  const rollup = (extra: Record<string, unknown>) => ({ name: 'r', type: 'rollup', relation: 'deals', ...extra });
  const R = 'objects[0].fields[5]';
  const rollupProblems = (extra: Record<string, unknown>) => problemsOf(manifest([], [rollup(extra)]));

  test('count, sum of a currency field (money) and min of a date', () => {
    const model = modelOf(
      manifest(
        [],
        [
          rollup({ function: 'count', filter: { stage: { $nin: ['won', 'lost'] } } }),
          {
            name: 'won',
            type: 'rollup',
            relation: 'deals',
            function: 'sum',
            field: 'amount',
            filter: { stage: 'won' },
          },
          { name: 'first', type: 'rollup', relation: 'deals', function: 'min', field: 'closeDate' },
        ],
      ),
    );
    checkComputedFields(model, types);
    expect(computedAnalysis(model, types, 'company', 'r')!.type).toBe('number');
    expect(computedAnalysis(model, types, 'company', 'won')!.type).toBe('currency');
    expect(computedAnalysis(model, types, 'company', 'first')!.type).toBe('date');
    expect(fieldValueType(model, types, 'company', model.objects[0]!.fields[6]!).type).toBe('currency');
  });

  test.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown relation', { relation: 'dealz', function: 'count' }, 'relation', '"dealz" is not a field of company'],
    [
      'a many-to-one relation',
      { relation: 'manager', function: 'count' },
      'relation',
      '"manager" must be a to-many relation of company (one-to-many or many-to-many)',
    ],
    [
      'count with a field',
      { function: 'count', field: 'amount' },
      'field',
      'count counts related records and takes no field',
    ],
    ['sum without a field', { function: 'sum' }, 'field', 'is required: the field of deal to sum'],
    [
      'sum of text',
      { function: 'sum', field: 'title' },
      'field',
      '"title" is a text field; sum needs a number or currency field',
    ],
    ['an unknown field', { function: 'max', field: 'size' }, 'field', '"size" is not a field of deal'],
    [
      'a filter on an unknown field',
      { function: 'count', filter: { stag: 'won' } },
      'filter.stag',
      'unknown field "stag" on object "deal"',
    ],
    [
      'a filter with a bad value',
      { function: 'count', filter: { probability: { $gt: 'x' } } },
      'filter.probability.$gt',
      'must be a finite number',
    ],
  ])('%s', (_title, extra, key, message) => {
    expect(rollupProblems(extra)).toEqual([{ path: `${R}.${key}`, message }]);
  });

  test('a rollup cannot aggregate another rollup, nor a formula that uses one', () => {
    const problems = problemsOf(
      manifest(
        [
          { name: 'companyOpen', type: 'formula', expression: 'company.open' },
          { name: 'tasks', type: 'relation', target: 'deal', many: true },
          { name: 'n', type: 'rollup', relation: 'tasks', function: 'count' },
        ],
        [
          { name: 'open', type: 'rollup', relation: 'deals', function: 'count' },
          { name: 'sumOpen', type: 'rollup', relation: 'deals', function: 'sum', field: 'companyOpen' },
          { name: 'sumN', type: 'rollup', relation: 'deals', function: 'sum', field: 'n' },
        ],
      ),
    );
    expect(problems).toEqual([
      {
        path: 'objects[0].fields[6].field',
        message: '"companyOpen" uses a rollup; a rollup cannot aggregate another rollup',
      },
      {
        path: 'objects[0].fields[7].field',
        message: '"n" is itself a rollup; a rollup cannot aggregate another rollup',
      },
    ]);
  });
});

describe('cycles through rollup filters', () => {
  test('a rollup whose filter reads the rollup itself is refused, not analysed forever', () => {
    const problems = problemsOf(
      manifest(
        [],
        [
          { name: 'parent', type: 'relation', target: 'company' },
          { name: 'children', type: 'relation', target: 'company', many: true, inverse: 'parent' },
          { name: 'size', type: 'rollup', relation: 'children', function: 'count', filter: { size: { $gt: 0 } } },
        ],
      ),
    );
    expect(problems).toEqual([
      { path: 'objects[0].fields[7].filter.size', message: 'unknown field "size" on object "company"' },
    ]);
  });
});
