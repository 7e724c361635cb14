import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocales } from '../workspace/format';

/** The ISO 4217 codes the browser knows, each with its name in the studio's language ("GEL · Georgian Lari"). */
function currencies(language: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(intlLocales(language), { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => ({
    value: code,
    label: `${code} · ${names.of(code) ?? code}`,
  }));
}

export function CurrencySelect(props: {
  label: string;
  description?: string | undefined;
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  error?: string | undefined;
}) {
  const { i18n } = useTranslation();
  const data = useMemo(() => currencies(i18n.language), [i18n.language]);
  return (
    <Select
      label={props.label}
      description={props.description}
      data={data}
      value={props.value ?? null}
      onChange={(code) => props.onChange(code ?? undefined)}
      searchable
      clearable
      limit={50}
      error={props.error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
