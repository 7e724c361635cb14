import type { ApiNames, WorkspaceField, WorkspaceObject } from '../record-api';
import { globalSearchQuery, hasSearchWords, searchGroups, searchTargets } from './search-query';

const field = (name: string, graphqlType: string | null = 'String'): WorkspaceField => ({
  name,
  label: name,
  type: 'text',
  required: false,
  system: false,
  settings: {},
  jsonSchema: {},
  graphqlType,
});

const object = (name: string, many: string, titleField: string | null, fields: WorkspaceField[]): WorkspaceObject => ({
  name,
  label: name,
  labelPlural: many,
  pluralName: many,
  titleField,
  api: { many, type: name[0]!.toUpperCase() + name.slice(1) } as ApiNames,
  fields: [field('id', 'ID!'), ...fields],
});

const company = object('company', 'companies', 'name', [field('name'), field('annualRevenue', 'Currency')]);
const deal = object('deal', 'deals', 'name', [field('name'), field('amount', 'Currency')]);
// A title the user may not read (its graphqlType is null), but another searchable field.
const contact = object('contact', 'contacts', 'lastName', [field('lastName', null), field('email')]);
// Nothing searchable: the server would refuse the whole request.
const product = object('product', 'products', 'name', [field('name'), field('sku')]);

const searchable = new Map([
  ['company', new Set(['name', 'phone'])],
  ['deal', new Set(['name'])],
  ['contact', new Set(['lastName', 'email'])],
  ['note', new Set(['title'])],
]);

describe('global search targets', () => {
  test('only objects with a readable searchable field are asked, named by their title when readable', () => {
    const targets = searchTargets([company, deal, contact, product], searchable);
    expect(targets.map((t) => [t.object.name, t.title])).toEqual([
      ['company', 'name'],
      ['deal', 'name'],
      ['contact', null],
    ]);
  });

  test('an object whose only searchable field is unreadable is left out', () => {
    const hidden = object('contact', 'contacts', 'lastName', [field('lastName', null), field('email', null)]);
    expect(searchTargets([hidden], searchable)).toEqual([]);
  });
});

describe('the global search query', () => {
  test('one request: each object aliased by its name, the text as a variable, the first few hits', () => {
    const query = globalSearchQuery(searchTargets([company, deal, contact], searchable));
    expect(query).toBe(
      [
        'query GlobalSearch($search: String!) {',
        '  company: companies(search: $search, first: 5) { totalCount edges { node { id name } } }',
        '  deal: deals(search: $search, first: 5) { totalCount edges { node { id name } } }',
        '  contact: contacts(search: $search, first: 5) { totalCount edges { node { id } } }',
        '}',
      ].join('\n'),
    );
  });

  test('nothing to ask, no query', () => {
    expect(globalSearchQuery([])).toBeNull();
  });

  test('text without letters or digits is not searched (the server would answer everything)', () => {
    expect(hasSearchWords('  — … ')).toBe(false);
    expect(hasSearchWords('tbil')).toBe(true);
    expect(hasSearchWords('Караг')).toBe(true);
    expect(hasSearchWords('ღვინ')).toBe(true);
    expect(hasSearchWords('42')).toBe(true);
  });
});

describe('search answers', () => {
  test('groups in the targets order with totals and titles; objects without hits are left out', () => {
    const targets = searchTargets([company, deal, contact], searchable);
    const groups = searchGroups(
      {
        company: { totalCount: 7, edges: [{ node: { id: 'c1', name: 'Tbilisi Logistics LLC' } }] },
        deal: { totalCount: 0, edges: [] },
        contact: { totalCount: 1, edges: [{ node: { id: 'p1' } }] },
      },
      targets,
    );
    expect(groups.map((g) => [g.object.name, g.total, g.hits])).toEqual([
      ['company', 7, [{ id: 'c1', title: 'Tbilisi Logistics LLC' }]],
      ['contact', 1, [{ id: 'p1', title: 'p1' }]],
    ]);
    expect(searchGroups(undefined, targets)).toEqual([]);
  });
});
