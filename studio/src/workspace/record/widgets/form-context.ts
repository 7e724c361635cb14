import type { WorkspaceModel } from '../../use-workspace-model';
import type { WorkspaceField, WorkspaceObject } from '../../record-api';

/**
 * What the record form's widgets share (rjsf `formContext`): the model (a relation picker queries its target),
 * the object and the record as last read from the server (a picker shows the current related record's title,
 * a computed field its value).
 */
export interface RecordFormContext {
  readonly model: WorkspaceModel;
  readonly object: WorkspaceObject;
  readonly record: Readonly<Record<string, unknown>>;
}

/** The field a widget edits: the record form puts it in the field's `ui:options.recordField`
 * (not `field`, which is rjsf's own option naming a custom field). */
export function widgetField(options: Readonly<Record<string, unknown>>): WorkspaceField | undefined {
  return options['recordField'] as WorkspaceField | undefined;
}

/** rjsf joins a field's errors; Mantine shows them under the input. */
export const errorText = (rawErrors: readonly string[] | undefined): string | undefined =>
  rawErrors && rawErrors.length > 0 ? rawErrors.join('\n') : undefined;

/**
 * The form's dropdowns (`comboboxProps` of its selects): inside the form, not in a portal, and mounted only
 * while open. Mantine's Combobox keeps a closed dropdown mounted (hidden) by default; on a form of several
 * selects that renders every option list (the currency picker's whole list of codes) and positions each
 * hidden dropdown with floating-ui (a forced style recalculation per select) when the page opens.
 */
export const FORM_DROPDOWN = { withinPortal: false, keepMounted: false } as const;
