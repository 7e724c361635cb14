import { Readable } from 'node:stream';
import { parse, type Parser } from 'csv-parse';

/** Separators a spreadsheet writes: comma, semicolon (locales with a decimal comma), tab. */
const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];
/** The header is looked for in the file's first bytes; a longer first line is read as comma-separated. */
const HEADER_BYTES = 64 * 1024;

/**
 * The header line's separator: the candidate that occurs most often in it outside quotes (a comma when there is
 * none, a one-column file). One separator for the whole file, so a semicolon inside a comma-separated file's
 * cell stays text.
 *
 * @example
 *   detectDelimiter('Name;Amount;"Notes, if any"'); // ';'
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/**
 * The rows of a CSV stream, parsed with the separator of its header line (csv-parse; a byte-order mark and empty
 * lines skipped, rows of the wrong width passed on for the import to report). Only the header's bytes are read
 * before parsing starts.
 */
export async function csvRows(file: NodeJS.ReadableStream): Promise<Parser> {
  const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let size = 0;
  while (size < HEADER_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
    if (next.value.includes(10)) break;
  }
  const start = Buffer.concat(head);
  const firstLine = start.subarray(0, start.includes(10) ? start.indexOf(10) : start.length).toString('utf8');
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    delimiter: detectDelimiter(firstLine),
  });
  async function* whole(): AsyncGenerator<Buffer> {
    yield start;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const source = Readable.from(whole());
  // The upload's own failure (too large, cut off) ends the rows with its error, as a parse error would.
  source.on('error', (error) => parser.destroy(error));
  return source.pipe(parser);
}
