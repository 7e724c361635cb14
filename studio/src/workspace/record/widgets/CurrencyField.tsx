import { Group, NumberInput, Select } from '@mantine/core';
import type { FieldProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { errorText, FORM_DROPDOWN, widgetField } from './form-context';
import { intlLocales } from '../../format';

/** The ISO 4217 codes the browser knows (codes only: the amount beside it keeps the room). */
const CURRENCY_CODES = Intl.supportedValuesOf('currency');

/** The language's digit group or decimal separator ("1 234,5" in Russian, "1,234.5" in English). */
const separator = (language: string, type: 'group' | 'decimal') =>
  new Intl.NumberFormat(intlLocales(language)).formatToParts(12345.6).find((p) => p.type === type)?.value;

interface Money {
  readonly amount?: number | undefined;
  readonly currency?: string | undefined;
}

/**
 * Money: the amount beside its currency code, as one value `{ amount, currency }` (empty when there is no
 * amount). Errors about the field or either part are shown under the amount.
 */
export function CurrencyField(props: FieldProps<Money>) {
  const { t, i18n } = useTranslation();
  const value = props.formData ?? {};
  // The field's currency (`settings.currency`): the schema of an optional money field has no default (layout-form.ts).
  const settings = widgetField((props.uiSchema?.['ui:options'] ?? {}) as Record<string, unknown>)?.settings as
    { currency?: string } | undefined;
  const fallback =
    settings?.currency ?? (props.schema.properties?.['currency'] as { default?: string } | undefined)?.default;
  const currency = value.currency ?? fallback;
  const errors = props.errorSchema as
    { __errors?: string[]; amount?: { __errors?: string[] }; currency?: { __errors?: string[] } } | undefined;
  const all = [...(errors?.__errors ?? []), ...(errors?.amount?.__errors ?? [])];
  const change = (next: Money) =>
    props.onChange(
      next.amount === undefined ? undefined : { amount: next.amount, currency: next.currency ?? fallback },
      props.fieldPathId.path,
    );
  const id = props.fieldPathId.$id;
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <NumberInput
        id={`${id}-amount`}
        style={{ flex: 1 }}
        label={(props.schema.title as string | undefined) ?? props.name}
        required={props.required}
        disabled={props.disabled || props.readonly}
        value={value.amount ?? ''}
        onChange={(amount) => change({ ...value, amount: typeof amount === 'number' ? amount : undefined })}
        thousandSeparator={separator(i18n.language, 'group')}
        decimalSeparator={separator(i18n.language, 'decimal')}
        decimalScale={2}
        error={errorText(all)}
      />
      <Select
        id={`${id}-currency`}
        w={110}
        label={t('record.form.currency')}
        data={CURRENCY_CODES}
        value={currency ?? null}
        onChange={(code) => change({ ...value, currency: code ?? undefined })}
        disabled={props.disabled || props.readonly}
        error={errorText(errors?.currency?.__errors)}
        searchable
        limit={50}
        comboboxProps={{ ...FORM_DROPDOWN, width: 160 }}
      />
    </Group>
  );
}
