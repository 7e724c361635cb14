import { Readable } from 'node:stream';
import { csvRows, detectDelimiter } from './csv-rows';

const rowsOf = async (text: string, pieces = 1) => {
  const size = Math.ceil(text.length / pieces);
  const chunks = Array.from({ length: pieces }, (_, i) => Buffer.from(text.slice(i * size, (i + 1) * size)));
  const rows: string[][] = [];
  for await (const row of await csvRows(Readable.from(chunks))) rows.push(row as string[]);
  return rows;
};

describe('detectDelimiter', () => {
  test.each([
    ['Name,Amount,Stage', ','],
    ['Name;Amount;Stage', ';'],
    ['Name\tAmount\tStage', '\t'],
    ['"Name, full";Amount', ';'],
    ['"Notes; any";Amount,Stage,Owner', ','],
    ['Name', ','],
  ])('%j is separated by %j', (header, delimiter) => expect(detectDelimiter(header)).toBe(delimiter));
});

describe('csvRows', () => {
  test('a comma file keeps semicolons inside cells, a semicolon file keeps commas', async () => {
    expect(await rowsOf('Name,Notes\nAcme,a;b\n')).toEqual([
      ['Name', 'Notes'],
      ['Acme', 'a;b'],
    ]);
    expect(await rowsOf('\uFEFFName;Amount\nAcme;1,5\n\nBeta;2\n')).toEqual([
      ['Name', 'Amount'],
      ['Acme', '1,5'],
      ['Beta', '2'],
    ]);
  });

  test('a header split across the upload’s pieces is found whole', async () => {
    const text = `${Array.from({ length: 40 }, (_, i) => `Column ${i}`).join(';')}\n${'x;'.repeat(39)}x\n`;
    const rows = await rowsOf(text, 7);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(40);
    expect(rows[1]).toEqual(Array(40).fill('x'));
  });

  test('an empty file has no rows', async () => {
    expect(await rowsOf('')).toEqual([]);
  });
});
