/**
 * What a template may read (`{{…}}`, CONTRACT.md "Workflows"): the trigger's record, field by field, and the
 * output of steps that run before the one being edited.
 */
export interface Variable {
  /** The template path, without braces: `trigger.record.name`. */
  readonly path: string;
  /** What to show: the field's label, or the step's id. */
  readonly label: string;
  readonly group: 'record' | 'steps';
}

export function templateVariables(
  fields: readonly { name: string; label: string }[],
  earlierStepIds: readonly string[],
): Variable[] {
  return [
    ...fields.map((f) => ({ path: `trigger.record.${f.name}`, label: f.label, group: 'record' as const })),
    ...earlierStepIds.map((id) => ({ path: `steps.${id}.output`, label: id, group: 'steps' as const })),
  ];
}

/** `text` with `{{path}}` put in at the cursor (replacing a selection), and where the cursor goes after it. */
export function insertTemplate(
  text: string,
  path: string,
  start: number | null,
  end: number | null,
): { readonly value: string; readonly cursor: number } {
  const template = `{{${path}}}`;
  const from = start ?? text.length;
  const to = end ?? from;
  return { value: text.slice(0, from) + template + text.slice(to), cursor: from + template.length };
}
