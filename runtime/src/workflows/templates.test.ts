import { lookup, renderTemplates, templatePaths } from './templates';

const scope = {
  trigger: { record: { title: 'Vake flat', price: { amount: 120000, currency: 'GEL' }, tags: ['new'] } },
  steps: { find: { output: { records: [{ id: 'a1' }, { id: 'b2' }] } } },
};

test('a whole-string template keeps the value and its type', () => {
  expect(renderTemplates('{{trigger.record.price}}', scope)).toEqual({ amount: 120000, currency: 'GEL' });
  expect(renderTemplates('{{ steps.find.output.records[1].id }}', scope)).toBe('b2');
  expect(renderTemplates('{{trigger.record.missing}}', scope)).toBeNull();
});

test('templates inside text become text; objects become JSON', () => {
  expect(renderTemplates('Open house: {{trigger.record.title}} ({{trigger.record.tags}})', scope)).toBe(
    'Open house: Vake flat (["new"])',
  );
  expect(renderTemplates('Hello {{nobody.here}}!', scope)).toBe('Hello !');
});

test('objects and arrays are walked; other values are kept', () => {
  expect(
    renderTemplates(
      { title: 'Visit {{trigger.record.title}}', n: 3, list: ['{{steps.find.output.records[0].id}}', true] },
      scope,
    ),
  ).toEqual({
    title: 'Visit Vake flat',
    n: 3,
    list: ['a1', true],
  });
});

test('paths never reach prototypes or functions', () => {
  expect(lookup(scope, 'trigger.constructor')).toBeUndefined();
  expect(lookup(scope, 'trigger.record.title.length')).toBeUndefined();
  expect(lookup({ a: { f: () => 1 } } as never, 'a.f')).toBeUndefined();
  expect(renderTemplates('{{__proto__.polluted}}', scope)).toBeNull();
});

test('the paths a definition refers to are listed', () => {
  expect(templatePaths({ a: '{{trigger.record.title}} and {{ steps.x.output }}', b: ['{{y}}'] })).toEqual([
    'trigger.record.title',
    'steps.x.output',
    'y',
  ]);
});
