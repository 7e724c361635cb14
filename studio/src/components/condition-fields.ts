import type { ConditionField } from './ConditionBuilder';
import { localized } from './localized';

/** A field as the metadata API answers it (`object { fields { name type label settings } }`). */
export interface FieldMetaLike {
  readonly name: string;
  readonly type: string;
  readonly label: string;
  readonly settings?: unknown;
}

/**
 * The fields of an object as the ConditionBuilder takes them: select options with their labels in the
 * language shown. To-many relations are left out, because a clause compares one related id.
 */
export function conditionFieldsOf(fields: readonly FieldMetaLike[], language: string): ConditionField[] {
  return fields
    .filter((f) => !(f.type === 'relation' && (f.settings as { many?: unknown } | null)?.many === true))
    .map((f) => {
      const settings = (f.settings ?? {}) as { options?: unknown };
      const options = Array.isArray(settings.options)
        ? settings.options.map((o: unknown) => {
            if (typeof o === 'string') return { value: o, label: o };
            const option = o as { value: string; label?: unknown };
            return { value: option.value, label: localized(option.label, language, option.value) };
          })
        : undefined;
      return { name: f.name, label: f.label, type: f.type, ...(options ? { options } : {}) };
    });
}
