import { StratumError, type Problem } from '../errors';
import { createFieldTypeRegistry } from '../fields/registry';
import { parseManifest } from './parse-manifest';

/**
 * Form layouts in a manifest (layout-schema.ts, check-layout.ts): a good layout is kept as written; a bad
 * one is refused with every problem at its manifest path. Conditions are checked on apply
 * (test/runtime/form-layouts.test.ts).
 */

const types = createFieldTypeRegistry();

const deal = (layout: unknown) => ({
  name: 'deal',
  pluralName: 'deals',
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'amount', type: 'currency' },
    { name: 'stage', type: 'select', options: ['new', 'won', 'lost'] },
    { name: 'lostReason', type: 'longText' },
  ],
  layout,
});
const company = { name: 'company', pluralName: 'companies', fields: [{ name: 'name', type: 'text' }] };

function problemsOf(manifest: unknown): Problem[] {
  try {
    parseManifest(manifest, types);
  } catch (error) {
    if (error instanceof StratumError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the manifest to be refused');
}

test('a layout is kept as written, without undefined keys, and frozen', () => {
  const layout = {
    sections: [
      { name: 'main', label: { en: 'Main', ru: 'Главное' }, columns: 2, fields: ['name', 'amount', 'stage'] },
      { name: 'lost', columns: 1, fields: ['lostReason'], visibleWhen: { stage: 'lost' } },
    ],
  };
  const manifest = parseManifest({ objects: [company, deal(layout)] }, types);
  expect(manifest.objects[1]!.layout).toEqual(layout);
  expect(Object.isFrozen(manifest.objects[1]!.layout!.sections[0])).toBe(true);
  expect(manifest.objects[0]!.layout).toBeUndefined();
});

test('an empty section is allowed and not every field has to be placed', () => {
  const layout = {
    sections: [
      { name: 'main', columns: 1, fields: ['name'] },
      { name: 'later', columns: 3, fields: [] },
    ],
  };
  expect(parseManifest({ objects: [deal(layout)] }, types).objects[0]!.layout).toEqual(layout);
});

test('bad shapes are refused at their paths', () => {
  const layout = {
    sections: [
      { name: 'Main section', columns: 4, fields: ['name'] },
      { name: 'extra', columns: 1, fields: 'name', colour: 'red' },
      { name: 'when', columns: 1, fields: [], visibleWhen: 'stage is won' },
    ],
  };
  expect(problemsOf({ objects: [company, deal(layout)] })).toEqual([
    { path: 'objects[1].layout.sections[0].name', message: expect.stringContaining('must match') },
    { path: 'objects[1].layout.sections[0].columns', message: 'must be 1, 2 or 3' },
    { path: 'objects[1].layout.sections[1].fields', message: 'must be a list of field names' },
    { path: 'objects[1].layout.sections[1].colour', message: 'unknown key' },
    { path: 'objects[1].layout.sections[2].visibleWhen', message: 'must be a condition object' },
  ]);
  expect(problemsOf({ objects: [deal({ sections: [] })] })).toEqual([
    { path: 'objects[0].layout.sections', message: 'a layout needs at least one section' },
  ]);
});

test('unknown fields, fields placed twice and duplicate section names are refused at their paths', () => {
  const layout = {
    sections: [
      { name: 'main', columns: 2, fields: ['name', 'amount', 'budget'] },
      { name: 'main', columns: 1, fields: ['stage', 'amount'] },
      { name: 'more', columns: 1, fields: ['id', 'stage'] },
    ],
  };
  expect(problemsOf({ objects: [company, deal(layout)] })).toEqual([
    { path: 'objects[1].layout.sections[0].fields[2]', message: '"budget" is not a field of deal' },
    { path: 'objects[1].layout.sections[1].name', message: 'duplicate section "main" in the layout of deal' },
    { path: 'objects[1].layout.sections[1].fields[1]', message: '"amount" is already in section "main"' },
    { path: 'objects[1].layout.sections[2].fields[0]', message: '"id" is not a field of deal' },
    { path: 'objects[1].layout.sections[2].fields[1]', message: '"stage" is already in section "main"' },
  ]);
});
