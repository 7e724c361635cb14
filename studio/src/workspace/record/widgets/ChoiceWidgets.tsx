import { ColorSwatch, Group, MultiSelect, Select, Text, type ComboboxItem } from '@mantine/core';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../components/localized';
import type { WorkspaceField } from '../../record-api';
import { errorText, FORM_DROPDOWN, widgetField, type RecordFormContext } from './form-context';

interface ChoiceOption extends ComboboxItem {
  readonly color?: string | undefined;
}

/**
 * A select field's options as its settings list them (bare values or `{ value, label, color }`); a pipeline's
 * stage field takes its stages' labels and colours (the pipeline is where they are named).
 */
function choiceOptions(
  field: WorkspaceField | undefined,
  language: string,
  context: RecordFormContext,
): ChoiceOption[] {
  const pipeline = context.model.pipelines.find((p) => p.object === context.object.name && p.field === field?.name);
  if (pipeline) return pipeline.stages.map((s) => ({ value: s.name, label: s.label, color: s.color ?? undefined }));
  const listed = (field?.settings as { options?: unknown[] } | null)?.options ?? [];
  return listed.map((o) => {
    if (typeof o === 'string') return { value: o, label: o };
    const option = o as { value: string; label?: unknown; color?: string };
    return { value: option.value, label: localized(option.label, language, option.value), color: option.color };
  });
}

function renderChoice({ option }: { option: ComboboxItem }) {
  const color = (option as ChoiceOption).color;
  return (
    <Group gap="xs" wrap="nowrap">
      {color && <ColorSwatch color={color} size={12} aria-hidden />}
      <Text size="sm">{option.label}</Text>
    </Group>
  );
}

/** One option of a select field, with its label in the user's language and its colour. */
export function ChoiceWidget(props: WidgetProps) {
  const { i18n } = useTranslation();
  const options = choiceOptions(
    widgetField(props.options),
    i18n.language,
    props.registry.formContext as RecordFormContext,
  );
  const color = options.find((o) => o.value === props.value)?.color;
  return (
    <Select
      id={props.id}
      label={props.label}
      required={props.required}
      disabled={props.disabled || props.readonly}
      data={options}
      value={typeof props.value === 'string' ? props.value : null}
      onChange={(value) => props.onChange(value ?? undefined)}
      onBlur={() => props.onBlur(props.id, props.value)}
      renderOption={renderChoice}
      leftSection={color ? <ColorSwatch color={color} size={12} aria-hidden /> : undefined}
      clearable={!props.required}
      searchable
      error={errorText(props.rawErrors)}
      comboboxProps={FORM_DROPDOWN}
    />
  );
}

/** The options of a multi-select field. */
export function ChoicesWidget(props: WidgetProps) {
  const { i18n } = useTranslation();
  const options = choiceOptions(
    widgetField(props.options),
    i18n.language,
    props.registry.formContext as RecordFormContext,
  );
  return (
    <MultiSelect
      id={props.id}
      label={props.label}
      required={props.required}
      disabled={props.disabled || props.readonly}
      data={options}
      value={Array.isArray(props.value) ? (props.value as string[]) : []}
      onChange={(value) => props.onChange(value)}
      onBlur={() => props.onBlur(props.id, props.value)}
      renderOption={renderChoice}
      searchable
      error={errorText(props.rawErrors)}
      comboboxProps={FORM_DROPDOWN}
    />
  );
}
