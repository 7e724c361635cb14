import type { RecordContext } from '../../runtime/src/records/context';
import { findMany } from '../../runtime/src/records/find';
import { createMany } from '../../runtime/src/records/write';
import { workspaceWith } from '../support/workspace';

/**
 * Searching for a phone number (runtime/src/records/search.ts): phones are stored in E.164, one lexeme with
 * its `+`, so the number a caller gives — international, with spaces and dashes, or national in the field's
 * default country — finds the record through the field's full-text index, and a name never matches a phone.
 */
const manifest = {
  objects: [
    {
      name: 'contact',
      pluralName: 'contacts',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'phone', type: 'phone', defaultCountry: 'GE' },
      ],
    },
  ],
};

describe('phone search', () => {
  let dispose: () => Promise<void>;
  let ctx: () => Promise<RecordContext>;

  beforeAll(async () => {
    ({ ctx, dispose } = await workspaceWith(manifest));
    await createMany(await ctx(), 'contact', [
      { name: 'Nino', phone: '+995 599 12 34 56' },
      { name: 'Aibek', phone: '+7 701 555 12 34' },
      { name: 'Giorgi 599', phone: '032 200 11 22' },
    ]);
  });
  afterAll(() => dispose());

  const names = async (search: string) =>
    (await findMany(await ctx(), 'contact', { search, first: 50 })).records.map((r) => r.name).sort();

  test('the number as a caller gives it finds the record', async () => {
    expect(await names('+995 599 12 34 56')).toEqual(['Nino']);
    expect(await names('+995599')).toEqual(['Nino']);
    expect(await names('995-599-123')).toEqual(['Nino']);
    expect(await names('+7 (701) 555')).toEqual(['Aibek']);
  });

  test("a national number is read in the field's default country", async () => {
    expect(await names('599 12 34')).toEqual(['Nino']);
    expect(await names('032 200 11')).toEqual(['Giorgi 599']);
  });

  test('words still search the text fields, and never a phone', async () => {
    expect(await names('nino')).toEqual(['Nino']);
    // "599" is in Giorgi's name and in Nino's number: a number matches either.
    expect(await names('599')).toEqual(['Giorgi 599', 'Nino']);
    expect(await names('Giorgi 599')).toEqual(['Giorgi 599']);
    expect(await names('701 nino')).toEqual([]);
  });
});
