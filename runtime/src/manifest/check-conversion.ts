import { formatPath, type Problem } from '../errors';
import { optionValues } from '../fields/choice-types';
import type { FieldTypeRegistry } from '../fields/registry';
import { relationKind, relationSettings } from '../fields/relation-type';
import { SOURCE_REFERENCE, type ConversionDef, type FieldDef } from '../model/model';
import type { FieldSpec, Manifest, ObjectSpec } from './manifest';

/** Field types a text value of any kind (email, phone, url, select…) may be copied into. */
const TEXT_SINKS = new Set(['text', 'longText']);

/**
 * Checks an object's `conversion` against the manifest: every target's object and fields exist, each
 * mapped value fits the field it fills (a source field of a compatible type, `$<key>` of an EARLIER target
 * into a relation to that target's object, `$source` into a relation to the source object), `match` is a
 * field of the target with a column, and `update` sets fields of the source to values valid for them.
 * Referring to the same or a later target is refused, which is what makes cycles impossible.
 *
 * @example
 *   checkConversion(manifest, 2, types);
 *   // [{ path: 'objects[2].conversion.targets[1].fields.company', message: '"$deal" refers to a later target…' }]
 */
export function checkConversion(manifest: Manifest, index: number, types: FieldTypeRegistry): Problem[] {
  const source = manifest.objects[index]!;
  const conversion = source.conversion as ConversionDef;
  const at = ['objects', index, 'conversion'];
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], message: string) =>
    problems.push({ path: formatPath([...at, ...path]), message });
  const objects = new Map(manifest.objects.map((o) => [o.name, o]));
  // Keys of the targets before the one being checked, with their objects: what `$<key>` may refer to.
  const earlier = new Map<string, string>();
  const keys = conversion.targets.map((t) => t.key);

  conversion.targets.forEach((target, t) => {
    const path = ['targets', t];
    if (keys.indexOf(target.key) !== t) report([...path, 'key'], `duplicate target "${target.key}"`);
    const object = objects.get(target.object);
    if (!object) {
      report([...path, 'object'], `unknown object "${target.object}"`);
    } else {
      for (const [name, value] of Object.entries(target.fields)) {
        const message = mappingProblem(object, name, value, { source, earlier, keys, key: target.key, types });
        if (message) report([...path, 'fields', name], message);
      }
      if (target.match !== undefined) {
        const field = object.fields.find((f) => f.name === target.match);
        if (!field) report([...path, 'match'], `"${target.match}" is not a field of ${object.name}`);
        else if (!(target.match in target.fields))
          report([...path, 'match'], `"${target.match}" is not mapped, so there is no value to match on`);
        else if (columnsOf(field, types) === 0)
          report([...path, 'match'], `"${target.match}" has no value to match on`);
      }
    }
    earlier.set(target.key, target.object);
  });

  for (const [name, value] of Object.entries(conversion.update)) {
    const field = source.fields.find((f) => f.name === name);
    if (!field) {
      report(['update', name], `"${name}" is not a field of ${source.name}`);
      continue;
    }
    const message = notWritable(field, types);
    if (message) {
      report(['update', name], message);
      continue;
    }
    if (value === null || value === undefined) {
      report(['update', name], 'must be a value (it marks the source converted)');
      continue;
    }
    const result = types.get(field.type).toColumns(value, asDef(field));
    if (!result.ok) report(['update', name], result.message);
  }
  return problems;
}

interface MappingScope {
  readonly source: ObjectSpec;
  readonly earlier: ReadonlyMap<string, string>;
  readonly keys: readonly string[];
  readonly key: string;
  readonly types: FieldTypeRegistry;
}

/** What is wrong with filling `object.name` from `value`, or undefined when it fits. */
function mappingProblem(object: ObjectSpec, name: string, value: string, scope: MappingScope): string | undefined {
  const field = object.fields.find((f) => f.name === name);
  if (!field) return `"${name}" is not a field of ${object.name}`;
  const writable = notWritable(field, scope.types);
  if (writable) return writable;
  if (value === SOURCE_REFERENCE) return referenceProblem(field, scope.source.name, value);
  if (value.startsWith('$')) {
    const key = value.slice(1);
    if (key === scope.key) return `"${value}" refers to this target itself (a conversion cannot be a cycle)`;
    const referred = scope.earlier.get(key);
    if (referred !== undefined) return referenceProblem(field, referred, value);
    if (scope.keys.includes(key))
      return `"${value}" refers to a later target; a target may refer only to the targets before it`;
    return `"${value}" is not a target of this conversion (targets: ${scope.keys.join(', ')})`;
  }
  const from = scope.source.fields.find((f) => f.name === value);
  if (!from) return `"${value}" is not a field of ${scope.source.name}`;
  return typeProblem(from, field, scope);
}

/** A reference fills only a many-to-one relation to the object it refers to. */
function referenceProblem(field: FieldSpec, target: string, value: string): string | undefined {
  const settings = field.type === 'relation' ? relationSettings(asDef(field)) : undefined;
  if (settings && !settings.many && settings.target === target) return undefined;
  return `"${value}" is a ${target} id; "${field.name}" must be a many-to-one relation to ${target}`;
}

/**
 * Whether a source field's value fits a target field: the same type (relations to the same object,
 * options that the target also has), or any single text value into a text field.
 */
function typeProblem(from: FieldSpec, to: FieldSpec, scope: MappingScope): string | undefined {
  const mismatch = `${scope.source.name}.${from.name} (${from.type}) does not fit ${to.name} (${to.type})`;
  if (from.type === 'relation' && to.type === 'relation') {
    const a = relationSettings(asDef(from));
    const b = relationSettings(asDef(to));
    if (relationKind(asDef(from)) !== 'manyToOne')
      return `${scope.source.name}.${from.name} is a to-many relation; only one related record can be copied`;
    return a.target === b.target ? undefined : `${mismatch}: it relates to ${a.target}, not ${b.target}`;
  }
  if (from.type === to.type) {
    if (from.type !== 'select' && from.type !== 'multiSelect') return undefined;
    const missing = optionValues(asDef(from)).filter((o) => !optionValues(asDef(to)).includes(o));
    return missing.length
      ? `options of ${scope.source.name}.${from.name} missing here: ${missing.join(', ')}`
      : undefined;
  }
  if (TEXT_SINKS.has(to.type) && scope.types.get(from.type).valueKind === 'text') return undefined;
  return mismatch;
}

/** Why a field cannot be written by a conversion (computed or read-only, to-many), or undefined. */
function notWritable(field: FieldSpec, types: FieldTypeRegistry): string | undefined {
  const type = types.get(field.type);
  if (type.computed || type.jsonSchema(asDef(field)).readOnly === true)
    return `"${field.name}" is ${field.type} and cannot be written`;
  if (columnsOf(field, types) === 0) return `"${field.name}" is a to-many relation; map the many-to-one side instead`;
  return undefined;
}

const columnsOf = (field: FieldSpec, types: FieldTypeRegistry) => types.get(field.type).columns(asDef(field)).length;
const asDef = (field: FieldSpec): FieldDef => ({ ...field, key: '', columns: [], system: false });
