/**
 * For each field type the designer has a settings panel for, the type-specific settings it edits (the
 * manifest keys of runtime/src/fields/*-types.ts). Which types exist comes from the server (`fieldTypes`,
 * use-field-types.ts), plugins' included; a type not listed here has its settings edited in the manifest.
 */
/** A type-specific manifest key of a field. */
export type SettingKey =
  | 'maxLength'
  | 'defaultCountry'
  | 'min'
  | 'max'
  | 'precision'
  | 'currency'
  | 'options'
  | 'target'
  | 'many'
  | 'inverse'
  | 'prefix'
  | 'padding'
  | 'expression'
  | 'resultType'
  | 'relation'
  | 'function'
  | 'field'
  | 'filter';

const SETTINGS: Readonly<Record<string, readonly SettingKey[]>> = {
  text: ['maxLength'],
  longText: ['maxLength'],
  richText: ['maxLength'],
  phone: ['defaultCountry'],
  number: ['precision', 'min', 'max'],
  percent: ['precision', 'min', 'max'],
  currency: ['currency', 'min', 'max'],
  rating: ['max'],
  autonumber: ['prefix', 'padding'],
  select: ['options'],
  multiSelect: ['options'],
  relation: ['target', 'many', 'inverse'],
  formula: ['expression', 'resultType', 'currency'],
  rollup: ['relation', 'function', 'field', 'filter', 'currency'],
};

/** The settings the designer edits for a type (none for types without settings, e.g. boolean). */
export function settingsOf(type: string): readonly SettingKey[] {
  return SETTINGS[type] ?? [];
}

/** Types whose values are computed or numbered by the server: they take no default, nor required/unique. */
export function isComputedType(type: string): boolean {
  return type === 'formula' || type === 'rollup' || type === 'autonumber';
}

export const RESULT_TYPES = ['number', 'currency', 'text', 'boolean', 'date', 'datetime'] as const;
export const ROLLUP_FUNCTIONS = ['count', 'sum', 'min', 'max', 'avg'] as const;
