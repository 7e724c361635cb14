import type { RegistryFieldsType, RegistryWidgetsType, UiSchema } from '@rjsf/utils';
import { isToMany, type WorkspaceField } from '../../record-api';
import { AddressField } from './AddressField';
import { ChoicesWidget, ChoiceWidget } from './ChoiceWidgets';
import { CurrencyField } from './CurrencyField';
import { DateTimeWidget, DateWidget } from './DateWidgets';
import { PhoneWidget } from './PhoneWidget';
import { RelationWidget } from './RelationWidget';
import { RichTextWidget } from './RichTextWidget';
import { ComputedWidget, EmailWidget, RatingWidget, ToggleWidget, UrlWidget } from './TextWidgets';

/**
 * The record form's widgets, registered once: each field type's `ui:widget` (or `ui:field` for money and
 * addresses, whose values are objects) names one of these. Types without one (text, numbers, long text) use @rjsf/mantine's.
 * Rich text replaces the textarea formFromLayout gives it (which the designer's preview keeps).
 */
export const recordWidgets: RegistryWidgetsType = {
  choice: ChoiceWidget,
  choices: ChoicesWidget,
  relation: RelationWidget,
  stratumDate: DateWidget,
  stratumDateTime: DateTimeWidget,
  phone: PhoneWidget,
  richText: RichTextWidget,
  stratumEmail: EmailWidget,
  stratumUrl: UrlWidget,
  rating: RatingWidget,
  toggle: ToggleWidget,
  computed: ComputedWidget,
};

export const recordFields: RegistryFieldsType = { currency: CurrencyField, address: AddressField };

const WIDGET_OF_TYPE: Readonly<Record<string, string>> = {
  select: 'choice',
  multiSelect: 'choices',
  date: 'stratumDate',
  datetime: 'stratumDateTime',
  phone: 'phone',
  richText: 'richText',
  email: 'stratumEmail',
  url: 'stratumUrl',
  rating: 'rating',
  boolean: 'toggle',
  formula: 'computed',
  rollup: 'computed',
  autonumber: 'computed',
};

/**
 * The uiSchema of one field in the record form: its widget, with the field itself in `ui:options.recordField`
 * (the widgets read its options and relation target there). Merged over what formFromLayout says.
 */
export function widgetUi(field: WorkspaceField, fromLayout: UiSchema | undefined): UiSchema {
  const options = { ...(fromLayout?.['ui:options'] as object | undefined), recordField: field };
  if (field.type === 'currency') return { 'ui:field': 'currency', 'ui:options': options };
  if (field.type === 'address') return { 'ui:field': 'address', 'ui:options': options };
  if (field.type === 'relation' && !isToMany(field)) return { 'ui:widget': 'relation', 'ui:options': options };
  const widget = WIDGET_OF_TYPE[field.type];
  return { ...fromLayout, ...(widget ? { 'ui:widget': widget } : {}), 'ui:options': options };
}
