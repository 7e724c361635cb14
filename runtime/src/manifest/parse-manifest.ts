import { z } from 'zod';
import { badInput, formatPath, type Problem } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import type { PipelineDef } from '../model/model';
import { RESERVED_FIELD_NAMES, RESERVED_OBJECT_NAMES } from '../model/model';
import type { FieldSpec, Manifest, ObjectSpec } from './manifest';
import { commonFieldShape, manifestSchema, objectSchema } from './schema';
import { checkObjectNames, checkReferences } from './check-references';
import { REPORT_INPUT, zodProblems } from './zod-problems';
import { deepFreeze } from '../util/deep-freeze';
import { resolveRule } from '../validation/rule-schema';
import { resolveLayout } from './layout-schema';
import { resolveConversion } from './conversion-schema';

/**
 * Validates a manifest (parsed JSON) into resolved, frozen types. Every problem is reported at its path
 * (`objects[0].fields[2].type: unknown field type "colour"`), all at once, and nothing is mutated.
 *
 * @example
 *   const manifest = parseManifest(JSON.parse(text), createFieldTypeRegistry());
 */
export function parseManifest(input: unknown, types: FieldTypeRegistry): Manifest {
  // Work on a copy: the result is frozen, and values like `default` or roles would otherwise be the caller's.
  input = input === undefined ? undefined : (JSON.parse(JSON.stringify(input)) as unknown);
  const top = manifestSchema.safeParse(input, REPORT_INPUT);
  if (!top.success) throw badInput(zodProblems(top.error));
  const problems: Problem[] = [];
  const objects = top.data.objects.flatMap((raw, i): ObjectSpec[] => {
    const at = ['objects', i];
    const parsed = objectSchema.safeParse(raw, REPORT_INPUT);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, at));
      // Still check the fields, so one run reports every problem of the manifest.
      const fields = (raw as { fields?: unknown } | null)?.fields;
      if (Array.isArray(fields)) fields.forEach((field, j) => parseField(field, types, [...at, 'fields', j], problems));
      return [];
    }
    const object = parsed.data;
    if (RESERVED_OBJECT_NAMES.includes(object.pluralName)) {
      problems.push({
        path: formatPath([...at, 'pluralName']),
        message: `"${object.pluralName}" is reserved by the API`,
      });
    }
    if (RESERVED_OBJECT_NAMES.includes(object.name)) {
      problems.push({
        path: formatPath([...at, 'name']),
        message: `"${object.name}" is reserved for a built-in object`,
      });
    }
    const fields = object.fields.flatMap((raw, j) => {
      const field = parseField(raw, types, [...at, 'fields', j], problems);
      return field ? [field] : [];
    });
    return [
      {
        name: object.name,
        pluralName: object.pluralName,
        label: object.label,
        labelPlural: object.labelPlural,
        description: object.description,
        titleField: object.titleField,
        renamedFrom: object.renamedFrom,
        fields,
        // Absent rather than empty, so models from before validation rules compare equal.
        validationRules: object.validationRules?.length ? object.validationRules.map(resolveRule) : undefined,
        layout: object.layout ? resolveLayout(object.layout) : undefined,
        conversion: object.conversion ? resolveConversion(object.conversion) : undefined,
      },
    ];
  });
  const manifest: Manifest = {
    objects,
    pipelines: top.data.pipelines as PipelineDef[],
    workflows: top.data.workflows,
    roles: top.data.roles,
  };
  // Names are checked always; references only once every field parsed (a broken field would cause false alarms).
  const fieldsParsed = problems.length === 0;
  problems.push(...checkObjectNames(manifest));
  if (fieldsParsed) problems.push(...checkReferences(manifest, types));
  if (problems.length) throw badInput(problems);
  return deepFreeze(manifest);
}

/** Validates one field: its common keys and the settings its type declares. Unknown keys are refused. */
export function parseField(
  raw: unknown,
  types: FieldTypeRegistry,
  at: PropertyKey[],
  problems: Problem[],
): FieldSpec | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ path: formatPath(at), message: 'must be an object' });
    return undefined;
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') {
    problems.push({
      path: formatPath([...at, 'type']),
      message: type === undefined ? 'is required' : 'must be a string',
    });
    return undefined;
  }
  if (!types.has(type)) {
    // Still check the keys every field has, so a bad name is reported together with the bad type.
    const common = z.looseObject(commonFieldShape).safeParse(raw, REPORT_INPUT);
    if (!common.success) problems.push(...zodProblems(common.error, at));
    const known = types
      .list()
      .map((t) => t.type)
      .join(', ');
    problems.push({ path: formatPath([...at, 'type']), message: `unknown field type "${type}" (known: ${known})` });
    return undefined;
  }
  const fieldType = types.get(type);
  const parsed = z.strictObject({ ...commonFieldShape, ...fieldType.settings }).safeParse(raw, REPORT_INPUT);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, at));
    return undefined;
  }
  const { name, label, description, required, unique, indexed, searchable, renamedFrom, ...rest } =
    parsed.data as z.infer<z.ZodObject<typeof commonFieldShape>> & Record<string, unknown>;
  const hasDefault = Object.prototype.hasOwnProperty.call(raw, 'default');
  const { type: _type, default: defaultValue, ...settings } = rest;
  if (RESERVED_FIELD_NAMES.includes(name)) {
    problems.push({
      path: formatPath([...at, 'name']),
      message: `"${name}" is reserved (system fields: ${RESERVED_FIELD_NAMES.join(', ')})`,
    });
  }
  if (searchable && !fieldType.canSearch) {
    problems.push({ path: formatPath([...at, 'searchable']), message: `fields of type ${type} cannot be searched` });
  }
  // A rollup's column is its stored value, when it is stored (checked with the model: check-computed-fields.ts).
  if (indexed && type !== 'rollup' && fieldType.columns({ name, type, settings } as never).length === 0) {
    problems.push({ path: formatPath([...at, 'indexed']), message: 'a field without a column cannot be indexed' });
  }
  return {
    name,
    type,
    label,
    description,
    required: required ?? false,
    unique: unique ?? false,
    indexed: indexed ?? false,
    searchable: searchable ?? fieldType.searchableByDefault,
    ...(hasDefault ? { default: defaultValue } : {}),
    settings,
    renamedFrom,
  };
}
