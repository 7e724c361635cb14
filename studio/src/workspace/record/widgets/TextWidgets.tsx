import { Anchor, Input, Rating, Switch, TextInput } from '@mantine/core';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { formatValue } from '../format-value';
import { errorText, widgetField, type RecordFormContext } from './form-context';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** E-mail and web address: a text input, with the value as a link beside it (write, open). Phones: PhoneWidget.tsx. */
function LinkInput(props: WidgetProps & { type: 'email' | 'url'; href: (value: string) => string }) {
  const value = text(props.value);
  return (
    <TextInput
      id={props.id}
      type={props.type}
      label={props.label}
      required={props.required}
      disabled={props.disabled}
      readOnly={props.readonly}
      value={value}
      onChange={(event) => props.onChange(event.currentTarget.value === '' ? undefined : event.currentTarget.value)}
      onBlur={() => props.onBlur(props.id, props.value)}
      error={errorText(props.rawErrors)}
      description={
        value && !errorText(props.rawErrors) ? (
          <Anchor href={props.href(value)} target={props.type === 'url' ? '_blank' : undefined} size="xs">
            {value}
          </Anchor>
        ) : undefined
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}

export const EmailWidget = (props: WidgetProps) => <LinkInput {...props} type="email" href={(v) => `mailto:${v}`} />;
export const UrlWidget = (props: WidgetProps) => <LinkInput {...props} type="url" href={(v) => v} />;

/** A rating of 1 to `maximum` stars (the field's `max` setting); a second click on the same star clears it. */
export function RatingWidget(props: WidgetProps) {
  const count = typeof props.schema.maximum === 'number' ? props.schema.maximum : 5;
  const labelId = `${props.id}-label`;
  return (
    <Input.Wrapper id={props.id} label={props.label} labelProps={{ id: labelId }} error={errorText(props.rawErrors)}>
      <Rating
        count={count}
        value={typeof props.value === 'number' ? props.value : 0}
        onChange={(value) => props.onChange(value === props.value || value === 0 ? undefined : value)}
        readOnly={props.readonly || props.disabled}
        aria-labelledby={labelId}
      />
    </Input.Wrapper>
  );
}

/** Yes or no. */
export function ToggleWidget(props: WidgetProps) {
  return (
    <Switch
      id={props.id}
      label={props.label}
      mt="md"
      checked={props.value === true}
      disabled={props.disabled || props.readonly}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
      error={errorText(props.rawErrors)}
    />
  );
}

/** A formula, rollup or autonumber: the value the server computed, never edited. */
export function ComputedWidget(props: WidgetProps) {
  const { t, i18n } = useTranslation();
  const context = props.registry.formContext as RecordFormContext;
  const field = widgetField(props.options);
  const value = field ? context.record[field.name] : undefined;
  return (
    <TextInput
      id={props.id}
      label={props.label}
      readOnly
      variant="filled"
      value={formatValue(value, field, i18n.language, t)}
      description={t('record.form.computed')}
    />
  );
}
