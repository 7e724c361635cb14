import type { FieldType } from './field-type';
import { booleanType, multiSelectType, selectType } from './choice-types';
import { formulaType, rollupType } from './computed-types';
import { autonumberType, currencyType, numberType, percentType, ratingType } from './number-types';
import { relationType } from './relation-type';
import { addressType, jsonType } from './structured-types';
import { dateType, datetimeType } from './temporal-types';
import { emailType, longTextType, phoneType, richTextType, textType, urlType } from './text-types';

/**
 * The field types a workspace knows. The core registers its own types here exactly as plugins do.
 *
 * @example
 *   const types = createFieldTypeRegistry();
 *   types.get('currency').toColumns({ amount: 10, currency: 'GEL' }, field);
 */
export interface FieldTypeRegistry {
  get(type: string): FieldType;
  has(type: string): boolean;
  list(): readonly FieldType[];
}

export const CORE_FIELD_TYPES: readonly FieldType[] = [
  textType,
  longTextType,
  richTextType,
  numberType,
  currencyType,
  percentType,
  booleanType,
  dateType,
  datetimeType,
  emailType,
  phoneType,
  urlType,
  selectType,
  multiSelectType,
  relationType,
  formulaType,
  rollupType,
  autonumberType,
  ratingType,
  addressType,
  jsonType,
];

export function createFieldTypeRegistry(extra: readonly FieldType[] = []): FieldTypeRegistry {
  const types = new Map<string, FieldType>();
  for (const type of [...CORE_FIELD_TYPES, ...extra]) {
    if (types.has(type.type)) throw new Error(`Field type "${type.type}" is registered twice`);
    types.set(type.type, type);
  }
  return {
    get(type) {
      const found = types.get(type);
      if (!found) throw new Error(`Unknown field type "${type}"`);
      return found;
    },
    has: (type) => types.has(type),
    list: () => [...types.values()],
  };
}
