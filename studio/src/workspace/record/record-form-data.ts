import type { ErrorSchema } from '@rjsf/utils';
import type { Problem } from '../../graphql/problems';
import { isToMany, type WorkspaceField, type WorkspaceObject } from '../record-api';

/**
 * Between the API's record and the rjsf form's data: the form edits the object's own fields (not system
 * fields, not to-many relations, which have related lists), a to-one relation as the related record's id,
 * money as `{ amount, currency }`; empty values are `undefined` in the form and `null` in the API.
 */
type Values = Record<string, unknown>;

/** Field types the server computes: shown, never sent. */
export const COMPUTED_TYPES: ReadonlySet<string> = new Set(['formula', 'rollup', 'autonumber']);

export function formFieldsOf(object: WorkspaceObject): WorkspaceField[] {
  return object.fields.filter((f) => !f.system && f.name !== 'id' && f.graphqlType !== null && !isToMany(f));
}

const isObject = (value: unknown): value is Values => typeof value === 'object' && value !== null;

/** An object value without urql's `__typename` and without empty parts. */
function plain(value: Values): Values | undefined {
  const entries = Object.entries(value).filter(([k, v]) => k !== '__typename' && v !== null && v !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function formValue(field: WorkspaceField, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (field.type === 'relation') return isObject(value) ? value['id'] : value;
  if (isObject(value) && !Array.isArray(value)) return plain(value);
  return value;
}

/** The form's data for a record as the API answered it (computed fields stay out: they are shown, not edited). */
export function formDataOf(fields: readonly WorkspaceField[], record: Readonly<Values>): Values {
  const data: Values = {};
  for (const field of fields) {
    if (COMPUTED_TYPES.has(field.type)) continue;
    const value = formValue(field, record[field.name]);
    if (value !== undefined) data[field.name] = value;
  }
  return data;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A form value as the update input takes it: `''` and nothing as null. */
function inputValue(value: unknown): unknown {
  return value === undefined || value === '' ? null : value;
}

/** The names of the fields whose value in `draft` is not the one in `baseline`. */
export function changedFields(fields: readonly WorkspaceField[], baseline: Values, draft: Values): string[] {
  return fields
    .filter((f) => !COMPUTED_TYPES.has(f.type) && !same(inputValue(baseline[f.name]), inputValue(draft[f.name])))
    .map((f) => f.name);
}

/** The update input: only the changed fields. */
export function changesOf(fields: readonly WorkspaceField[], baseline: Values, draft: Values): Values {
  return Object.fromEntries(changedFields(fields, baseline, draft).map((name) => [name, inputValue(draft[name])]));
}

/**
 * A new baseline read from the server, with the user's unsaved edits (their changes to the old baseline) kept
 * on top: what the form shows after a failed save or when the record changed meanwhile.
 */
export function rebase(
  fields: readonly WorkspaceField[],
  oldBaseline: Values,
  draft: Values,
  newBaseline: Values,
): Values {
  const edits = changesOf(fields, oldBaseline, draft);
  const next: Values = { ...newBaseline };
  for (const [name, value] of Object.entries(edits)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

/**
 * The server's problems on the form's fields (`data.amount`, `data.amount.currency` → `amount`) as rjsf
 * `extraErrors`; the problems no field shows are answered apart, to show above the buttons.
 */
export function placeProblems(
  problems: readonly Problem[],
  fields: readonly WorkspaceField[],
): { errors: ErrorSchema; unplaced: Problem[] } {
  const names = new Set(fields.map((f) => f.name));
  const errors: Record<string, { __errors: string[] }> = {};
  const unplaced: Problem[] = [];
  for (const problem of problems) {
    const name = /^data\.([A-Za-z_][A-Za-z0-9_]*)/.exec(problem.path)?.[1];
    if (name && names.has(name)) (errors[name] ??= { __errors: [] }).__errors.push(problem.message);
    else unplaced.push(problem);
  }
  return { errors: errors as ErrorSchema, unplaced };
}
