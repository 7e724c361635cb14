import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPeopleMutation } from '../../gql/graphql';
import { formatNumber } from '../../workspace/format';
import { RowErrorsTable } from '../../workspace/import/RowErrorsTable';
import type { PersonColumn } from './people-csv';

/** What `importPeople` answers. */
export type PeopleImportResult = ImportPeopleMutation['importPeople'];

interface Props {
  readonly result: PeopleImportResult;
  readonly header: readonly string[];
  readonly mapping: readonly (PersonColumn | undefined)[];
  readonly busy: boolean;
  readonly onBack: () => void;
  /** Back to the first step, for a corrected file. */
  readonly onAnotherFile: () => void;
  readonly onImport: () => void;
}

/** Who an import brings: people in the plan (new, joining, kept) and teams. */
export const peopleCount = (r: Pick<PeopleImportResult, 'created' | 'joined' | 'existing'>) =>
  r.created + r.joined + r.existing;

/** Step 3: the dry run's report — every row with an error, or what the import will do — and the choice to import. */
export function PeopleCheckStep(props: Props) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const { result } = props;
  const badRows = new Set(result.errors.map((e) => e.row)).size;
  // The server names columns by what they hold; the table shows the file's own header.
  const columnOf = (target: string | null | undefined) => {
    if (!target) return '';
    const i = props.mapping.indexOf(target as PersonColumn);
    return i >= 0 ? props.header[i]! : t(`peopleImport.columns.targets.${target as PersonColumn}`);
  };
  return (
    <Stack>
      <Alert color={badRows ? 'red' : 'green'} data-testid="people-import-summary">
        <Text>
          {badRows
            ? t('peopleImport.check.refused', { count: n(badRows) })
            : t('peopleImport.check.clean', {
                count: n(peopleCount(result)),
                created: n(result.created + result.joined),
                existing: n(result.existing),
                teams: n(result.teams),
              })}
        </Text>
        {!badRows && result.joined > 0 && (
          <Text size="sm">{t('peopleImport.check.joined', { count: n(result.joined) })}</Text>
        )}
        <Text size="sm" c="dimmed">
          {t('peopleImport.check.nothingWritten')}
        </Text>
      </Alert>
      {!badRows && result.created > 0 && (
        <Text size="sm" data-testid="people-import-passwords">
          {t('peopleImport.check.passwords')}
        </Text>
      )}
      {result.errors.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('peopleImport.check.errors')}
          </Title>
          <RowErrorsTable
            errors={result.errors.map((e) => ({ ...e, column: columnOf(e.column) }))}
            headers={{
              row: t('peopleImport.check.row'),
              column: t('peopleImport.columns.column'),
              value: t('peopleImport.check.value'),
              problem: t('peopleImport.check.problem'),
            }}
            label={t('peopleImport.check.errors')}
            maxHeight={420}
            testId="people-import-errors"
          />
        </Stack>
      )}
      <Group justify="space-between">
        <Group>
          <Button variant="default" onClick={props.onBack}>
            {t('peopleImport.check.back')}
          </Button>
          {badRows > 0 && (
            <Button variant="default" onClick={props.onAnotherFile}>
              {t('peopleImport.check.another')}
            </Button>
          )}
        </Group>
        {!badRows && peopleCount(result) > 0 && (
          <Button onClick={props.onImport} loading={props.busy} data-testid="people-import-run">
            {t('peopleImport.check.import', { count: n(peopleCount(result)) })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
