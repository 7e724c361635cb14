import { Textarea } from '@mantine/core';
import type { FieldProps, WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { TemplateInput } from './TemplateInput';
import type { Variable } from './variables';

/** What the designer hands every settings form through rjsf's `formContext`. */
export interface SettingsContext {
  readonly variables: readonly Variable[];
  /** The workspace's objects, for settings that name one (ObjectNameWidget). */
  readonly objects: readonly { value: string; label: string }[];
}

const variablesOf = (context: unknown) => (context as SettingsContext | undefined)?.variables ?? [];

/**
 * rjsf's text widget for every string setting (registered once, for all types): a text input with the variable
 * picker, since any string of a step may be a template. Numbers keep the theme's own input.
 */
export function TemplateTextWidget(props: WidgetProps) {
  const { BaseInputTemplate } = props.registry.templates;
  if (props.schema.type === 'number' || props.schema.type === 'integer') return <BaseInputTemplate {...props} />;
  const label = props.label || props.name;
  return (
    <TemplateInput
      id={props.id}
      label={props.hideLabel ? undefined : label}
      accessibleLabel={label}
      value={typeof props.value === 'string' ? props.value : ''}
      onChange={(value) => props.onChange(value === '' ? props.options.emptyValue : value)}
      onBlur={() => props.onBlur(props.id, props.value)}
      variables={variablesOf(props.registry.formContext)}
      required={props.required}
      disabled={props.disabled || props.readonly}
      error={props.rawErrors?.length ? props.rawErrors.join('\n') : undefined}
      description={props.schema.description}
    />
  );
}

/**
 * A setting whose value may be anything (`{}` in JSON Schema): a record field's value in `data`, a condition's
 * operand, a request body. Text (a template, usually) is edited as text; other values as JSON.
 */
export function AnyValueField(props: FieldProps) {
  const { t } = useTranslation();
  const id = props.fieldPathId.$id;
  // A setting's title (its label in the user's language); a map entry's own key.
  const label = props.schema.title ?? props.name;
  const value: unknown = props.formData;
  const error = props.rawErrors?.length ? props.rawErrors.join('\n') : undefined;
  const disabled = props.disabled || props.readonly;
  if (value === undefined || typeof value === 'string') {
    return (
      <TemplateInput
        id={id}
        label={label}
        accessibleLabel={label}
        value={value ?? ''}
        onChange={(text) => props.onChange(text, props.fieldPathId.path)}
        variables={variablesOf(props.registry.formContext)}
        required={props.required}
        disabled={disabled}
        error={error}
      />
    );
  }
  return (
    <Textarea
      id={id}
      label={`${label} (${t('flow.settings.json')})`}
      defaultValue={JSON.stringify(value, null, 2)}
      autosize
      minRows={2}
      disabled={disabled}
      error={error}
      onBlur={(e) => {
        try {
          props.onChange(JSON.parse(e.currentTarget.value) as unknown, props.fieldPathId.path);
        } catch {
          // Not JSON: kept as text, which the server's check then refuses where a structure was needed.
          props.onChange(e.currentTarget.value, props.fieldPathId.path);
        }
      }}
    />
  );
}
