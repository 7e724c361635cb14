import { Alert, Button, Group, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceField } from '../record-api';
import { valueKind } from './auto-map';
import type { ColumnMapping, DateOrder } from './import-request';
import { DefaultValues, type DefaultValue } from './DefaultValues';

interface Props {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly fields: readonly WorkspaceField[];
  readonly mapping: readonly ColumnMapping[];
  readonly matchOn: readonly string[];
  /** Problems the server found in the mapping, by column (`columns[2]…` paths). */
  readonly problems: ReadonlyMap<number, string>;
  readonly onChange: (mapping: ColumnMapping[]) => void;
  readonly onMatchOnChange: (fields: string[]) => void;
  readonly defaults: readonly DefaultValue[];
  /** Problems the server found in the values for every row, by field. */
  readonly defaultProblems: ReadonlyMap<string, string>;
  readonly onDefaultsChange: (defaults: DefaultValue[]) => void;
  readonly onCheck: () => void;
  /** A check is running: the button waits for it. */
  readonly busy: boolean;
}

const ORDERS: readonly DateOrder[] = ['YMD', 'MDY', 'DMY'];

/** Step 2: which field each column fills, with examples from the file and the format of dates and money. */
export function MappingStep(props: Props) {
  const { t } = useTranslation();
  const fieldOptions = [
    { value: '', label: t('import.columns.skip') },
    ...props.fields.map((f) => ({ value: f.name, label: f.label })),
  ];
  const set = (i: number, change: Partial<ColumnMapping>) =>
    props.onChange(props.mapping.map((m, k) => (k === i ? { ...m, ...change } : m)));
  const mapped = new Set([...props.mapping.map((m) => m.field), ...props.defaults.map((d) => d.field)].filter(Boolean));
  // Required fields with a default are filled by it; the others need a column or a value for every row.
  const missing = props.fields.filter(
    (f) => f.required && !f.system && (f.default === undefined || f.default === null) && !mapped.has(f.name),
  );
  return (
    <Stack>
      <Text size="sm">{t('import.columns.intro')}</Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.columns.column')}</Table.Th>
              <Table.Th>{t('import.columns.samples')}</Table.Th>
              <Table.Th>{t('import.columns.field')}</Table.Th>
              <Table.Th>{t('import.columns.format')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.mapping.map((m, i) => {
              const field = props.fields.find((f) => f.name === m.field);
              const kind = field ? valueKind(field) : 'other';
              const samples = props.rows
                .map((r) => r[i] ?? '')
                .filter(Boolean)
                .slice(0, 3);
              return (
                <Table.Tr key={m.column} data-column={m.column}>
                  <Table.Td fw={500}>{m.column}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={2} maw={260}>
                      {samples.join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={200}>
                    <Select
                      aria-label={`${t('import.columns.field')}: ${m.column}`}
                      data={fieldOptions}
                      value={m.field ?? ''}
                      searchable
                      allowDeselect={false}
                      error={props.problems.get(i)}
                      onChange={(value) => {
                        const next = props.fields.find((f) => f.name === value);
                        const nextKind = next ? valueKind(next) : 'other';
                        set(i, {
                          field: value || undefined,
                          dateOrder: nextKind === 'date' ? (m.dateOrder ?? 'YMD') : undefined,
                          currency: nextKind === 'money' ? (m.currency ?? 'USD') : undefined,
                          values: undefined,
                        });
                      }}
                    />
                  </Table.Td>
                  <Table.Td miw={200}>
                    {kind === 'date' && (
                      <Select
                        aria-label={`${t('import.columns.dateOrder')}: ${m.column}`}
                        data={ORDERS.map((o) => ({ value: o, label: t(`import.columns.orders.${o}`) }))}
                        value={m.dateOrder ?? 'YMD'}
                        allowDeselect={false}
                        onChange={(value) => set(i, { dateOrder: (value ?? 'YMD') as DateOrder })}
                      />
                    )}
                    {kind === 'money' && (
                      <TextInput
                        aria-label={`${t('import.columns.currency')}: ${m.column}`}
                        value={m.currency ?? ''}
                        maxLength={3}
                        w={90}
                        onChange={(e) => set(i, { currency: e.currentTarget.value.toUpperCase() })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <MultiSelect
        label={t('import.columns.duplicates')}
        description={t('import.columns.duplicatesHint')}
        data={props.fields
          .filter((f) => mapped.has(f.name) && valueKind(f) !== 'record')
          .map((f) => ({ value: f.name, label: f.label }))}
        value={[...props.matchOn]}
        onChange={props.onMatchOnChange}
        maw={520}
      />
      <DefaultValues
        fields={props.fields}
        values={props.defaults}
        problems={props.defaultProblems}
        onChange={props.onDefaultsChange}
      />
      {missing.length > 0 && (
        <Alert color="yellow">{t('import.columns.required', { fields: missing.map((f) => f.label).join(', ') })}</Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={props.onCheck} disabled={mapped.size === 0 || props.busy} data-testid="import-check">
          {t('import.columns.check')}
        </Button>
      </Group>
    </Stack>
  );
}
