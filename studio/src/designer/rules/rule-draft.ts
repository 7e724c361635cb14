import type { Problem } from '../../graphql/problems';
import { labelDraft, labelValue, type LabelDraft } from '../label-draft';

/**
 * Terminology: a *rule* is one entry of an object's `validationRules` (README "Validation rules"): what every
 * record must satisfy, as a condition (what a valid record meets) or as a script (a function body answering
 * true, false or a message). A *rule draft* is a rule as its dialog edits it: both a condition and a script
 * are kept while the user switches between them, and only the chosen one is saved.
 */
export type RuleKind = 'condition' | 'script';

export interface RuleDraft {
  readonly name: string;
  readonly label: LabelDraft;
  readonly message: string;
  readonly kind: RuleKind;
  readonly condition: Record<string, unknown> | undefined;
  readonly script: string;
  readonly fields: readonly string[];
  readonly active: boolean;
}

/** A rule as `ObjectMeta.validationRules` answers it to an admin (and as `updateObject` takes it back). */
export interface RuleJson {
  readonly name: string;
  readonly label?: unknown;
  readonly message: string;
  readonly condition?: Record<string, unknown>;
  readonly script?: string;
  readonly fields?: readonly string[];
  readonly active?: boolean;
}

const API_NAME = /^[a-z][a-zA-Z0-9]{0,62}$/;

export const newRule = (): RuleDraft => ({
  name: '',
  label: labelDraft(undefined),
  message: '',
  kind: 'condition',
  condition: undefined,
  script: '',
  fields: [],
  active: true,
});

/** The API's rules (`unknown` JSON) → the ones this editor can show; anything without a name is left out. */
export function rulesOf(value: unknown): readonly RuleJson[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (rule): rule is RuleJson =>
      typeof rule === 'object' && rule !== null && typeof (rule as { name?: unknown }).name === 'string',
  );
}

export function ruleDraft(rule: RuleJson): RuleDraft {
  return {
    name: rule.name,
    label: labelDraft(rule.label),
    message: rule.message,
    kind: typeof rule.script === 'string' ? 'script' : 'condition',
    condition: rule.condition,
    script: rule.script ?? '',
    fields: rule.fields ?? [],
    active: rule.active !== false,
  };
}

/**
 * The draft → the rule `updateObject` saves: only the chosen kind, and the keys the manifest leaves out when
 * they say nothing (no label, no fields, `active` when true), so an untouched rule goes back as it came.
 */
export function ruleValue(draft: RuleDraft): RuleJson {
  const label = labelValue(draft.label);
  return {
    name: draft.name.trim(),
    ...(label !== undefined ? { label } : {}),
    message: draft.message.trim(),
    ...(draft.kind === 'condition' ? { condition: draft.condition ?? {} } : { script: draft.script }),
    ...(draft.fields.length ? { fields: draft.fields } : {}),
    ...(draft.active ? {} : { active: false }),
  };
}

/** The list to save: `rules` with the one at `index` replaced by `rule` (appended when `index` is -1). */
export function withRule(rules: readonly RuleJson[], index: number, rule: RuleJson): RuleJson[] {
  return index < 0 ? [...rules, rule] : rules.map((r, i) => (i === index ? rule : r));
}

/** What is wrong with a draft before anything is sent: by the dialog's own paths (`name`, `message`, …). */
export function ruleDraftProblems(
  draft: RuleDraft,
  others: readonly RuleJson[],
  wording: { name: string; taken: string; message: string; script: string; condition: string },
): readonly Problem[] {
  const problems: Problem[] = [];
  const name = draft.name.trim();
  if (!API_NAME.test(name)) problems.push({ path: 'name', message: wording.name });
  else if (others.some((r) => r.name === name)) problems.push({ path: 'name', message: wording.taken });
  if (!draft.message.trim()) problems.push({ path: 'message', message: wording.message });
  if (draft.kind === 'script' && !draft.script.trim()) problems.push({ path: 'script', message: wording.script });
  if (draft.kind === 'condition' && !draft.condition) problems.push({ path: 'condition', message: wording.condition });
  return problems;
}

/**
 * The server's problems with a saved list, by the dialog's paths: `input.validationRules[2].script` is the
 * script of the rule that was sent at index 2 (`script`); `input.validationRules[2]` is the rule itself
 * (path ''). Problems about anything else keep their path, for the dialog to show above its buttons.
 */
export function ruleProblems(problems: readonly Problem[], index: number): readonly Problem[] {
  const prefix = `input.validationRules[${index}]`;
  return problems.map((p) => {
    if (p.path === prefix) return { ...p, path: '' };
    if (p.path.startsWith(`${prefix}.`)) return { ...p, path: p.path.slice(prefix.length + 1) };
    return p.path === '' ? { ...p, path: 'input' } : p;
  });
}
