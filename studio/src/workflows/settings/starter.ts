import type { SettingsForm } from './form-schema';

/**
 * Settings a new step starts with: its required maps empty (`data: {}`) and, where the type names an object, the
 * trigger's object — the usual choice, and one the user changes in the panel. Anything else the type requires
 * the user fills in; until then the node shows what is missing.
 */
export function starterSettings(form: SettingsForm, triggerObject: string | undefined): Record<string, unknown> {
  const properties = (form.schema.properties ?? {}) as Record<string, { type?: unknown }>;
  const settings: Record<string, unknown> = {};
  for (const key of form.schema.required ?? []) {
    const property = properties[key];
    if (key === 'object' && triggerObject) settings[key] = triggerObject;
    else if (property?.type === 'object') settings[key] = {};
  }
  return settings;
}
