import { z } from 'zod';
import { ARRAY, EQUALITY } from '../conditions/operators';
import type { FieldDef, SelectOption } from '../model/model';
import { labelSchema } from '../manifest/label';
import { fail, ok, type FieldType } from './field-type';

const optionSchema = z.union([
  z.string().min(1).max(100),
  z.strictObject({
    value: z.string().min(1).max(100),
    label: labelSchema.optional(),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3b82f6')
      .optional(),
  }),
]);

const optionsSetting = z
  .array(optionSchema)
  .min(1, 'needs at least one option')
  .max(500)
  .refine((options) => {
    const values = options.map((o) => (typeof o === 'string' ? o : o.value));
    return new Set(values).size === values.length;
  }, 'option values must be unique');

/** The options of a select field, resolved (a manifest may write an option as its bare value). */
export function selectOptions(field: FieldDef): readonly SelectOption[] {
  const options = (field.settings.options as z.infer<typeof optionsSetting> | undefined) ?? [];
  return options.map((o) =>
    typeof o === 'string' ? { value: o, label: o } : { value: o.value, label: o.label ?? o.value, color: o.color },
  );
}

export function optionValues(field: FieldDef): readonly string[] {
  return selectOptions(field).map((o) => o.value);
}

function checkOption(value: unknown, field: FieldDef): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const values = optionValues(field);
  if (!values.includes(value)) return `"${value}" is not one of the options (${values.join(', ')})`;
  return undefined;
}

export const selectType: FieldType = {
  type: 'select',
  settings: { options: optionsSetting },
  columns: () => [{ suffix: '', sqlType: 'text' }],
  valueKind: 'text',
  operators: EQUALITY,
  sortable: true,
  searchableByDefault: false,
  canSearch: false,
  toColumns(value, field) {
    const error = checkOption(value, field);
    return error ? fail(error) : ok(value);
  },
  fromColumns: ([value]) => value ?? null,
  jsonSchema: (field) => ({ type: 'string', enum: optionValues(field) }),
  graphql: { output: 'String', input: 'String', filter: 'SelectFilter' },
};

export const multiSelectType: FieldType = {
  ...selectType,
  type: 'multiSelect',
  columns: () => [{ suffix: '', sqlType: 'text[]' }],
  valueKind: 'textArray',
  operators: ARRAY,
  sortable: false,
  toColumns(value, field) {
    if (!Array.isArray(value)) return fail('must be a list of options');
    for (const item of value) {
      const error = checkOption(item, field);
      if (error) return fail(error);
    }
    return ok([...new Set(value as string[])]);
  },
  fromColumns: ([value]) => value ?? [],
  jsonSchema: (field) => ({ type: 'array', uniqueItems: true, items: { type: 'string', enum: optionValues(field) } }),
  graphql: { output: '[String!]', input: '[String!]', filter: 'StringListFilter' },
};

export const booleanType: FieldType = {
  type: 'boolean',
  settings: {},
  columns: () => [{ suffix: '', sqlType: 'boolean' }],
  valueKind: 'boolean',
  operators: ['eq', 'neq', 'isNull'],
  sortable: true,
  searchableByDefault: false,
  canSearch: false,
  toColumns: (value) => (typeof value === 'boolean' ? ok(value) : fail('must be true or false')),
  fromColumns: ([value]) => value ?? null,
  jsonSchema: () => ({ type: 'boolean' }),
  graphql: { output: 'Boolean', input: 'Boolean', filter: 'BooleanFilter' },
};
