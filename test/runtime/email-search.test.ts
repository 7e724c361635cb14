import type { RecordContext } from '../../runtime/src/records/context';
import { findMany } from '../../runtime/src/records/find';
import { createMany } from '../../runtime/src/records/write';
import { workspaceWith } from '../support/workspace';

/**
 * Searching for an e-mail address (runtime/src/records/search.ts): PostgreSQL's parser keeps an address as
 * one lexeme, so the address as a caller types it, whole or its beginning, finds the record through the
 * field's full-text index, as do the words of a name.
 */
const manifest = {
  objects: [
    {
      name: 'contact',
      pluralName: 'contacts',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'email', type: 'email' },
      ],
    },
  ],
};

describe('e-mail search', () => {
  let dispose: () => Promise<void>;
  let ctx: () => Promise<RecordContext>;

  beforeAll(async () => {
    ({ ctx, dispose } = await workspaceWith(manifest));
    await createMany(await ctx(), 'contact', [
      { name: 'Nino Beridze', email: 'nino.beridze@example.ge' },
      { name: "Sean O'Brien", email: "sean.o'brien@example.ie" },
      { name: 'Aibek', email: 'aibek@mail.kz' },
    ]);
  });
  afterAll(() => dispose());

  const names = async (search: string) =>
    (await findMany(await ctx(), 'contact', { search, first: 50 })).records.map((r) => r.name).sort();

  test('the whole address, in any case, finds the record', async () => {
    expect(await names('nino.beridze@example.ge')).toEqual(['Nino Beridze']);
    expect(await names(' Aibek@Mail.KZ ')).toEqual(['Aibek']);
    expect(await names("sean.o'brien@example.ie")).toEqual(["Sean O'Brien"]);
  });

  test('the beginning of an address finds it too', async () => {
    expect(await names('nino.beridze@exa')).toEqual(['Nino Beridze']);
    expect(await names('aibek@')).toEqual(['Aibek']);
  });

  test('words still match names, and an address matches no other record', async () => {
    expect(await names('nino')).toEqual(['Nino Beridze']);
    expect(await names('beridze nino')).toEqual(['Nino Beridze']);
    expect(await names('someone@example.ge')).toEqual([]);
    // Quotes, backslashes and tsquery operators are text to match, never syntax.
    expect(await names("o'brien\\' & !x@")).toEqual([]);
    expect(await names('aibek@mail.kz:* | a')).toEqual([]);
  });
});
