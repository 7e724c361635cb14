import { formatPath, type Problem } from '../errors';
import { optionValues } from '../fields/choice-types';
import type { FieldTypeRegistry } from '../fields/registry';
import { relationSettings } from '../fields/relation-type';
import { USER_OBJECT, type FieldDef } from '../model/model';
import type { Manifest } from './manifest';
import { checkLayout } from './check-layout';
import { checkConversion } from './check-conversion';

/** Object names and plural names are unique across the manifest (they become GraphQL names). */
export function checkObjectNames(manifest: Manifest): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });
  const apiNames = new Map<string, string>();
  manifest.objects.forEach((object, i) => {
    for (const [key, value] of [
      ['name', object.name],
      ['pluralName', object.pluralName],
    ] as const) {
      const taken = apiNames.get(value);
      if (taken) report(['objects', i, key], `"${value}" is already used by ${taken}`);
      else apiNames.set(value, `objects[${i}].${key}`);
    }
  });
  return problems;
}

/**
 * Checks what single keys cannot: unique names, relation targets and inverses, defaults that fit their
 * field, titles, form layouts, conversions, and pipelines on select fields whose options are the stages.
 */
export function checkReferences(manifest: Manifest, types: FieldTypeRegistry): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });
  const objects = new Map(manifest.objects.map((o) => [o.name, o]));

  manifest.objects.forEach((object, i) => {
    const seen = new Set<string>();
    object.fields.forEach((field, j) => {
      const at = ['objects', i, 'fields', j];
      if (seen.has(field.name)) report([...at, 'name'], `duplicate field "${field.name}" on ${object.name}`);
      seen.add(field.name);
      const type = types.get(field.type);
      const asDef: FieldDef = { ...field, key: '', columns: [], system: false };
      if (
        field.unique &&
        (type.columns(asDef).length === 0 || type.valueKind === 'json' || type.valueKind === 'textArray')
      ) {
        report([...at, 'unique'], `fields of type ${field.type} cannot be unique`);
      }
      if (type.computed && field.required)
        report([...at, 'required'], `fields of type ${field.type} cannot be required`);
      if (field.default !== undefined && field.default !== null) {
        const result = type.toColumns(field.default, asDef);
        if (!result.ok) report([...at, 'default'], result.message);
      }
      if (field.type === 'relation') checkRelation(field as FieldDef, object.name, at);
    });
    if (object.titleField && !seen.has(object.titleField)) {
      report(['objects', i, 'titleField'], `"${object.titleField}" is not a field of ${object.name}`);
    }
    if (object.layout) problems.push(...checkLayout(object, ['objects', i, 'layout']));
    if (object.conversion) problems.push(...checkConversion(manifest, i, types));
  });

  function checkRelation(field: FieldDef, owner: string, at: PropertyKey[]) {
    const { target, many, inverse } = relationSettings(field);
    if (target === USER_OBJECT) {
      if (inverse) report([...at, 'inverse'], 'relations to users cannot have an inverse');
      return;
    }
    const targetObject = objects.get(target);
    if (!targetObject) {
      report([...at, 'target'], `unknown object "${target}"`);
      return;
    }
    if (inverse && !many) report([...at, 'inverse'], 'only a to-many relation ("many": true) has an inverse');
    if (inverse && many) {
      const back = targetObject.fields.find((f) => f.name === inverse);
      const backSettings = back?.type === 'relation' ? relationSettings(back as FieldDef) : undefined;
      if (!back) report([...at, 'inverse'], `object "${target}" has no field "${inverse}"`);
      else if (!backSettings || backSettings.many || backSettings.target !== owner) {
        report([...at, 'inverse'], `"${target}.${inverse}" must be a many-to-one relation to "${owner}"`);
      }
    }
  }

  const pipelined = new Set<string>();
  manifest.pipelines.forEach((pipeline, i) => {
    const at = ['pipelines', i];
    const object = objects.get(pipeline.object);
    if (!object) return report([...at, 'object'], `unknown object "${pipeline.object}"`);
    const field = object.fields.find((f) => f.name === pipeline.field);
    if (!field) return report([...at, 'field'], `"${pipeline.object}" has no field "${pipeline.field}"`);
    if (field.type !== 'select')
      return report([...at, 'field'], `"${pipeline.object}.${pipeline.field}" must be a select field`);
    const key = `${pipeline.object}.${pipeline.field}`;
    if (pipelined.has(key)) report([...at, 'field'], `"${key}" already has a pipeline`);
    pipelined.add(key);
    const stages = pipeline.stages.map((s) => s.name);
    const options = optionValues(field as FieldDef);
    if (new Set(stages).size !== stages.length) report([...at, 'stages'], 'stage names must be unique');
    const missing = options.filter((o) => !stages.includes(o));
    const extra = stages.filter((s) => !options.includes(s));
    if (missing.length || extra.length) {
      report(
        [...at, 'stages'],
        `the stages must be the options of ${key}` +
          (extra.length ? `; not options: ${extra.join(', ')}` : '') +
          (missing.length ? `; options without a stage: ${missing.join(', ')}` : ''),
      );
    }
    pipeline.stages.forEach((stage, s) => {
      if (stage.won && stage.lost) report([...at, 'stages', s], 'a stage cannot be both won and lost');
    });
  });
  return problems;
}
