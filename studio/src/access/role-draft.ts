import { matrixToRules, rulesToMatrix, sameMatrix, type RuleMatrix, type RuleOrigin } from './rules-matrix';

/** A role as it is written (the `roles` query, CONTRACT.md "Roles"). */
export interface RoleData {
  readonly name: string;
  readonly label?: unknown;
  readonly description?: string | null;
  readonly rules: unknown;
}

/** What the role editor edits: the role's texts and its rules as a matrix. */
export interface RoleDraft {
  readonly name: string;
  /** The label in the language being shown; saved into that language of a label written per language. */
  readonly label: string;
  readonly description: string;
  readonly matrix: RuleMatrix;
}

/** Role names are API names (CONTRACT.md); `admin` is built in. */
const NAME = /^[a-z][a-zA-Z0-9]{0,62}$/;
export const ADMIN_ROLE = 'admin';

export type NameProblem = 'required' | 'pattern' | 'admin' | undefined;

export function nameProblem(name: string): NameProblem {
  if (!name) return 'required';
  if (name === ADMIN_ROLE) return 'admin';
  return NAME.test(name) ? undefined : 'pattern';
}

const rulesOf = (role: RoleData | undefined): unknown[] => (Array.isArray(role?.rules) ? role.rules : []);

export function draftOf(role: RoleData | undefined, objects: readonly string[], language: string): RoleDraft {
  const label = role?.label;
  const text =
    typeof label === 'string'
      ? label
      : label && typeof label === 'object'
        ? String((label as Record<string, unknown>)[language] ?? '')
        : '';
  return {
    name: role?.name ?? '',
    label: text,
    description: role?.description ?? '',
    matrix: rulesToMatrix(rulesOf(role), objects).matrix,
  };
}

/** A label written per language keeps its other languages; a text label stays text. */
function labelOf(saved: unknown, text: string, language: string): unknown {
  if (saved && typeof saved === 'object' && !Array.isArray(saved)) {
    const map = { ...(saved as Record<string, unknown>) };
    if (text) map[language] = text;
    else delete map[language];
    return Object.keys(map).length ? map : undefined;
  }
  return text || undefined;
}

/**
 * The `saveRole` input for a draft, and where each of its rules came from. Rules whose matrix did not
 * change are sent as they were written, so opening and saving a role rewrites nothing.
 */
export function roleInput(
  draft: RoleDraft,
  saved: RoleData | undefined,
  objects: readonly string[],
  language: string,
): { input: Record<string, unknown>; origins: RuleOrigin[] } {
  const before = rulesToMatrix(rulesOf(saved), objects);
  const unchanged = saved !== undefined && sameMatrix(before.matrix, draft.matrix, objects);
  const { rules, origins } = unchanged
    ? { rules: rulesOf(saved), origins: before.origins }
    : matrixToRules(draft.matrix, objects);
  const label = labelOf(saved?.label, draft.label.trim(), language);
  const description = draft.description.trim();
  return {
    input: {
      name: draft.name.trim(),
      ...(label !== undefined ? { label } : {}),
      ...(description ? { description } : {}),
      rules,
    },
    origins,
  };
}
