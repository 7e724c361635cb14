/**
 * How a script's code (a function body) becomes QuickJS source, and how positions in that source map back
 * to the user's lines. Used by the worker and by the syntax check, so both report the same line.
 */

/** The file name QuickJS gives the user's code in stack traces; frames of our prelude have another name. */
export const SCRIPT_FILE = 'script.js';

/**
 * An async function so that the body may `await` and may return a promise. The header ends in a newline
 * so line 1 of the code is line 2 of the source (LINE_OFFSET), and the footer starts with one so that a
 * trailing `// comment` cannot swallow it. Code can close the wrapper early (`}); …; (function () {`);
 * that is harmless: whatever it does runs in the same VM under the same limits, it only changes its own
 * result.
 */
const HEADER = '(async function () {\n';
const LINE_OFFSET = 1;

export function wrapScript(code: string): string {
  return `${HEADER}${code}\n})`;
}

const FRAME = new RegExp(`\\b${SCRIPT_FILE.replace('.', '\\.')}:(\\d+)`);

/**
 * The user's line of the innermost frame of their code in a QuickJS stack trace (`at f (script.js:3:9)`),
 * clamped to the code's lines (an unclosed brace is reported at the wrapper's last line: the code's last).
 */
export function scriptLine(stack: string, code: string): number | undefined {
  const match = FRAME.exec(stack);
  if (!match) return undefined;
  const lines = code.split('\n').length;
  return Math.min(Math.max(Number(match[1]) - LINE_OFFSET, 1), lines);
}

/**
 * A failure's message with the user's line appended (`SyntaxError: … (line 2)`), the line clamped to the
 * code's `lineCount`: code run inside a wrapper can be blamed for the wrapper's closing line, which the
 * user knows as the code's last.
 */
export function atScriptLine(
  message: string,
  line: number | undefined,
  lineCount: number,
): { readonly message: string; readonly line: number | undefined } {
  if (line === undefined) return { message, line };
  const clamped = Math.min(line, lineCount);
  return { message: `${message} (line ${clamped})`, line: clamped };
}
