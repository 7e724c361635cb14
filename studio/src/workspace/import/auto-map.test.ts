import type { WorkspaceField } from '../record-api';
import { autoMap, guessDateOrder, initialMapping, matchKey } from './auto-map';

const field = (
  name: string,
  label: string,
  type = 'text',
  jsonSchema: unknown = { type: 'string' },
): WorkspaceField => ({
  name,
  label,
  type,
  required: false,
  system: false,
  settings: {},
  jsonSchema,
  graphqlType: 'String',
});

const FIELDS = [
  field('name', 'Name'),
  field('closeDate', 'Close date', 'date', { type: 'string', format: 'date' }),
  field('amount', 'Amount', 'currency', { type: 'object', properties: { amount: {}, currency: {} } }),
  field('stage', 'Stage', 'select', { type: 'string', enum: ['won', 'lost'] }),
];

test('labels, names and spreadsheet spellings match the same field', () => {
  expect(matchKey('close_date')).toBe(matchKey('Close date'));
  expect(matchKey('closeDate')).toBe(matchKey('CLOSE-DATE'));
  expect(autoMap(['close_date', 'Deal Stage', 'NAME', 'name'], FIELDS)).toEqual([
    'closeDate',
    undefined,
    'name',
    undefined,
  ]);
});

test('the date order follows the samples, and the language when they cannot tell', () => {
  expect(guessDateOrder(['10/20/2016', '3/1/2017'], 'ru')).toBe('MDY');
  expect(guessDateOrder(['20.10.2016'], 'en')).toBe('DMY');
  expect(guessDateOrder(['2016-10-20'], 'en')).toBe('YMD');
  expect(guessDateOrder(['3/1/2017'], 'en')).toBe('MDY');
  expect(guessDateOrder(['3/1/2017'], 'ka')).toBe('DMY');
});

test('the first mapping carries a date order for dates and a currency for money', () => {
  const mapping = initialMapping(
    ['close_date', 'amount', 'stage', 'notes'],
    [['10/20/2016', '1054', 'Won', 'x']],
    FIELDS,
    'en',
    'usd',
  );
  expect(mapping).toEqual([
    { column: 'close_date', field: 'closeDate', dateOrder: 'MDY' },
    { column: 'amount', field: 'amount', currency: 'USD' },
    { column: 'stage', field: 'stage' },
    { column: 'notes' },
  ]);
});
