import type { Db } from '../db/db';
import { badInput, notFound, StratumError, type Problem } from '../errors';
import { loadModel } from '../metadata/workspace';
import { applyManifest, type ApplyOptions, type ApplyResult } from './apply';
import { exportManifest } from './export';
import { dropFromLayout, renameInLayout, type EditableLayout } from './layout-edits';
import { dropFieldFromConversion, renameFieldInConversion, renameObjectInConversion } from './conversion-edits';

type Json = Record<string, unknown>;
interface EditableManifest {
  objects: (Json & { name: string; fields: (Json & { name: string })[] })[];
  pipelines: (Json & { object: string; field: string })[];
  roles: (Json & { name: string })[];
}

/** Where an edit's input sits in the manifest, so problems are reported at the caller's own paths. */
export interface EditTarget {
  readonly manifestPath: string;
  readonly inputPath: string;
}

/**
 * Changes the model by editing its manifest: the single path every metadata operation takes (API,
 * studio, plugins), so validation, the plan, the DDL and the revision are always those of `applyManifest`.
 * A concurrent change makes the edit start over on the new model (up to three times).
 */
export async function editModel(
  db: Db,
  options: Omit<ApplyOptions, 'expectedRevision'>,
  edit: (manifest: EditableManifest) => EditTarget | readonly EditTarget[] | void,
): Promise<ApplyResult> {
  for (let attempt = 1; ; attempt++) {
    const model = await loadModel(db, options.workspace);
    const manifest = structuredClone(exportManifest(model, options.types)) as unknown as EditableManifest;
    const target = edit(manifest);
    try {
      return await applyManifest(db, manifest, { ...options, expectedRevision: model.revision });
    } catch (error) {
      if (error instanceof StratumError && error.details.reason === 'revision' && attempt < 3) continue;
      throw target && error instanceof StratumError && error.code === 'BAD_USER_INPUT' ? remap(error, target) : error;
    }
  }
}

/**
 * Problems at the caller's paths: each goes to the first target whose manifest path holds it. One edit may
 * write several places from one input (a pipeline and its field's options), so the same message can arrive
 * twice at one input path; it is reported once.
 */
function remap(error: StratumError, targets: EditTarget | readonly EditTarget[]): StratumError {
  const list: readonly EditTarget[] = Array.isArray(targets) ? targets : [targets as EditTarget];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const p of error.problems) {
    const target = list.find((t) => isWithin(p.path, t.manifestPath));
    const path = target ? target.inputPath + p.path.slice(target.manifestPath.length) : p.path;
    const key = `${path}\n${p.message}`;
    if (!seen.has(key)) problems.push({ ...p, path });
    seen.add(key);
  }
  return badInput(problems);
}

/** `roles[1].rules` is within `roles[1]`; `roles[10]` is not. */
function isWithin(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

const objectIndex = (manifest: EditableManifest, name: string): number => {
  const i = manifest.objects.findIndex((o) => o.name === name);
  if (i < 0) throw notFound(`Unknown object "${name}"`, { object: name });
  return i;
};

const fieldIndex = (manifest: EditableManifest, object: number, name: string): number => {
  const j = manifest.objects[object]!.fields.findIndex((f) => f.name === name);
  if (j < 0) throw notFound(`Unknown field "${manifest.objects[object]!.name}.${name}"`, { field: name });
  return j;
};

function requireName(input: Json, key: string, path: string): string {
  const value = input[key];
  if (typeof value !== 'string') throw badInput({ path: `${path}.${key}`, message: 'is required' });
  return value;
}

/** Adds an object (with its fields) given as manifest JSON. */
export function createObject(
  db: Db,
  input: Json,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const name = requireName(input, 'name', 'input');
    if (manifest.objects.some((o) => o.name === name))
      throw badInput({ path: 'input.name', message: `object "${name}" already exists` });
    manifest.objects.push({ fields: [], ...input, name });
    return { manifestPath: `objects[${manifest.objects.length - 1}]`, inputPath: 'input' };
  });
}

/**
 * Changes an object's keys (labels, plural, validation rules, `name` to rename it; `null` removes a key);
 * fields are changed one by one.
 */
export function updateObject(
  db: Db,
  name: string,
  input: Json,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const i = objectIndex(manifest, name);
    const { fields: _fields, ...changes } = input;
    const renamed = typeof changes.name === 'string' && changes.name !== name;
    const merged = { ...manifest.objects[i]!, ...changes, ...(renamed ? { renamedFrom: name } : {}) };
    manifest.objects[i] = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null)) as typeof merged;
    if (renamed) {
      for (const p of manifest.pipelines) if (p.object === name) p.object = changes.name as string;
      for (const o of manifest.objects)
        for (const f of o.fields) if (f.type === 'relation' && f.target === name) f.target = changes.name;
      for (const o of manifest.objects)
        if (o.conversion) o.conversion = renameObjectInConversion(o, name, changes.name as string);
    }
    return { manifestPath: `objects[${i}]`, inputPath: 'input' };
  });
}

/** Removes an object; its table goes to the trash. Relations pointing at it must be removed first. */
export function deleteObject(
  db: Db,
  name: string,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, { ...options, allowDestructive: true }, (manifest) => {
    manifest.objects.splice(objectIndex(manifest, name), 1);
    manifest.pipelines = manifest.pipelines.filter((p) => p.object !== name);
  });
}

/** Adds a field given as manifest JSON plus `object`. */
export function createField(
  db: Db,
  input: Json,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const { object, ...field } = input;
    const i = objectIndex(manifest, requireName(input, 'object', 'input'));
    const fields = manifest.objects[i]!.fields;
    if (fields.some((f) => f.name === field.name))
      throw badInput({
        path: 'input.name',
        message: `field "${String(field.name)}" already exists on ${String(object)}`,
      });
    fields.push(field as EditableManifest['objects'][number]['fields'][number]);
    return { manifestPath: `objects[${i}].fields[${fields.length - 1}]`, inputPath: 'input' };
  });
}

/** Changes a field: any manifest key, and `name` to rename it (its data and its place in the form layout move with it). */
export function updateField(
  db: Db,
  objectName: string,
  name: string,
  input: Json,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const i = objectIndex(manifest, objectName);
    const j = fieldIndex(manifest, i, name);
    const { object: _object, ...changes } = input;
    const renamed = typeof changes.name === 'string' && changes.name !== name;
    const merged = { ...manifest.objects[i]!.fields[j]!, ...changes, ...(renamed ? { renamedFrom: name } : {}) };
    // `null` removes a key (e.g. a default).
    manifest.objects[i]!.fields[j] = Object.fromEntries(
      Object.entries(merged).filter(([, v]) => v !== null),
    ) as typeof merged;
    if (renamed) {
      for (const p of manifest.pipelines)
        if (p.object === objectName && p.field === name) p.field = changes.name as string;
      const object = manifest.objects[i]!;
      if (object.layout) object.layout = renameInLayout(object.layout as EditableLayout, name, changes.name as string);
      for (const o of manifest.objects)
        if (o.conversion) o.conversion = renameFieldInConversion(o, objectName, name, changes.name as string);
    }
    return { manifestPath: `objects[${i}].fields[${j}]`, inputPath: 'input' };
  });
}

/**
 * Removes a field; its values go to the trash. The form layout forgets it: it leaves its section, and a
 * section whose visibility condition reads it is shown always (the condition could not be checked any more).
 */
export function deleteField(
  db: Db,
  objectName: string,
  name: string,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, { ...options, allowDestructive: true }, (manifest) => {
    const i = objectIndex(manifest, objectName);
    manifest.objects[i]!.fields.splice(fieldIndex(manifest, i, name), 1);
    const object = manifest.objects[i]!;
    if (object.layout) object.layout = dropFromLayout(object.layout as EditableLayout, name);
    for (const o of manifest.objects) if (o.conversion) o.conversion = dropFieldFromConversion(o, objectName, name);
    manifest.pipelines = manifest.pipelines.filter((p) => !(p.object === objectName && p.field === name));
  });
}

/** Adds a role, or replaces the role of the same name (CASL rules as data; validated like a manifest's). */
export function saveRole(db: Db, role: Json, options: Omit<ApplyOptions, 'expectedRevision'>): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const name = requireName(role, 'name', 'input');
    const i = manifest.roles.findIndex((r) => r.name === name);
    if (i >= 0) manifest.roles[i] = { ...role, name };
    else manifest.roles.push({ ...role, name });
    return { manifestPath: `roles[${i >= 0 ? i : manifest.roles.length - 1}]`, inputPath: 'input' };
  });
}

export function deleteRole(
  db: Db,
  name: string,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const i = manifest.roles.findIndex((r) => r.name === name);
    if (i < 0) throw notFound(`Unknown role "${name}"`);
    manifest.roles.splice(i, 1);
  });
}

/** A stage as the select option that stores it: the bare value unless it has a label or colour. */
function stageOption(stage: unknown): unknown {
  if (typeof stage !== 'object' || stage === null) return stage;
  const { name, label, color } = stage as Json;
  return label === undefined && color === undefined
    ? name
    : { value: name, ...(label !== undefined ? { label } : {}), ...(color !== undefined ? { color } : {}) };
}

/**
 * Adds a pipeline, or replaces the one on the same field, and makes the field's options its stages in
 * stage order: a field that does not exist yet is created as a select field labelled like the pipeline; an
 * option whose stage was removed goes (the plan says whether that is destructive: `allowDestructive`).
 * Problems are reported at the input's paths (`input.stages[2].probability`).
 *
 * @example
 *   await savePipeline(db, {
 *     object: 'lead', field: 'funnel', label: 'Lead funnel',
 *     stages: [{ name: 'new', probability: 10 }, { name: 'won', probability: 100, won: true }],
 *   }, { workspace, types, dryRun: true });
 */
export function savePipeline(
  db: Db,
  input: Json,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const objectName = requireName(input, 'object', 'input');
    const fieldName = requireName(input, 'field', 'input');
    const stages = input.stages;
    if (!Array.isArray(stages)) throw badInput({ path: 'input.stages', message: 'must be a list of stages' });
    const i = manifest.objects.findIndex((o) => o.name === objectName);
    if (i < 0) throw badInput({ path: 'input.object', message: `unknown object "${objectName}"` });
    const fields = manifest.objects[i]!.fields;
    const stageOptions = stages.map(stageOption);
    let j = fields.findIndex((f) => f.name === fieldName);
    if (j < 0) {
      const label = input.label;
      fields.push({ name: fieldName, type: 'select', ...(label != null ? { label } : {}), options: stageOptions });
      j = fields.length - 1;
    } else {
      const field = fields[j]!;
      if (field.type !== 'select')
        throw badInput({
          path: 'input.field',
          message: `"${objectName}.${fieldName}" is a ${String(field.type)} field; a pipeline needs a select field`,
        });
      const names = stages.map((s) => (s as Json | null)?.name);
      if (field.default !== undefined && !names.includes(field.default))
        throw badInput({
          path: 'input.stages',
          message: `"${String(field.default)}" is the default of ${objectName}.${fieldName}: keep that stage or change the default first`,
        });
      fields[j] = { ...field, options: stageOptions };
    }
    // `label: null` removes the label, as `null` removes a key in updateField.
    const kept = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));
    const pipeline = { ...kept, object: objectName, field: fieldName };
    let k = manifest.pipelines.findIndex((p) => p.object === objectName && p.field === fieldName);
    if (k >= 0) manifest.pipelines[k] = pipeline;
    else k = manifest.pipelines.push(pipeline) - 1;
    const field = `objects[${i}].fields[${j}]`;
    return [
      { manifestPath: `pipelines[${k}]`, inputPath: 'input' },
      { manifestPath: `${field}.options`, inputPath: 'input.stages' },
      { manifestPath: `${field}.name`, inputPath: 'input.field' },
      { manifestPath: `${field}.label`, inputPath: 'input.label' },
    ];
  });
}

/** Removes the pipeline on `object.field`; the select field and its values stay. */
export function deletePipeline(
  db: Db,
  object: string,
  field: string,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const k = manifest.pipelines.findIndex((p) => p.object === object && p.field === field);
    if (k < 0) throw notFound(`No pipeline on "${object}.${field}"`, { object, field });
    manifest.pipelines.splice(k, 1);
  });
}
