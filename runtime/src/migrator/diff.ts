import { badInput, type Problem } from '../errors';
import { optionValues } from '../fields/choice-types';
import type { FieldTypeRegistry } from '../fields/registry';
import { relationKind } from '../fields/relation-type';
import { isComputed } from '../formulas/computed-fields';
import type { FieldSpec, Manifest, ObjectSpec } from '../manifest/manifest';
import type { FieldDef, Model, ObjectDef } from '../model/model';
import { columnName, junctionName, newKey } from '../model/physical-names';
import type { Change, Plan } from './plan';
import { classifyRetype } from './retype';

/** Something in the trash that a plan may bring back instead of creating it anew. */
export interface TrashEntry {
  readonly id: number;
  readonly kind: 'object' | 'field';
  readonly object: string;
  readonly field?: string | undefined;
  readonly definition: ObjectDef | FieldDef;
  /** Trash table (object) or trash columns and junction (field). */
  readonly physical: { readonly table?: string; readonly columns?: readonly string[]; readonly junction?: string };
}

/**
 * Diffs the current model against a desired manifest into a plan. Pure: it reads nothing and writes
 * nothing, so `--dry-run` shows exactly what applying would do.
 */
export function diffModel(
  current: Model,
  desired: Manifest,
  types: FieldTypeRegistry,
  trash: readonly TrashEntry[] = [],
): Plan {
  const changes: Change[] = [];
  const problems: Problem[] = [];
  const used = new Set<string>();
  // Objects renamed by this manifest (old name → new): a relation whose target follows the rename keeps its target.
  const renamedObjects = new Map(
    desired.objects
      .filter((o) => o.renamedFrom && !current.objects.some((c) => c.name === o.name))
      .map((o) => [o.renamedFrom!, o.name]),
  );
  const followRenames = (field: FieldDef): FieldDef => {
    const target = field.type === 'relation' ? (field.settings as { target?: string }).target : undefined;
    const renamedTo = target === undefined ? undefined : renamedObjects.get(target);
    return renamedTo ? { ...field, settings: { ...field.settings, target: renamedTo } } : field;
  };
  const objects = desired.objects.map((spec, i) => {
    const existing = matchByName(current.objects, spec, used);
    let object: ObjectDef;
    if (existing) {
      object = resolveObject(spec, existing.key);
      if (existing.name !== spec.name) changes.push({ kind: 'renameObject', from: existing, to: object });
      else if (!sameJson(objectHeader(existing), objectHeader(object)))
        changes.push({ kind: 'updateObject', before: existing, after: object });
      object = { ...object, fields: diffFields(existing, spec, i, object) };
    } else {
      const trashed = trash.find((t) => t.kind === 'object' && t.object === spec.name);
      const key = trashed ? (trashed.definition as ObjectDef).key : newKey();
      object = resolveObject(spec, key);
      object = { ...object, fields: spec.fields.map((f) => resolveField(f, newKey(), types)) };
      if (trashed) {
        // Bring back the table with its records; fields that differ from the trashed ones are diffed below.
        const before = trashed.definition as ObjectDef;
        changes.push({
          kind: 'restoreObject',
          object: { ...before, name: spec.name, table: spec.name },
          trashId: trashed.id,
          trashTable: trashed.physical.table!,
        });
        object = { ...object, fields: diffFields({ ...before, name: spec.name, table: spec.name }, spec, i, object) };
      } else {
        changes.push({ kind: 'createObject', object });
        for (const field of object.fields) changes.push({ kind: 'addField', object, field });
      }
    }
    return object;
  });
  for (const object of current.objects) {
    if (!used.has(object.name))
      changes.push({
        kind: 'removeObject',
        object,
        destructive: `removes the object and hides its records until purged`,
      });
  }

  function diffFields(existing: ObjectDef, spec: ObjectSpec, objectIndex: number, next: ObjectDef): FieldDef[] {
    const usedFields = new Set<string>();
    const fields = spec.fields.map((fieldSpec, j) => {
      const before = matchByName(existing.fields, fieldSpec, usedFields);
      if (!before) {
        const trashed = trash.find(
          (t) =>
            t.kind === 'field' &&
            t.object === existing.name &&
            t.field === fieldSpec.name &&
            (t.definition as FieldDef).type === fieldSpec.type,
        );
        const field = resolveField(fieldSpec, trashed ? (trashed.definition as FieldDef).key : newKey(), types);
        if (trashed) {
          changes.push({
            kind: 'restoreField',
            object: next,
            field,
            trashId: trashed.id,
            trashColumns: trashed.physical.columns ?? [],
            trashJunction: trashed.physical.junction,
          });
        } else changes.push({ kind: 'addField', object: next, field });
        return field;
      }
      const after = resolveField(fieldSpec, before.key, types);
      if (before.name !== after.name)
        changes.push({
          kind: 'renameField',
          object: next,
          from: before,
          to: { ...before, name: after.name, columns: after.columns },
        });
      const renamed = followRenames({ ...before, name: after.name, columns: after.columns });
      if (!sameJson(fieldHeader(renamed), fieldHeader(after))) {
        const retype = classifyRetype(renamed, after);
        if (retype.kind === 'impossible')
          problems.push({ path: `objects[${objectIndex}].fields[${j}].type`, message: retype.reason });
        const destructive = fieldNarrowing(
          renamed,
          after,
          retype.kind === 'none' ? false : retype.kind !== 'impossible' && retype.narrowing,
        );
        changes.push({ kind: 'updateField', object: next, before: renamed, after, destructive });
      }
      return after;
    });
    for (const field of existing.fields) {
      if (!usedFields.has(field.name))
        changes.push({
          kind: 'removeField',
          object: next,
          field,
          // A computed field stores nothing, so removing it loses nothing.
          destructive: isComputed(types, field) ? undefined : 'removes the field and hides its values until purged',
        });
    }
    return fields;
  }

  const pipelineKey = (p: { object: string; field: string }) => `${p.object}.${p.field}`;
  const currentPipelines = new Map(current.pipelines.map((p) => [pipelineKey(p), p]));
  for (const pipeline of desired.pipelines) {
    const before = currentPipelines.get(pipelineKey(pipeline));
    if (!before || !sameJson(before, pipeline)) changes.push({ kind: 'setPipeline', before, after: pipeline });
    currentPipelines.delete(pipelineKey(pipeline));
  }
  for (const pipeline of currentPipelines.values()) changes.push({ kind: 'removePipeline', pipeline });
  if (!sameJson(current.workflows, desired.workflows))
    changes.push({ kind: 'setWorkflows', workflows: desired.workflows });
  if (!sameJson(current.roles, desired.roles)) changes.push({ kind: 'setRoles', roles: desired.roles });

  if (problems.length) throw badInput(problems);
  const model: Model = {
    ...current,
    objects,
    pipelines: desired.pipelines,
    workflows: desired.workflows,
    roles: desired.roles,
  };
  return { changes: orderChanges(changes), model };
}

/** The current item with the spec's name, or the one it was renamed from (each matched once). */
function matchByName<T extends { name: string }>(
  current: readonly T[],
  spec: { name: string; renamedFrom?: string | undefined },
  used: Set<string>,
): T | undefined {
  const byName = current.find((c) => c.name === spec.name && !used.has(c.name));
  const found =
    byName ?? (spec.renamedFrom ? current.find((c) => c.name === spec.renamedFrom && !used.has(c.name)) : undefined);
  if (found) used.add(found.name);
  return found;
}

function resolveObject(spec: ObjectSpec, key: string): ObjectDef {
  const { renamedFrom: _renamedFrom, fields: _fields, ...rest } = spec;
  return stripUndefined({ ...rest, key, table: spec.name, fields: [] });
}

export function resolveField(spec: FieldSpec, key: string, types: FieldTypeRegistry): FieldDef {
  const { renamedFrom: _renamedFrom, ...rest } = spec;
  const draft: FieldDef = stripUndefined({ ...rest, key, columns: [], system: false });
  const columns = types
    .get(spec.type)
    .columns(draft)
    .map((c) => columnName(spec.name, c.suffix));
  const junctionTable =
    spec.type === 'relation' && relationKind(draft) === 'manyToMany' ? junctionName(key) : undefined;
  return stripUndefined({ ...draft, columns, junctionTable });
}

/** Why an in-place change of a field may lose information, or undefined when it cannot. */
function fieldNarrowing(before: FieldDef, after: FieldDef, typeNarrowing: boolean): string | undefined {
  if (typeNarrowing) return `narrows ${before.type} to ${after.type}; values that do not fit are kept in the trash`;
  if ((before.type === 'select' || before.type === 'multiSelect') && before.type === after.type) {
    const removed = optionValues(before).filter((v) => !optionValues(after).includes(v));
    if (removed.length) return `removes options ${removed.join(', ')}; records keep their values`;
  }
  return undefined;
}

const objectHeader = (o: ObjectDef) => ({ ...o, fields: undefined, key: undefined });
const fieldHeader = (f: FieldDef) => ({ ...f, key: undefined });

/** Creates first, so relations find their targets; removals last, so nothing still points at them. */
function orderChanges(changes: Change[]): Change[] {
  const rank: Record<Change['kind'], number> = {
    restoreObject: 0,
    createObject: 0,
    renameObject: 1,
    updateObject: 1,
    renameField: 2,
    restoreField: 3,
    addField: 3,
    updateField: 4,
    removeField: 5,
    removeObject: 6,
    setPipeline: 7,
    removePipeline: 7,
    setWorkflows: 8,
    setRoles: 8,
  };
  return changes
    .map((c, i) => [c, i] as const)
    .sort((a, b) => rank[a[0].kind] - rank[b[0].kind] || a[1] - b[1])
    .map(([c]) => c);
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
