import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { FieldProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { errorText } from './form-context';

const PARTS = ['street', 'city', 'region', 'postalCode', 'country'] as const;
type Address = Partial<Record<(typeof PARTS)[number], string>>;

/** An address: its parts labelled in the user's language, in a grid; empty when every part is. */
export function AddressField(props: FieldProps<Address>) {
  const { t } = useTranslation();
  const value = props.formData ?? {};
  const errors = props.errorSchema as ({ __errors?: string[] } & Record<string, { __errors?: string[] }>) | undefined;
  const change = (part: (typeof PARTS)[number], text: string) => {
    const next: Address = { ...value, [part]: text === '' ? undefined : text };
    const filled = PARTS.some((p) => next[p] !== undefined);
    props.onChange(filled ? next : undefined, props.fieldPathId.path);
  };
  const id = props.fieldPathId.$id;
  return (
    <Fieldset legend={(props.schema.title as string | undefined) ?? props.name} variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
        {PARTS.map((part) => (
          <TextInput
            key={part}
            id={`${id}-${part}`}
            label={t(`record.address.${part}`)}
            value={value[part] ?? ''}
            disabled={props.disabled}
            readOnly={props.readonly}
            onChange={(event) => change(part, event.currentTarget.value)}
            error={errorText([
              ...(part === 'street' ? (errors?.__errors ?? []) : []),
              ...(errors?.[part]?.__errors ?? []),
            ])}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
