import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceField } from '../record-api';
import { valueKind } from './auto-map';

export interface DefaultValue {
  readonly field: string;
  readonly value: string;
}

interface Props {
  readonly fields: readonly WorkspaceField[];
  readonly values: readonly DefaultValue[];
  readonly problems: ReadonlyMap<string, string>;
  readonly onChange: (values: DefaultValue[]) => void;
}

/**
 * Values every row gets where the file gives none: what the old system never recorded but the CRM requires (a lost
 * deal's reason), or one source for the whole file. Written as a cell would be; the server reads them the same way.
 */
export function DefaultValues(props: Props) {
  const { t } = useTranslation();
  const candidates = props.fields.filter((f) => valueKind(f) !== 'record');
  const set = (i: number, change: Partial<DefaultValue>) =>
    props.onChange(props.values.map((v, k) => (k === i ? { ...v, ...change } : v)));
  return (
    <Stack gap="xs" data-testid="import-defaults">
      <Text size="sm" fw={500}>
        {t('import.columns.defaults')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('import.columns.defaultsHint')}
      </Text>
      {props.values.map((v, i) => {
        const label = candidates.find((f) => f.name === v.field)?.label ?? v.field;
        return (
          <Group key={i} align="flex-start" wrap="nowrap">
            <Select
              aria-label={`${t('import.columns.defaultField')} ${i + 1}`}
              data={candidates.map((f) => ({ value: f.name, label: f.label }))}
              value={v.field || null}
              searchable
              onChange={(field) => set(i, { field: field ?? '' })}
              w={240}
            />
            <TextInput
              aria-label={`${t('import.columns.defaultValue')}: ${label}`}
              value={v.value}
              error={props.problems.get(v.field)}
              onChange={(e) => set(i, { value: e.currentTarget.value })}
              flex={1}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`${t('import.columns.removeDefault')}: ${label}`}
              onClick={() => props.onChange(props.values.filter((_, k) => k !== i))}
              mt={4}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button variant="default" size="xs" onClick={() => props.onChange([...props.values, { field: '', value: '' }])}>
          {t('import.columns.addDefault')}
        </Button>
      </Group>
    </Stack>
  );
}
