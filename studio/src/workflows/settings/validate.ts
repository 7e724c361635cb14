import { schemaValidator } from '../../components/schema-validator';
import type { SettingsForm } from './form-schema';
import { formValues } from './form-schema';

/**
 * The JSON Schema errors of one node's settings, worded by ajv through rjsf's validator (the same one the
 * settings form shows on its fields). Memoised per step object: an edit replaces only the edited step, so
 * re-checking a 50-step workflow after a keystroke validates one step.
 */
const cache = new WeakMap<object, { form: SettingsForm; language: string; messages: readonly string[] }>();

export function settingsErrors(
  value: Record<string, unknown>,
  form: SettingsForm,
  language: string,
): readonly string[] {
  const known = cache.get(value);
  if (known && known.form === form && known.language === language) return known.messages;
  const { errors } = schemaValidator(language).validateFormData(formValues(value, form), form.schema);
  const messages = errors.map((e) => {
    const property = (e.property ?? '').replace(/^\./, '');
    const missing = e.name === 'required' ? String((e.params as { missingProperty?: unknown }).missingProperty) : '';
    // rjsf already puts the missing property in `property` (`.object`); older paths only in the params.
    const key = property || missing;
    // The setting's title as the form shows it (its label in the user's language), the path below it as is.
    const title = (form.schema.properties?.[key] as { title?: string } | undefined)?.title;
    const at = title ?? key;
    return at ? `${at}: ${e.message ?? ''}` : (e.message ?? '');
  });
  cache.set(value, { form, language, messages });
  return messages;
}
