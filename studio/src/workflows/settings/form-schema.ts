import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/**
 * The settings form of a step or trigger type, made from the JSON Schema the server answers in
 * `workflowStepTypes` (generated from its zod schemas), so a new type gets a panel with no studio code.
 *
 * What the form leaves out: `type` (fixed per node), `id` (renamed apart, with its references) and the edge
 * keys (edited on the canvas). Values of any type (`{}` in JSON Schema: a record's field values, a condition's
 * operands, a request body) get the `anyValue` field, which rjsf has no widget for.
 */
export interface SettingsForm {
  readonly schema: RJSFSchema;
  readonly uiSchema: UiSchema;
  /** Edge keys the type requires (a loop's `do`): the graph checks them instead of the form. */
  readonly requiredEdgeKeys: readonly string[];
}

type Schema = Record<string, unknown>;

/** How the server's JSON Schemas spell a step id (definition.ts `stepId`): properties with it are edge keys. */
export const STEP_ID_PATTERN = '^[a-zA-Z][a-zA-Z0-9_-]{0,62}$';

/** The edge keys a step type has, read off its JSON Schema, so a new branching step type needs no studio code. */
export function edgeKeysOfSchema(schema: unknown): string[] {
  const properties = (schema as { properties?: Record<string, { pattern?: unknown }> } | undefined)?.properties ?? {};
  return Object.entries(properties)
    .filter(([key, property]) => key !== 'id' && property.pattern === STEP_ID_PATTERN)
    .map(([key]) => key);
}

const isAny = (schema: unknown) =>
  typeof schema === 'object' && schema !== null && !Array.isArray(schema) && Object.keys(schema).length === 0;

/** Text or something else (`label`: text or a map per language; `to`: one recipient or a list). */
const isTextOrOther = (schema: Schema) =>
  Array.isArray(schema.anyOf) && (schema.anyOf as Schema[]).some((option) => option.type === 'string');

/** Settings every step has (definition.ts `base`): shown after the ones of its type. */
const COMMON_LAST = ['label', 'retries'];

/** Settings naming an object of the model (`createRecord.object`, a trigger's `object`): picked from a list. */
const isObjectName = (key: string, schema: Schema) => key === 'object' && schema.type === 'string';

/** The uiSchema for `schema` (and below it): `anyValue` wherever a value may be anything. */
function uiFor(schema: Schema): UiSchema {
  // rjsf would draw a chooser of alternatives; one input that takes text (or JSON for the rest) reads better.
  if (isAny(schema)) return { 'ui:field': 'anyValue' };
  if (isTextOrOther(schema)) return { 'ui:field': 'anyValue', 'ui:fieldReplacesAnyOrOneOf': true };
  const ui: UiSchema = {};
  const properties = schema.properties as Record<string, Schema> | undefined;
  for (const [key, property] of Object.entries(properties ?? {})) {
    const child = isObjectName(key, property) ? { 'ui:widget': 'objectName' } : uiFor(property);
    if (Object.keys(child).length) ui[key] = child;
  }
  const additional = schema.additionalProperties;
  if (typeof additional === 'object' && additional !== null) {
    const child = uiFor(additional as Schema);
    if (Object.keys(child).length) ui.additionalProperties = child;
  }
  if (typeof schema.items === 'object' && schema.items !== null) {
    const child = uiFor(schema.items as Schema);
    if (Object.keys(child).length) ui.items = child;
  }
  return ui;
}

/** Names the alternatives of an `anyOf` after their type, so rjsf's chooser reads "text" / "list", not "Option 1". */
function titled(schema: Schema, typeTitle: (type: string) => string): Schema {
  const out: Schema = { ...schema };
  if (Array.isArray(schema.anyOf))
    out.anyOf = (schema.anyOf as Schema[]).map((option) => ({
      ...titled(option, typeTitle),
      title: typeof option.type === 'string' ? typeTitle(option.type) : undefined,
    }));
  if (schema.properties)
    out.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, Schema>).map(([k, v]) => [k, titled(v, typeTitle)]),
    );
  return out;
}

/**
 * `typeTitle` names a value type ("text", "list"); `keyTitle` a setting in the user's language (the API key when
 * the studio has no word for it: a plugin's settings). A title the server's schema gives wins over both.
 */
export function settingsForm(
  raw: unknown,
  typeTitle: (type: string) => string,
  keyTitle: (key: string) => string = (key) => key,
): SettingsForm {
  const source = (raw ?? {}) as Schema;
  const edgeKeys = edgeKeysOfSchema(source);
  const hidden = new Set(['type', 'id', ...edgeKeys]);
  const properties = Object.fromEntries(
    Object.entries((source.properties ?? {}) as Record<string, Schema>)
      .filter(([key]) => !hidden.has(key))
      .map(([key, property]) => [key, { title: keyTitle(key), ...property }]),
  );
  const required = ((source.required ?? []) as string[]).filter((key) => !hidden.has(key));
  // `$schema` names draft 2020-12, which the draft-07 ajv of @rjsf/validator-ajv8 would refuse to compile.
  const { $schema: _draft, ...rest } = source;
  const schema = titled({ ...rest, type: 'object', properties, required }, typeTitle) as RJSFSchema;
  const keys = Object.keys(properties);
  const order = [...keys.filter((k) => !COMMON_LAST.includes(k)), ...COMMON_LAST.filter((k) => keys.includes(k))];
  return {
    schema,
    uiSchema: { ...uiFor(schema as Schema), 'ui:order': order },
    requiredEdgeKeys: ((source.required ?? []) as string[]).filter((key) => edgeKeys.includes(key)),
  };
}

/** The settings a form edits: the step or trigger without what the form leaves out. */
export function formValues(value: Record<string, unknown>, form: SettingsForm): Record<string, unknown> {
  const shown = Object.keys(form.schema.properties ?? {});
  return Object.fromEntries(Object.entries(value).filter(([key]) => shown.includes(key)));
}
