import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EDITED_LOCALES, type LabelDraft } from './label-draft';

/**
 * A label in English, Russian and Georgian side by side (stacked on phones). The English input is named `name`
 * (e.g. `label`), the others `name.ru` and `name.ka`, so forms and tests can address each.
 */
export function LabelsInput(props: {
  name: string;
  label: string;
  value: LabelDraft;
  onChange: (value: LabelDraft) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" verticalSpacing="xs">
      {EDITED_LOCALES.map((locale) => (
        <TextInput
          key={locale}
          name={locale === 'en' ? props.name : `${props.name}.${locale}`}
          label={t('objects.labelIn', { label: props.label, language: t(`objects.languages.${locale}`) })}
          value={props.value[locale]}
          onChange={(e) => props.onChange({ ...props.value, [locale]: e.currentTarget.value })}
          error={locale === 'en' ? props.error : undefined}
          lang={locale}
        />
      ))}
    </SimpleGrid>
  );
}
