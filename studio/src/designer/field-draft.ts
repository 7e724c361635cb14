import { isComputedType, settingsOf } from './field-types';
import { emptyLabel, labelDraft, labelValue, type LabelDraft } from './label-draft';
import { optionDraft, optionValue, type OptionDraft } from './option-draft';

/** A field as the server describes it (FieldMeta), as far as the designer reads it. */
export interface FieldShape {
  readonly name: string;
  readonly type: string;
  readonly labels?: unknown;
  readonly description?: string | null | undefined;
  readonly required: boolean;
  readonly unique: boolean;
  readonly indexed: boolean;
  readonly searchable: boolean;
  readonly default?: unknown;
  readonly settings: unknown;
}

/**
 * A field as its form edits it. Settings the form has no input for are kept as they came (`settings`), so an
 * edit sends only what the user changed.
 */
export interface FieldDraft {
  readonly name: string;
  readonly type: string;
  readonly label: LabelDraft;
  readonly description: string;
  readonly required: boolean;
  readonly unique: boolean;
  readonly indexed: boolean;
  readonly searchable: boolean;
  /** The default as the manifest writes it (undefined: none). */
  readonly default: unknown;
  /** The type-specific keys other than options: target, currency, expression… */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly options: readonly OptionDraft[];
}

export const newFieldDraft = (): FieldDraft => ({
  name: '',
  type: 'text',
  label: emptyLabel,
  description: '',
  required: false,
  unique: false,
  indexed: false,
  searchable: false,
  default: undefined,
  settings: {},
  options: [optionDraft('')],
});

export function fieldDraft(field: FieldShape): FieldDraft {
  const { options, ...settings } = (field.settings ?? {}) as Record<string, unknown>;
  return {
    name: field.name,
    type: field.type,
    label: labelDraft(field.labels),
    description: field.description ?? '',
    required: field.required,
    unique: field.unique,
    indexed: field.indexed,
    searchable: field.searchable,
    default: field.default ?? undefined,
    settings,
    options: Array.isArray(options) ? options.map(optionDraft) : [optionDraft('')],
  };
}

type Input = Record<string, unknown>;

/**
 * The field as manifest keys (what `createField` takes, without `object`): only the settings of its type, and
 * no empty ones. Keys that do not apply to the type are left out, so changing the type drops them.
 */
export function fieldInput(draft: FieldDraft): Input {
  const input: Input = { name: draft.name.trim(), type: draft.type };
  const label = labelValue(draft.label);
  if (label !== undefined) input['label'] = label;
  if (draft.description.trim()) input['description'] = draft.description.trim();
  const computed = isComputedType(draft.type);
  if (!computed) {
    if (draft.required) input['required'] = true;
    if (draft.unique) input['unique'] = true;
    if (draft.indexed) input['indexed'] = true;
    if (draft.searchable) input['searchable'] = true;
    if (draft.default !== undefined && draft.default !== '') input['default'] = draft.default;
  }
  for (const key of settingsOf(draft.type)) {
    if (key === 'options') {
      input['options'] = draft.options.map(optionValue);
      continue;
    }
    const value = draft.settings[key];
    if (value === undefined || value === null || value === '' || value === false) continue;
    input[key] = typeof value === 'string' ? value.trim() : value;
  }
  return input;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What `updateField` needs to turn `before` into `after`: the keys that differ, with `null` for the ones to
 * remove (FieldUpdateInput's rule). Empty when nothing changed.
 */
export function fieldChanges(before: FieldDraft, after: FieldDraft): Input {
  const from = fieldInput(before);
  const to = fieldInput(after);
  const changes: Input = {};
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (!same(from[key], to[key])) changes[key] = key in to ? to[key] : null;
  }
  return changes;
}

/** GraphQL's FieldCreateInput/FieldUpdateInput have no key for the settings of plugins' types: those go in `settings`. */
const INPUT_KEYS = new Set([
  'name',
  'type',
  'label',
  'description',
  'required',
  'unique',
  'indexed',
  'searchable',
  'default',
  'options',
  'target',
  'many',
  'inverse',
  'onDelete',
  'currency',
  'min',
  'max',
  'precision',
  'maxLength',
  'defaultCountry',
  'prefix',
  'padding',
  'expression',
  'resultType',
  'relation',
  'function',
  'field',
  'filter',
]);

/** Manifest keys → a GraphQL field input. */
export function graphqlInput(input: Input): Input {
  const known = Object.entries(input).filter(([key]) => INPUT_KEYS.has(key));
  const other = Object.entries(input).filter(([key]) => !INPUT_KEYS.has(key));
  return { ...Object.fromEntries(known), ...(other.length ? { settings: Object.fromEntries(other) } : {}) };
}

/** A problem the form finds before asking the server: at a form path, as a message key of `objects.field.check`. */
export interface DraftProblem {
  readonly path: string;
  readonly key: 'minAboveMax' | 'emptyOption' | 'duplicateOption' | 'noExpression';
  readonly n?: number;
}

/**
 * What the form can tell is wrong without the server (shown on the inputs before anything is sent): bounds
 * the wrong way round, empty or repeated option values, a formula without an expression. Everything else is
 * the server's to judge.
 */
export function draftProblems(draft: FieldDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const keys = settingsOf(draft.type);
  const { min, max } = draft.settings as { min?: unknown; max?: unknown };
  if (keys.includes('min') && typeof min === 'number' && typeof max === 'number' && min > max)
    problems.push({ path: 'input.max', key: 'minAboveMax' });
  if (keys.includes('options')) {
    const seen = new Set<string>();
    draft.options.forEach((option, i) => {
      const value = option.value.trim();
      if (!value) problems.push({ path: `input.options[${i}]`, key: 'emptyOption', n: i + 1 });
      else if (seen.has(value)) problems.push({ path: `input.options[${i}]`, key: 'duplicateOption', n: i + 1 });
      seen.add(value);
    });
  }
  if (draft.type === 'formula' && !String(draft.settings['expression'] ?? '').trim())
    problems.push({ path: 'input.expression', key: 'noExpression' });
  return problems;
}
