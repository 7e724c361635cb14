/**
 * Templates in workflow step settings: `{{trigger.record.title}}`, `{{steps.find.output.records[0].id}}`.
 * A string that is exactly one template takes the referenced value as it is (a number stays a number, an
 * object stays an object); templates inside longer text are replaced by their text. A path that leads
 * nowhere gives null (or '' inside text): a missing value is data, not an error.
 */
const TEMPLATE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const SEGMENT = /[^.[\]]+|\[(\d+)\]/g;

export type TemplateScope = Readonly<Record<string, unknown>>;

/** Renders every string in a JSON value (objects and arrays are walked; keys are left alone). */
export function renderTemplates(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') return renderString(value, scope);
  if (Array.isArray(value)) return value.map((item) => renderTemplates(item, scope));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderTemplates(item, scope)]));
  }
  return value;
}

function renderString(text: string, scope: TemplateScope): unknown {
  const whole = WHOLE.exec(text);
  if (whole) return lookup(scope, whole[1]!) ?? null;
  return text.replace(TEMPLATE, (_, path: string) => toText(lookup(scope, path)));
}

/** The value at a dotted path with optional indexes (`steps.find.output.records[0].id`). */
export function lookup(scope: TemplateScope, path: string): unknown {
  let current: unknown = scope;
  for (const match of path.trim().matchAll(SEGMENT)) {
    const key = match[1] ?? match[0];
    // Only own properties of plain data: a template can never reach a prototype or a function.
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key))
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'function' ? undefined : current;
}

/** The paths a value refers to, for validating definitions and offering a variable picker. */
export function templatePaths(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(TEMPLATE)].map((m) => m[1]!.trim());
  if (Array.isArray(value)) return value.flatMap(templatePaths);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(templatePaths);
  return [];
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
