import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleOption } from '../people-types';
import { PERSON_COLUMNS, type PeopleFile, type PersonColumn } from './people-csv';

/** How the people are imported, besides the columns (`importPeople`'s options). */
export interface PeopleImportSettings {
  readonly emailDomain: string;
  readonly roles: readonly string[];
  readonly managerRoles: readonly string[];
  readonly createManagers: boolean;
}

interface Props {
  readonly file: PeopleFile;
  readonly mapping: readonly (PersonColumn | undefined)[];
  readonly onMappingChange: (mapping: (PersonColumn | undefined)[]) => void;
  readonly settings: PeopleImportSettings;
  readonly onSettingsChange: (settings: PeopleImportSettings) => void;
  readonly roles: readonly RoleOption[];
  /** Problems the server found in the options, by input path (`input.emailDomain`, `input.roles[0]`…). */
  readonly problems: ReadonlyMap<string, string>;
  readonly busy: boolean;
  readonly onCheck: () => void;
}

/** Step 2: what each column holds (name, email, roles, manager, team), then the email domain and the roles. */
export function PeopleColumnsStep(props: Props) {
  const { t } = useTranslation();
  const { settings } = props;
  const options = [
    { value: '', label: t('peopleImport.columns.skip') },
    ...PERSON_COLUMNS.map((c) => ({ value: c, label: t(`peopleImport.columns.targets.${c}`) })),
  ];
  const set = (i: number, target: PersonColumn | undefined) =>
    props.onMappingChange(props.mapping.map((m, k) => (k === i ? target : m === target ? undefined : m)));
  const change = (patch: Partial<PeopleImportSettings>) => props.onSettingsChange({ ...settings, ...patch });
  const problemAt = (path: string) =>
    [...props.problems].filter(([p]) => p === path || p.startsWith(`${path}[`)).map(([, m]) => m)[0];
  const hasName = props.mapping.includes('name');
  return (
    <Stack>
      <Text size="sm">{t('peopleImport.columns.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('peopleImport.columns.rows', { count: props.file.rows.length })}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing="xs" data-testid="people-import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('peopleImport.columns.column')}</Table.Th>
              <Table.Th>{t('peopleImport.columns.samples')}</Table.Th>
              <Table.Th>{t('peopleImport.columns.holds')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.file.header.map((column, i) => {
              const samples = props.file.rows
                .map((r) => r[i] ?? '')
                .filter(Boolean)
                .slice(0, 3);
              return (
                <Table.Tr key={`${i}:${column}`} data-column={column}>
                  <Table.Td fw={500}>{column}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={2} maw={320}>
                      {samples.join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={200}>
                    <Select
                      aria-label={`${t('peopleImport.columns.holds')}: ${column}`}
                      data={options}
                      value={props.mapping[i] ?? ''}
                      allowDeselect={false}
                      onChange={(value) => set(i, (value || undefined) as PersonColumn | undefined)}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!hasName && <Alert color="yellow">{t('peopleImport.columns.needName')}</Alert>}
      <Title order={3} size="h4">
        {t('peopleImport.options.title')}
      </Title>
      <Stack maw={560} data-testid="people-import-options">
        <TextInput
          label={t('peopleImport.options.emailDomain')}
          description={t('peopleImport.options.emailDomainHint')}
          placeholder="example.com"
          value={settings.emailDomain}
          error={problemAt('input.emailDomain')}
          onChange={(e) => change({ emailDomain: e.currentTarget.value })}
        />
        <MultiSelect
          label={t('peopleImport.options.roles')}
          description={t('peopleImport.options.rolesHint')}
          data={[...props.roles]}
          value={[...settings.roles]}
          error={problemAt('input.roles')}
          onChange={(roles) => change({ roles })}
          searchable
        />
        <MultiSelect
          label={t('peopleImport.options.managerRoles')}
          description={t('peopleImport.options.managerRolesHint')}
          data={[...props.roles]}
          value={[...settings.managerRoles]}
          error={problemAt('input.managerRoles')}
          onChange={(managerRoles) => change({ managerRoles })}
          searchable
        />
        <Checkbox
          label={t('peopleImport.options.createManagers')}
          description={t('peopleImport.options.createManagersHint')}
          checked={settings.createManagers}
          onChange={(e) => change({ createManagers: e.currentTarget.checked })}
        />
        <Text size="sm" c="dimmed">
          {t('peopleImport.options.teams')}
        </Text>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={props.onCheck} disabled={!hasName} loading={props.busy} data-testid="people-import-check">
          {t('peopleImport.options.check')}
        </Button>
      </Group>
    </Stack>
  );
}
