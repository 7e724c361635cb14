import type { Db } from '../db/db';
import { badInput, notFound, StratumError, type Problem } from '../errors';
import { loadModel } from '../metadata/workspace';
import { applyManifest, type ApplyOptions, type ApplyResult } from './apply';
import { exportManifest } from './export';

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
  edit: (manifest: EditableManifest) => EditTarget | void,
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

function remap(error: StratumError, target: EditTarget): StratumError {
  const problems: Problem[] = error.problems.map((p) =>
    p.path.startsWith(target.manifestPath)
      ? { ...p, path: target.inputPath + p.path.slice(target.manifestPath.length) }
      : p,
  );
  return badInput(problems);
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

/** Changes a field: any manifest key, and `name` to rename it (its data moves with it). */
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
    if (renamed)
      for (const p of manifest.pipelines)
        if (p.object === objectName && p.field === name) p.field = changes.name as string;
    return { manifestPath: `objects[${i}].fields[${j}]`, inputPath: 'input' };
  });
}

/** Removes a field; its values go to the trash. */
export function deleteField(
  db: Db,
  objectName: string,
  name: string,
  options: Omit<ApplyOptions, 'expectedRevision'>,
): Promise<ApplyResult> {
  return editModel(db, { ...options, allowDestructive: true }, (manifest) => {
    const i = objectIndex(manifest, objectName);
    manifest.objects[i]!.fields.splice(fieldIndex(manifest, i, name), 1);
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
