/** A file's text parsed as JSON, or where and why it is not JSON (1-based line and column). */
export type ParsedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly line: number | null; readonly column: number | null };

/** Line and column (1-based) of a 0-based offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * JSON.parse with the place of the error. V8 says "… in JSON at position 42" (newer versions add
 * "(line 3 column 5)"); the position is turned into a line and column here so every browser's message works.
 */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const stated = /line (\d+) column (\d+)/.exec(message);
    if (stated) return { ok: false, message, line: Number(stated[1]), column: Number(stated[2]) };
    const position = /position (\d+)/.exec(message);
    if (position) return { ok: false, message, ...lineColumn(text, Number(position[1])) };
    // "Unexpected end of JSON input": the end of the text.
    if (/end of JSON/i.test(message)) return { ok: false, message, ...lineColumn(text, text.length) };
    return { ok: false, message, line: null, column: null };
  }
}
