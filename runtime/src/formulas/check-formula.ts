import { notFound } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { findObject, type FieldDef, type Model } from '../model/model';
import type { ResultType } from './expression';
import { computedOutcome } from './computed-fields';

/** A formula being written, as the designer has it so far. */
export interface FormulaDraft {
  readonly expression: string;
  readonly resultType?: ResultType | undefined;
  readonly currency?: string | undefined;
  /** The formula field being edited, if it exists: the draft replaces it (so a self-reference is a cycle). */
  readonly field?: string | undefined;
}

/** One problem of a draft: at a key of the field (`expression`, `resultType`, `currency`). */
export interface FormulaProblem {
  readonly path: string;
  readonly message: string;
  /** 0-based position in the expression, for problems of the expression that have one. */
  readonly position: number | null;
}

export type FormulaCheck =
  | { readonly ok: true; readonly type: ResultType; readonly problems: readonly [] }
  | { readonly ok: false; readonly type: null; readonly problems: readonly FormulaProblem[] };

// FormulaError (parse-expression.ts) ends its message with " at position N" and an optional "(hint)".
const POSITION = / at position (\d+)(?: \(|$)/;

/**
 * Checks a formula against the model without changing it: the same analysis `applyManifest` runs on a
 * formula field, on a copy of the model where the draft is a field of `object`. This is what lets the
 * studio validate an expression as it is typed.
 *
 * @example
 *   checkFormula(model, types, 'deal', { expression: 'amout * 2' })
 *   // { ok: false, problems: [{ path: 'expression', message: 'unknown field "amout" … at position 0 …', position: 0 }] }
 */
export function checkFormula(
  model: Model,
  types: FieldTypeRegistry,
  objectName: string,
  draft: FormulaDraft,
): FormulaCheck {
  const object = findObject(model, objectName);
  if (!object) throw notFound(`Unknown object "${objectName}"`, { object: objectName });
  const name =
    draft.field && object.fields.some((f) => f.name === draft.field) ? draft.field : unusedName(object.fields);
  const field: FieldDef = {
    name,
    type: 'formula',
    required: false,
    unique: false,
    indexed: false,
    searchable: false,
    settings: {
      expression: draft.expression,
      ...(draft.resultType ? { resultType: draft.resultType } : {}),
      ...(draft.currency ? { currency: draft.currency } : {}),
    },
    key: `check_${name}`,
    columns: [],
    system: false,
  };
  const fields = object.fields.some((f) => f.name === name)
    ? object.fields.map((f) => (f.name === name ? field : f))
    : [...object.fields, field];
  const draftModel: Model = {
    ...model,
    objects: model.objects.map((o) => (o === object ? { ...object, fields } : o)),
  };
  const outcome = computedOutcome(draftModel, types, objectName, name);
  if (!outcome) throw new Error('a formula field is always computed');
  if (outcome.ok) return { ok: true, type: outcome.analysis.type, problems: [] };
  return {
    ok: false,
    type: null,
    problems: outcome.problems.map((p) => {
      const at = p.path === 'expression' ? POSITION.exec(p.message) : null;
      return { path: p.path, message: p.message, position: at ? Number(at[1]) : null };
    }),
  };
}

function unusedName(fields: readonly FieldDef[]): string {
  let name = 'formulaDraft';
  for (let n = 2; fields.some((f) => f.name === name); n++) name = `formulaDraft${n}`;
  return name;
}
