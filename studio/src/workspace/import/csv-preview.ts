import Papa from 'papaparse';

export interface CsvPreview {
  readonly header: readonly string[];
  /** The first rows, for the mapping's samples and guesses. */
  readonly rows: readonly (readonly string[])[];
  readonly delimiter: string;
}

/** Enough of a file to show its columns with samples; the whole file is only ever read by the server. */
const PREVIEW_BYTES = 256 * 1024;
const PREVIEW_ROWS = 50;

/**
 * Reads the header and the first rows of a CSV in the browser (papaparse, delimiter detected), so the mapping can
 * be shown at once even for a file of a million rows. A malformed start (no header) is an error the page shows.
 */
export async function previewCsv(file: File): Promise<CsvPreview | { readonly error: string }> {
  const text = await file.slice(0, PREVIEW_BYTES).text();
  // The last line of the slice may be cut short: leave it out unless the slice is the whole file.
  const whole = file.size <= PREVIEW_BYTES;
  const complete = whole ? text : text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  const parsed = Papa.parse<string[]>(complete.replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
    preview: PREVIEW_ROWS + 1,
  });
  const [header, ...rows] = parsed.data;
  if (!header || header.every((cell) => cell.trim() === ''))
    return { error: parsed.errors[0]?.message ?? 'The file is empty: its first line must name the columns' };
  return { header: header.map((h) => h.trim()), rows, delimiter: parsed.meta.delimiter };
}
