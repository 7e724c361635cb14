import type { ConversionChoiceInput } from '../../../gql/graphql';
import type { Problem } from '../../../graphql/problems';
import type { WorkspaceField, WorkspaceObject } from '../../record-api';
import { COMPUTED_TYPES, formDataOf } from '../record-form-data';

/**
 * Between the server's conversion (`ObjectMeta.conversion`, `conversionPreview`) and the Convert dialog:
 * which fields each target's form edits, what the dialog starts with, the mutation's choices, and the
 * server's problems sorted by target. Terminology as in runtime/src/model/model.ts: the *source* is the
 * record converted, a *target* one record it becomes; `$<key>` and `$source` are *references*.
 */
type Values = Record<string, unknown>;

export interface ConversionTarget {
  readonly key: string;
  readonly object: string;
  readonly label?: unknown;
  readonly optional?: boolean;
  readonly fields: Readonly<Record<string, string>>;
  readonly match?: string;
}

export interface Conversion {
  readonly targets: readonly ConversionTarget[];
  readonly update: Readonly<Values>;
}

/** `conversionPreview.targets[i]`. */
export interface TargetPreview {
  readonly key: string;
  readonly object: string;
  readonly optional: boolean;
  readonly canCreate: boolean;
  readonly data: unknown;
  readonly references: unknown;
  readonly matches: unknown;
}

export type TargetAction = 'create' | 'use' | 'skip';

/** What the person chose for one target, and what they typed for it. */
export interface TargetState {
  readonly action: TargetAction;
  /** The create form's values (rjsf form data). */
  readonly data: Values;
  /** The existing record to use. */
  readonly useId: string | null;
}

/** `ObjectMeta.conversion`, or null when it is not one. */
export function conversionOf(value: unknown): Conversion | null {
  const c = value as Conversion | null;
  return c && Array.isArray(c.targets) && c.targets.length > 0 ? c : null;
}

/**
 * The fields a target's create form edits: the mapped ones (not references) that the user may read, in the
 * object's field order (a mapping's keys come back from the server in jsonb's order, not as written).
 */
export function editableFields(target: ConversionTarget, object: WorkspaceObject): WorkspaceField[] {
  const mapped = (name: string) => target.fields[name] !== undefined && !target.fields[name].startsWith('$');
  return object.fields.filter(
    (f) => mapped(f.name) && f.graphqlType !== null && !f.system && !COMPUTED_TYPES.has(f.type),
  );
}

/** The existing records the preview offers (`id` and their fields). */
export function matchesOf(preview: TargetPreview): readonly Values[] {
  return Array.isArray(preview.matches) ? (preview.matches as Values[]) : [];
}

/** Where a target starts: created from its mapped values; an existing record when the user may not create one. */
export function initialState(preview: TargetPreview, fields: readonly WorkspaceField[]): TargetState {
  const matches = matchesOf(preview);
  const firstMatch = typeof matches[0]?.['id'] === 'string' ? (matches[0]['id'] as string) : null;
  const action: TargetAction = preview.canCreate ? 'create' : firstMatch ? 'use' : preview.optional ? 'skip' : 'create';
  return { action, data: formDataOf(fields, (preview.data ?? {}) as Values), useId: firstMatch };
}

const emptyValue = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The create input of a target: what the form holds, and null for a mapped value the person cleared (so it
 * is not copied after all). Untouched empty fields are left out, so the target's defaults apply.
 */
export function createData(fields: readonly WorkspaceField[], preview: TargetPreview, data: Values): Values {
  const mapped = (preview.data ?? {}) as Values;
  const input: Values = {};
  for (const field of fields) {
    const value = data[field.name];
    if (!emptyValue(value)) input[field.name] = value;
    else if (!emptyValue(mapped[field.name])) input[field.name] = null;
  }
  return input;
}

/** The mutation's `targets`: one choice per target. */
export function choicesOf(
  targets: readonly { preview: TargetPreview; fields: readonly WorkspaceField[]; state: TargetState }[],
): ConversionChoiceInput[] {
  return targets.map(({ preview, fields, state }) => {
    switch (state.action) {
      case 'create':
        return { key: preview.key, action: 'CREATE', data: createData(fields, preview, state.data) };
      case 'use':
        return { key: preview.key, action: 'USE', id: state.useId };
      case 'skip':
        return { key: preview.key, action: 'SKIP' };
    }
  });
}

/**
 * The server's problems of one target, at the paths its create form knows (`targets.contact.data.email` →
 * `data.email`, as record-form-data's placeProblems reads them); `targets.contact.id` → `id`.
 */
export function problemsOfTarget(problems: readonly Problem[], key: string): Problem[] {
  const prefix = `targets.${key}.`;
  return problems.filter((p) => p.path.startsWith(prefix)).map((p) => ({ ...p, path: p.path.slice(prefix.length) }));
}

/** The problems no target shows (the source's update, a second conversion, a network failure). */
export function generalProblems(problems: readonly Problem[], keys: readonly string[]): Problem[] {
  return problems.filter((p) => !keys.some((key) => p.path.startsWith(`targets.${key}.`)));
}

/** The record to open after converting: the last target made or used (the deal, else the contact…). */
export function destinationOf<T extends { id?: string | number | null }>(targets: readonly T[]): T | undefined {
  return [...targets].reverse().find((t) => t.id !== null && t.id !== undefined);
}
