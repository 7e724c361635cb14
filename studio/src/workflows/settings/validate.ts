import validator from '@rjsf/validator-ajv8';
import type { SettingsForm } from './form-schema';
import { formValues } from './form-schema';

/**
 * The JSON Schema errors of one node's settings, worded by ajv through rjsf's validator (the same one the
 * settings form shows on its fields). Memoised per step object: an edit replaces only the edited step, so
 * re-checking a 50-step workflow after a keystroke validates one step.
 */
const cache = new WeakMap<object, { form: SettingsForm; messages: readonly string[] }>();

export function settingsErrors(value: Record<string, unknown>, form: SettingsForm): readonly string[] {
  const known = cache.get(value);
  if (known && known.form === form) return known.messages;
  const { errors } = validator.validateFormData(formValues(value, form), form.schema);
  const messages = errors.map((e) => {
    const property = (e.property ?? '').replace(/^\./, '');
    const missing = e.name === 'required' ? String((e.params as { missingProperty?: unknown }).missingProperty) : '';
    // rjsf already puts the missing property in `property` (`.object`); older paths only in the params.
    const at = property || missing;
    return at ? `${at}: ${e.message ?? ''}` : (e.message ?? '');
  });
  cache.set(value, { form, messages });
  return messages;
}
