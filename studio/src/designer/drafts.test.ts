import { labelDraft, labelValue } from './label-draft';
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
