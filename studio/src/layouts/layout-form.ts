/**
 * Form layouts → @rjsf/core forms. The pure conversion the studio's preview and the workspace's record forms
 * share: from an object's fields (each with the `jsonSchema` of its value, `FieldMeta.jsonSchema`) and its
 * stored layout (`ObjectMeta.layout`), a JSON Schema for the record and a uiSchema that says how to group it.
 *
 * Terminology (as runtime/src/model/model.ts): a *section* is a titled grid of one to three columns; a field a
 * section lists is *placed*; the others are *unplaced* and left out of the form. A section with `visibleWhen`
 * is shown only while the values being edited meet that condition (the one condition language, mongo
 * spelling; `meetsCondition` below evaluates it). Without a layout, every field is in one section of one column.
 *
 * The uiSchema is plain data: the sections travel in its root `ui:options` (`{ sections: FormSection[] }`),
 * and a renderer that knows them (SectionsTemplate.tsx, as the root `ui:ObjectFieldTemplate`) draws each
 * section as a grid. Fields of hidden sections are left out of the schema, so they are neither shown nor
 * validated (a required field in a hidden section does not block the form); their values stay in formData.
 *
 * @example
 *   const { schema, uiSchema } = formFromLayout(object.fields, object.layout, { values: formData, language: 'ru' });
 *   <Form schema={schema} uiSchema={withSections(uiSchema)} formData={formData} validator={validator} />
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
// No value imports besides types: the module is shared as is (the workspace, and test/studio under Node).

/** A field as the form needs it (the `FieldMeta` keys of the same names). */
export interface LayoutField {
  readonly name: string;
  readonly type: string;
  /** Already in the form's language. */
  readonly label: string;
  readonly required: boolean;
  readonly jsonSchema: unknown;
}

/** `ObjectMeta.layout`, as the manifest writes it. */
export interface FormLayout {
  readonly sections: readonly LayoutSection[];
}

export interface LayoutSection {
  readonly name: string;
  /** Text, or text per locale. */
  readonly label?: unknown;
  readonly columns: 1 | 2 | 3;
  readonly fields: readonly string[];
  readonly visibleWhen?: Readonly<Record<string, unknown>> | undefined;
}

/** A section as the renderer draws it: what it is called, how wide, which fields in which order. */
export interface FormSection {
  readonly name: string;
  readonly title: string;
  readonly columns: 1 | 2 | 3;
  readonly fields: readonly string[];
}

export interface FormOptions {
  /** The values being edited, which decide the sections' visibility (none: only unconditional sections). */
  readonly values?: Readonly<Record<string, unknown>> | undefined;
  /** The language of section labels given per locale. */
  readonly language?: string | undefined;
  /** The title of the one section of a form without a layout. */
  readonly defaultTitle?: string | undefined;
  /** The label of a money field's currency code (in the form's language). */
  readonly currencyLabel?: string | undefined;
}

export interface LayoutForm {
  readonly schema: RJSFSchema;
  readonly uiSchema: UiSchema;
  /** The sections shown for these values, in order (the uiSchema's `ui:options.sections`). */
  readonly sections: readonly FormSection[];
}

/** Where the sections sit in the uiSchema. */
export const SECTIONS_OPTION = 'sections';

/** The layout of an object without one: every field, in field order, in one section of one column. */
export function defaultLayout(fields: readonly LayoutField[], label?: string): FormLayout {
  return { sections: [{ name: 'main', label, columns: 1, fields: fields.map((f) => f.name) }] };
}

/** Whether a section is shown for these values (no condition: always). */
export function isSectionVisible(section: LayoutSection, values: Readonly<Record<string, unknown>>): boolean {
  return section.visibleWhen === undefined || meetsCondition(section.visibleWhen, values);
}

export function formFromLayout(
  fields: readonly LayoutField[],
  layout: FormLayout | null | undefined,
  options: FormOptions = {},
): LayoutForm {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const values = options.values ?? {};
  const sections: FormSection[] = (layout ?? defaultLayout(fields, options.defaultTitle)).sections
    .filter((section) => isSectionVisible(section, values))
    .map((section) => ({
      name: section.name,
      title: labelIn(section.label, options.language ?? 'en'),
      columns: section.columns,
      // A layout stored before a field was removed (or a field the caller may not read) names nothing.
      fields: section.fields.filter((name) => byName.has(name)),
    }));
  const shown = sections.flatMap((s) => s.fields).map((name) => byName.get(name)!);
  const properties: Record<string, RJSFSchema> = {};
  const uiSchema: UiSchema = {
    'ui:order': shown.map((f) => f.name),
    'ui:options': { [SECTIONS_OPTION]: sections },
  };
  for (const field of shown) {
    const schema = propertySchema(field);
    properties[field.name] = schema;
    const ui = fieldUi(field, schema, options);
    if (ui) uiSchema[field.name] = ui;
  }
  const required = shown.filter((f) => f.required && !properties[f.name]!.readOnly).map((f) => f.name);
  return {
    schema: { type: 'object', properties, ...(required.length ? { required } : {}) },
    uiSchema,
    sections,
  };
}

/**
 * A field's JSON Schema with its label as title. Computed and free-form values (formulas, rollups, json) have
 * no `type`, which @rjsf cannot render: they show as read-only text.
 */
function propertySchema(field: LayoutField): RJSFSchema {
  const given = (
    typeof field.jsonSchema === 'object' && field.jsonSchema !== null ? field.jsonSchema : {}
  ) as RJSFSchema;
  const schema: RJSFSchema = { ...given, title: field.label };
  if (schema.type === undefined) return { ...schema, type: 'string', readOnly: true };
  // Money requires its amount only once there is money: an optional money field may stay empty. Nor does its
  // currency have a default here: rjsf would fill it into an empty field, a `{ currency }` without an amount
  // that the API refuses (the record form's CurrencyField takes the field's currency when an amount is typed).
  if (schema.format === 'currency' && !field.required) {
    const { required: _required, properties, ...optional } = schema;
    const { default: _default, ...currency } = (properties?.['currency'] ?? {}) as RJSFSchema;
    return { ...optional, properties: { ...properties, currency } };
  }
  return schema;
}

function fieldUi(field: LayoutField, schema: RJSFSchema, options: FormOptions): UiSchema | undefined {
  if (field.type === 'longText' || field.type === 'richText') return { 'ui:widget': 'textarea' };
  // Money is { amount, currency }: shown as the field's amount beside its currency, without a group title.
  if (schema.format === 'currency' && schema.type === 'object')
    return {
      'ui:label': false,
      amount: { 'ui:title': field.label },
      currency: { 'ui:title': options.currencyLabel ?? 'Currency' },
    };
  if (schema.readOnly) return { 'ui:readonly': true };
  return undefined;
}

/** A label as metadata writes it (text, or text per locale) in a language; as components/localized.ts does. */
function labelIn(label: unknown, language: string): string {
  if (typeof label === 'string') return label;
  if (typeof label !== 'object' || label === null) return '';
  const map = label as Record<string, unknown>;
  const text = map[language] ?? map['en'] ?? Object.values(map)[0];
  return typeof text === 'string' ? text : '';
}

type Json = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Evaluates a section's `visibleWhen` (the one condition language, mongo spelling) on the values of a form,
 * in the browser, with the semantics of runtime/src/conditions/evaluate.ts for what a layout may say: the
 * record's own fields (the server refuses conditions that read formulas or related records). Money compares
 * by its amount, a missing value reads as null, text comparisons ignore case for `$contains`/`$startsWith`.
 *
 * @example
 *   meetsCondition({ stage: { $in: ['won', 'lost'] } }, { stage: 'won' }) // true
 *   meetsCondition({ amount: { $gte: 1000 } }, { amount: { amount: 500, currency: 'USD' } }) // false
 */
export function meetsCondition(condition: unknown, values: Readonly<Json>): boolean {
  if (!isPlainObject(condition)) return true;
  return Object.entries(condition).every(([key, operand]) => {
    if (key === '$and') return Array.isArray(operand) && operand.every((c) => meetsCondition(c, values));
    if (key === '$or') return Array.isArray(operand) && operand.some((c) => meetsCondition(c, values));
    if (key === '$not') return !meetsCondition(operand, values);
    return meetsField(read(values[key]), operand);
  });
}

/** A value as conditions compare it: money by amount, empty strings and absent values as null. */
function read(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (isPlainObject(value) && 'amount' in value) return value.amount ?? null;
  if (isPlainObject(value) && 'id' in value) return value.id ?? null;
  return value;
}

function meetsField(value: unknown, operand: unknown): boolean {
  // A bare value means $eq, null means $isNull: true.
  if (operand === null) return value === null || isEmptyList(value);
  if (!isPlainObject(operand) || !Object.keys(operand).every((k) => k.startsWith('$')))
    return compare(value, operand) === 0;
  return Object.entries(operand).every(([op, to]) => meetsOperator(op.slice(1), value, to));
}

function meetsOperator(op: string, value: unknown, to: unknown): boolean {
  if (Array.isArray(value)) return meetsListOperator(op, value, to);
  const order = () => (value === null ? undefined : compare(value, to));
  switch (op) {
    case 'isNull':
      return (value === null) === (to === true);
    case 'eq':
      return order() === 0;
    case 'neq':
    case 'ne':
      return order() !== 0;
    case 'in':
      return Array.isArray(to) && to.some((item) => value !== null && compare(value, item) === 0);
    case 'nin':
      return !Array.isArray(to) || !to.some((item) => value !== null && compare(value, item) === 0);
    case 'gt':
      return (order() ?? 0) > 0;
    case 'gte':
      return value !== null && (order() ?? -1) >= 0;
    case 'lt':
      return (order() ?? 0) < 0;
    case 'lte':
      return value !== null && (order() ?? 1) <= 0;
    case 'contains':
      return typeof value === 'string' && typeof to === 'string' && value.toLowerCase().includes(to.toLowerCase());
    case 'startsWith':
      return typeof value === 'string' && typeof to === 'string' && value.toLowerCase().startsWith(to.toLowerCase());
    default:
      return false;
  }
}

/** Multi-select values: `$contains` has the element, `$eq` has exactly these, empty is as null. */
function meetsListOperator(op: string, list: readonly unknown[], to: unknown): boolean {
  switch (op) {
    case 'isNull':
      return (list.length === 0) === (to === true);
    case 'contains':
      return list.includes(to);
    case 'eq':
      return Array.isArray(to) && list.length === to.length && to.every((item) => list.includes(item));
    default:
      return false;
  }
}

const isEmptyList = (value: unknown) => Array.isArray(value) && value.length === 0;

/** -1, 0 or 1; numbers (and numeric strings) by value, everything else as text; NaN when incomparable. */
function compare(value: unknown, to: unknown): number {
  if (value === null || to === null || to === undefined) return Number.NaN;
  const a = typeof value === 'number' || typeof to === 'number' ? Number(value) : value;
  const b = typeof value === 'number' || typeof to === 'number' ? Number(to) : to;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b ? 0 : Number.NaN;
  const [x, y] = [String(a), String(b)];
  return x === y ? 0 : x < y ? -1 : 1;
}
