import { labelDraft, labelValue } from './label-draft';
import { withLabel } from './labels';
import { optionDraft, optionValue } from './option-draft';
import { ruleDraft, ruleProblems, ruleValue, withRule } from './rules/rule-draft';
import { diffItem, listChange } from './revision-diff';
import { parseJson } from '../manifest/parse-json';

/**
 * The object manager's pure modules: labels in several languages, revision diffs as people read them, and
 * JSON errors with their line and column.
 */
describe('labels', () => {
  test('a label is plain text when only English is given, a map otherwise, absent when empty', () => {
    expect(labelValue(labelDraft('Deal'))).toBe('Deal');
    expect(labelValue({ ...labelDraft('Deal'), ru: 'Сделка' })).toEqual({ en: 'Deal', ru: 'Сделка' });
    expect(labelValue(labelDraft(undefined))).toBeUndefined();
  });

  test("editing an option's text in one language keeps its other translations", () => {
    const option = optionDraft({ value: 'hot', label: { en: 'Hot', ru: 'Горячий' }, color: '#e03131' });
    const edited = { ...option, labels: withLabel(option.labels, 'en', 'Very hot ') };
    expect(optionValue(edited)).toEqual({ value: 'hot', label: { en: 'Very hot', ru: 'Горячий' }, color: '#e03131' });
    // Clearing the English text leaves the Russian one; clearing that too leaves no label, so the bare value.
    const noEnglish = { ...option, color: '', labels: withLabel(option.labels, 'en', '') };
    expect(optionValue(noEnglish)).toEqual({ value: 'hot', label: { ru: 'Горячий' } });
    expect(optionValue({ ...noEnglish, labels: withLabel(noEnglish.labels, 'ru', '') })).toBe('hot');
    // Plain text is English: a translation makes it a map that keeps it; untouched options go back as they came.
    const plain = optionDraft({ value: 'cold', label: 'Cold' });
    expect(optionValue({ ...plain, labels: withLabel(plain.labels, 'ka', 'ცივი') })).toEqual({
      value: 'cold',
      label: { en: 'Cold', ka: 'ცივი' },
    });
    expect(optionValue(optionDraft('warm'))).toBe('warm');
    expect(optionValue(optionDraft({ value: 'x', label: { en: 'X', kk: 'Икс' } }))).toEqual({
      value: 'x',
      label: { en: 'X', kk: 'Икс' },
    });
  });
});

describe('validation rules', () => {
  const lostNeedsReason = {
    name: 'lostNeedsReason',
    label: { en: 'A lost deal needs a reason', ru: 'Нужна причина', kk: 'Себебі керек' },
    message: 'Say why the deal was lost',
    fields: ['lostReason'],
    condition: { $or: [{ stage: { $neq: 'lost' } }, { lostReason: { $isNull: false } }] },
    active: true,
  };

  test('a rule goes back as it came; only the chosen kind is saved, and `active` only when off', () => {
    const { active: _active, ...written } = lostNeedsReason;
    expect(ruleValue(ruleDraft(lostNeedsReason))).toEqual(written);
    const script = { ...ruleDraft(lostNeedsReason), kind: 'script' as const, script: 'return true', active: false };
    expect(ruleValue(script)).toEqual({ ...written, condition: undefined, script: 'return true', active: false });
    expect(ruleValue(script)).not.toHaveProperty('condition');
  });

  test("the server's problems land on the rule that was sent at their index", () => {
    const sent = withRule([lostNeedsReason], -1, { name: 'second', message: 'm', script: 'return' });
    expect(sent.map((r) => r.name)).toEqual(['lostNeedsReason', 'second']);
    expect(
      ruleProblems(
        [
          { path: 'input.validationRules[1].script', message: 'SyntaxError (line 1)' },
          { path: 'input.validationRules[1]', message: 'needs exactly one of "condition" and "script"' },
          { path: 'input.validationRules[0].fields[0]', message: 'not a field' },
          { path: '', message: 'Network error' },
        ],
        1,
      ),
    ).toEqual([
      { path: 'script', message: 'SyntaxError (line 1)' },
      { path: '', message: 'needs exactly one of "condition" and "script"' },
      { path: 'input.validationRules[0].fields[0]', message: 'not a field' },
      { path: 'input', message: 'Network error' },
    ]);
  });
});

describe('revision diffs', () => {
  test('an updated field lists each changed key before → after, settings spread out', () => {
    const object = { name: 'deal', key: 'k1', fields: [] };
    const before = {
      name: 'stage',
      type: 'select',
      required: false,
      key: 'f1',
      columns: ['stage'],
      settings: { options: ['a', 'b'] },
    };
    const after = { ...before, required: true, settings: { options: ['b', 'c'] } };
    expect(diffItem({ kind: 'updateField', object, before, after, destructive: 'removes options a' })).toEqual({
      action: 'changed',
      subject: 'field',
      name: 'deal.stage',
      destructive: 'removes options a',
      details: [
        { key: 'required', before: false, after: true },
        { key: 'options', before: ['a', 'b'], after: ['b', 'c'] },
      ],
    });
    expect(listChange(['a', 'b'], ['b', 'c'])).toEqual({ removed: ['a'], added: ['c'], reordered: false });
    expect(listChange(['a', 'b'], ['b', 'a'])).toEqual({ removed: [], added: [], reordered: true });
  });

  test('an added field shows what it sets, without its false flags; renames name both sides', () => {
    const object = { name: 'deal' };
    const field = { name: 'amount', type: 'currency', required: false, unique: false, settings: { currency: 'GEL' } };
    expect(diffItem({ kind: 'addField', object, field }).details).toEqual([
      { key: 'type', before: undefined, after: 'currency' },
      { key: 'currency', before: undefined, after: 'GEL' },
    ]);
    expect(diffItem({ kind: 'renameObject', from: { name: 'client' }, to: { name: 'customer' } })).toEqual(
      expect.objectContaining({ action: 'renamed', name: 'client → customer', details: [] }),
    );
  });
});

test('JSON errors carry their line and column', () => {
  expect(parseJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  const broken = parseJson('{\n  "objects": [\n    { "name": "x", }\n  ]\n}');
  expect(broken).toEqual(expect.objectContaining({ ok: false, line: 3, column: 20 }));
  expect(parseJson('{\n  "a": ')).toEqual(expect.objectContaining({ ok: false, line: 2 }));
});
