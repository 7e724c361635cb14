import { StratumError, type Problem } from '../errors';
import { createFieldTypeRegistry } from '../fields/registry';
import { parseManifest } from '../manifest/parse-manifest';
import { emptyModel } from '../metadata/workspace';
import { diffModel } from '../migrator/diff';
import { exportManifest } from '../migrator/export';
import { describeChange } from '../migrator/plan';
import type { Model } from '../model/model';
import { checkValidationRules } from './check-validation-rules';
import { compiledRules } from './compile-rules';
import { conditionFieldNames } from './condition-fields';
import { readVerdict } from './rule-script';

/**
 * Validation rules at manifest time: the schema of a rule (parseManifest), the checks against the model
 * (checkValidationRules: fields, conditions, scripts), and how rules are resolved, compiled and exported.
 */

const types = createFieldTypeRegistry();

function manifestWith(validationRules: unknown[]) {
  return {
    objects: [
      {
        name: 'company',
        pluralName: 'companies',
        fields: [
          { name: 'name', type: 'text' },
          { name: 'deals', type: 'relation', target: 'deal', many: true, inverse: 'company' },
        ],
      },
      {
        name: 'deal',
        pluralName: 'deals',
        fields: [
          { name: 'name', type: 'text' },
          { name: 'stage', type: 'select', options: ['new', 'won', 'lost'] },
          { name: 'lostReason', type: 'longText' },
          { name: 'discount', type: 'percent' },
          { name: 'amount', type: 'currency', currency: 'USD' },
          { name: 'company', type: 'relation', target: 'company' },
          { name: 'products', type: 'relation', target: 'company', many: true },
          { name: 'net', type: 'formula', expression: 'amount * (100 - discount) / 100' },
        ],
        validationRules,
      },
    ],
  };
}

function modelOf(manifest: unknown, current: Model = emptyModel('w')): Model {
  return diffModel(current, parseManifest(manifest, types), types).model;
}

async function problemsOf(validationRules: unknown[]): Promise<Problem[]> {
  try {
    await checkValidationRules(modelOf(manifestWith(validationRules)), types);
    return [];
  } catch (error) {
    if (!(error instanceof StratumError)) throw error;
    expect(error.code).toBe('BAD_USER_INPUT');
    return [...error.problems];
  }
}

const lostReason = {
  name: 'lostNeedsReason',
  message: 'A lost deal needs a reason',
  fields: ['lostReason'],
  condition: { $or: [{ stage: { $neq: 'lost' } }, { lostReason: { $isNull: false } }] },
};
const discountLimit = {
  name: 'discountLimit',
  message: 'Discounts above 50% are not allowed',
  fields: ['discount'],
  script: 'return record.discount === null || record.discount <= 50',
};

describe('checkValidationRules', () => {
  test('accepts condition and script rules on the stored fields, by id on a to-one relation', async () => {
    expect(
      await problemsOf([
        lostReason,
        discountLimit,
        { name: 'hasCompany', message: 'Pick a company', condition: { company: { $isNull: false }, owner: null } },
        { name: 'off', message: 'Off', condition: { discount: { $lte: 10 } }, active: false },
      ]),
    ).toEqual([]);
  });

  test('names are unique per object, and a rule has exactly one of condition and script', async () => {
    expect(
      await problemsOf([
        lostReason,
        { ...discountLimit, name: 'lostNeedsReason' },
        { name: 'both', message: 'm', condition: { discount: 1 }, script: 'return true' },
        { name: 'neither', message: 'm' },
      ]),
    ).toEqual([
      { path: 'objects[1].validationRules[1].name', message: 'duplicate validation rule "lostNeedsReason" on deal' },
      { path: 'objects[1].validationRules[2]', message: 'needs exactly one of "condition" and "script"' },
      { path: 'objects[1].validationRules[3]', message: 'needs exactly one of "condition" and "script"' },
    ]);
  });

  test('fields and conditions name fields of the object, with values of their type', async () => {
    expect(
      await problemsOf([
        { ...lostReason, fields: ['lostReason', 'reason'] },
        { name: 'typo', message: 'm', condition: { $or: [{ stage: 'lost' }, { discont: { $lte: 50 } }] } },
        { name: 'wrongValue', message: 'm', condition: { discount: { $lte: 'fifty' } } },
      ]),
    ).toEqual([
      { path: 'objects[1].validationRules[0].fields[1]', message: '"reason" is not a field of deal' },
      {
        path: 'objects[1].validationRules[1].condition.$or[1].discont',
        message: expect.stringContaining('unknown field "discont"'),
      },
      { path: 'objects[1].validationRules[2].condition.discount.$lte', message: 'must be a finite number' },
    ]);
  });

  test('conditions read only what the record being written holds: no formulas, to-many or related records', async () => {
    expect(
      await problemsOf([
        { name: 'formula', message: 'm', condition: { net: { $gte: 0 } } },
        { name: 'toMany', message: 'm', condition: { $not: { products: { $isNull: true } } } },
        { name: 'nested', message: 'm', condition: { company: { name: 'Acme' } } },
        { name: 'exists', message: 'm', condition: { company: {} } },
      ]),
    ).toEqual([
      {
        path: 'objects[1].validationRules[0].condition.net',
        message: '"net" is computed; validation rules see only stored fields',
      },
      {
        path: 'objects[1].validationRules[1].condition.$not.products',
        message: '"products" is a to-many relation; validation rules see only the record\'s own fields',
      },
      {
        path: 'objects[1].validationRules[2].condition.company',
        message: 'a validation rule can compare "company" by id, not look into the related record',
      },
      {
        path: 'objects[1].validationRules[3].condition',
        message: 'a validation rule cannot look into related records',
      },
    ]);
  });

  test('scripts must compile (inactive ones too), with the line of the mistake', async () => {
    expect(
      await problemsOf([
        { ...discountLimit, script: 'const limit = 50;\nreturn record.discount <= ;', active: false },
        { name: 'unclosed', message: 'm', script: 'if (record.discount) {\n  return false' },
        { name: 'fine', message: 'm', script: 'const d = await Promise.resolve(record.discount);\nreturn d < 90' },
      ]),
    ).toEqual([
      { path: 'objects[1].validationRules[0].script', message: expect.stringMatching(/^SyntaxError: .*\(line 2\)$/) },
      { path: 'objects[1].validationRules[1].script', message: expect.stringMatching(/^SyntaxError: .*\(line 2\)$/) },
    ]);
  });

  test('a script cannot redeclare what the rule gives it', async () => {
    const problems = await problemsOf([{ name: 'shadow', message: 'm', script: 'let record = 1;\nreturn true' }]);
    expect(problems).toEqual([
      { path: 'objects[1].validationRules[0].script', message: expect.stringContaining('SyntaxError') },
    ]);
  });
});

describe('rules in the manifest', () => {
  test('keys are checked like every manifest key, at their path', () => {
    const attempt = () =>
      parseManifest(
        manifestWith([
          { name: 'Bad name', message: '', condition: {}, colour: 'red' },
          { name: 'ok', message: 'm', script: 42, fields: 'discount' },
        ]),
        types,
      );
    expect(attempt).toThrow(StratumError);
    try {
      attempt();
    } catch (error) {
      expect((error as StratumError).problems).toEqual([
        { path: 'objects[1].validationRules[0].name', message: expect.stringContaining('must match') },
        { path: 'objects[1].validationRules[0].message', message: 'must not be empty' },
        { path: 'objects[1].validationRules[0].colour', message: 'unknown key' },
        { path: 'objects[1].validationRules[1].fields', message: expect.any(String) },
        { path: 'objects[1].validationRules[1].script', message: 'must be a string' },
      ]);
    }
  });

  test('resolved with active, frozen, exported as written, and a change is metadata only', () => {
    const manifest = manifestWith([lostReason, { ...discountLimit, active: false }]);
    const model = modelOf(manifest);
    const deal = model.objects[1]!;
    expect(deal.validationRules).toEqual([
      { ...lostReason, active: true },
      { ...discountLimit, active: false },
    ]);
    expect(Object.isFrozen(deal.validationRules![0]!.condition)).toBe(true);
    const exported = exportManifest(model, types) as { objects: { validationRules?: unknown }[] };
    expect(exported.objects[1]!.validationRules).toEqual([lostReason, { ...discountLimit, active: false }]);
    expect(exported.objects[0]!).not.toHaveProperty('validationRules');
    expect(diffModel(model, parseManifest(exported, types), types).changes).toEqual([]);

    const changed = diffModel(model, parseManifest(manifestWith([lostReason]), types), types);
    expect(changed.changes.map(describeChange)).toEqual(['~ object deal (validation rules)']);
  });

  test('an object without rules has no validationRules key (models from before compare equal)', () => {
    const model = modelOf(manifestWith([]));
    expect(model.objects[1]).not.toHaveProperty('validationRules');
  });
});

describe('compiled rules', () => {
  test('only active ones; condition rules report on their fields, or on the fields the condition reads', () => {
    const model = modelOf(
      manifestWith([
        { ...lostReason, fields: undefined },
        { ...discountLimit, fields: undefined },
        { name: 'off', message: 'Off', condition: { discount: { $lte: 10 } }, active: false },
      ]),
    );
    const rules = compiledRules(model, types, model.objects[1]!);
    expect(rules.map((r) => [r.name, r.kind, r.fields])).toEqual([
      ['lostNeedsReason', 'condition', ['stage', 'lostReason']],
      ['discountLimit', 'script', []],
    ]);
    expect(compiledRules(model, types, model.objects[1]!)).toBe(rules);
  });

  test('conditionFieldNames walks $and, $or and $not, once per field', () => {
    expect(
      conditionFieldNames({
        $or: [{ stage: { $neq: 'lost' } }, { $and: [{ lostReason: { $isNull: false } }, { stage: 'lost' }] }],
        $not: { discount: { $gt: 50 } },
      }),
    ).toEqual(['stage', 'lostReason', 'discount']);
  });

  test('verdicts: true, false, a message, or a mistake', () => {
    expect(readVerdict(true)).toEqual({ kind: 'valid' });
    expect(readVerdict(false)).toEqual({ kind: 'invalid', message: undefined });
    expect(readVerdict('Too much')).toEqual({ kind: 'invalid', message: 'Too much' });
    expect(readVerdict('  ')).toEqual({ kind: 'invalid', message: undefined });
    expect(readVerdict({ returned: 'undefined' })).toEqual({ kind: 'bad', returned: 'undefined' });
  });
});
