import '@mantine/dates/styles.css';
import { DateInput, DateTimePicker } from '@mantine/dates';
import type { WidgetProps } from '@rjsf/utils';
import dayjs from 'dayjs';
import { errorText } from './form-context';

/** A date field (`YYYY-MM-DD`, as the API reads and writes it, and as it is shown: unambiguous in every language). */
export function DateWidget(props: WidgetProps) {
  return (
    <DateInput
      id={props.id}
      label={props.label}
      required={props.required}
      disabled={props.disabled || props.readonly}
      value={typeof props.value === 'string' ? props.value : null}
      onChange={(value) => props.onChange(value ?? undefined)}
      onBlur={() => props.onBlur(props.id, props.value)}
      valueFormat="YYYY-MM-DD"
      clearable
      error={errorText(props.rawErrors)}
      popoverProps={{ withinPortal: false }}
    />
  );
}

/** A date-time field: the API's ISO instant, edited in the user's local time. */
export function DateTimeWidget(props: WidgetProps) {
  const local = typeof props.value === 'string' ? dayjs(props.value).format('YYYY-MM-DD HH:mm:ss') : null;
  return (
    <DateTimePicker
      id={props.id}
      label={props.label}
      required={props.required}
      disabled={props.disabled || props.readonly}
      value={local}
      onChange={(value) => props.onChange(value ? dayjs(value).toISOString() : undefined)}
      onBlur={() => props.onBlur(props.id, props.value)}
      valueFormat="YYYY-MM-DD HH:mm"
      clearable
      error={errorText(props.rawErrors)}
      popoverProps={{ withinPortal: false }}
    />
  );
}
