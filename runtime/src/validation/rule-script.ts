/**
 * How a script rule's code runs in the sandbox. The code is the body of a function of `record` (the
 * record as it will be after the write), `before` (as stored; null on create) and `user` (`{ id }`, or
 * null for the system). One sandbox run checks a whole chunk of records: the body is called once per
 * record, and the run answers one verdict per record — far cheaper than a run per record.
 *
 * Verdicts: `true` (valid), `false` (invalid: the rule's message), a string (invalid: that message, or
 * the rule's when it is blank); anything else is the rule's mistake (SCRIPT_ERROR).
 */

/** Records checked by one sandbox run; bounds its input and output (verdict strings are cut to 1,000 characters). */
export const RECORDS_PER_RUN = 200;

const MAX_MESSAGE = 1000;

/** Calls the rule's body once per record of the run; all of it on one line, before the user's first. */
const HEAD = [
  'const __verdicts = [];',
  'for (const __item of input.items) {',
  'const __verdict = await (async function (record, before, user, input) {',
].join(' ');

/** Collects the verdict (a message cut to size, or what else came back); starts on a line of its own. */
const TAIL = [
  '\n}).call(undefined, __item.record, __item.before, input.user, undefined);',
  "__verdicts.push(typeof __verdict === 'boolean' ? __verdict",
  `: typeof __verdict === 'string' ? __verdict.slice(0, ${MAX_MESSAGE})`,
  ": { returned: __verdict === null ? 'null' : typeof __verdict });",
  '}',
  'return __verdicts;',
].join(' ');

/**
 * The code given to the sandbox for a rule's script. Everything before the user's code sits on its first
 * line and everything after starts on a new one, so error lines are the user's own. The parameter `input`
 * hides the run's global input (the other records of the chunk) from the body.
 */
export function ruleScriptSource(code: string): string {
  return HEAD + code + TAIL;
}

/** What the host makes of one verdict: valid, invalid with a message, or a result the rule may not give. */
export type Verdict =
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid'; readonly message: string | undefined }
  | { readonly kind: 'bad'; readonly returned: string };

export function readVerdict(value: unknown): Verdict {
  if (value === true) return { kind: 'valid' };
  if (value === false) return { kind: 'invalid', message: undefined };
  if (typeof value === 'string') return { kind: 'invalid', message: value.trim() === '' ? undefined : value };
  const returned = (value as { returned?: unknown } | null)?.returned;
  return { kind: 'bad', returned: typeof returned === 'string' ? returned : typeof value };
}
