import { Select } from '@mantine/core';
import type { WidgetProps } from '@rjsf/utils';
import type { SettingsContext } from './TemplateTextWidget';

/**
 * A setting that names an object of the model (`object` of a step or trigger): chosen from the workspace's
 * objects rather than typed, so a misspelt name cannot be saved. A name the model does not have (an object
 * since deleted) stays shown, so the form never silently changes the definition.
 */
export function ObjectNameWidget(props: WidgetProps) {
  const objects = (props.registry.formContext as SettingsContext | undefined)?.objects ?? [];
  const value = typeof props.value === 'string' ? props.value : null;
  const data = value && !objects.some((o) => o.value === value) ? [...objects, { value, label: value }] : objects;
  return (
    <Select
      id={props.id}
      label={props.hideLabel ? undefined : props.label || props.name}
      aria-label={props.label || props.name}
      data={data}
      value={value}
      onChange={(next) => props.onChange(next ?? props.options.emptyValue)}
      onBlur={() => props.onBlur(props.id, props.value)}
      searchable
      clearable={!props.required}
      required={props.required}
      disabled={props.disabled || props.readonly}
      error={props.rawErrors?.length ? props.rawErrors.join('\n') : undefined}
      description={props.schema.description}
    />
  );
}
