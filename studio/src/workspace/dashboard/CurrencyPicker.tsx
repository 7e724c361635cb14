import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Which currency a chart shows (amounts of different currencies are never added up); none when there is one. */
export function CurrencyPicker({
  currencies,
  value,
  onChange,
}: {
  currencies: readonly (string | null)[];
  value: string | null;
  onChange: (currency: string | null) => void;
}) {
  const { t } = useTranslation();
  if (currencies.length < 2) return null;
  const none = '—';
  return (
    <Select
      label={t('dashboard.value.currency')}
      w={140}
      size="xs"
      allowDeselect={false}
      value={value ?? none}
      onChange={(v) => onChange(v === none ? null : v)}
      data={currencies.map((c) => c ?? none)}
    />
  );
}
