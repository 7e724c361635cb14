import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import type { WorkspaceField } from '../record-api';
import type { WorkspaceModel } from '../use-workspace-model';
import { downloadText, errorReportCsv } from './error-report';
import type { ColumnMapping, ImportResult } from './import-request';
import { RowErrorsTable } from './RowErrorsTable';
import { ValueFix } from './ValueFix';

interface Props {
  readonly model: WorkspaceModel;
  readonly object: string;
  readonly fields: readonly WorkspaceField[];
  readonly mapping: readonly ColumnMapping[];
  readonly result: ImportResult;
  readonly fileName: string;
  readonly onFix: (column: string, text: string, value: string | null | undefined) => void;
  readonly onCheckAgain: () => void;
  readonly onBack: () => void;
  readonly onImport: (skipInvalid: boolean) => void;
  /** A check or the import is running: nothing here may start another one. */
  readonly busy: boolean;
}

const SHOWN_ERRORS = 200;

/** Step 3: the dry run's report — values to explain, rows with errors, and the choice to import. */
export function CheckStep(props: Props) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const { result } = props;
  const good = result.rowsRead - result.rowsWithErrors;
  const unmatched = Object.entries(result.unmatched).filter(([, values]) => Object.keys(values).length > 0);
  const fixesPending = unmatched.some(([column, values]) => {
    const mapping = props.mapping.find((m) => m.column === column);
    return Object.keys(values).some((text) => mapping?.values?.[text] === undefined);
  });
  return (
    <Stack>
      <Alert color={result.rowsWithErrors ? 'yellow' : 'green'} data-testid="import-summary">
        <Text>
          {result.rowsWithErrors
            ? t('import.check.summary', { rows: n(result.rowsRead), good: n(good), bad: n(result.rowsWithErrors) })
            : t('import.check.clean', { rows: n(result.rowsRead) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('import.check.nothingWritten')}
        </Text>
      </Alert>
      {unmatched.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('import.check.fixes')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('import.check.fixesHint')}
          </Text>
          <Table verticalSpacing={4} data-testid="import-fixes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.columns.column')}</Table.Th>
                <Table.Th>{t('import.check.value')}</Table.Th>
                <Table.Th>{t('import.check.rows')}</Table.Th>
                <Table.Th>{t('import.check.meaning')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {unmatched.flatMap(([column, values]) => {
                const mapping = props.mapping.find((m) => m.column === column);
                const field = props.fields.find((f) => f.name === mapping?.field);
                if (!field) return [];
                return Object.entries(values).map(([text, rows]) => (
                  <Table.Tr key={`${column}\u0000${text}`} data-value={text}>
                    <Table.Td>{column}</Table.Td>
                    <Table.Td fw={500}>{text}</Table.Td>
                    <Table.Td>{n(rows)}</Table.Td>
                    <Table.Td miw={240}>
                      <ValueFix
                        model={props.model}
                        object={props.object}
                        field={field}
                        text={text}
                        value={mapping?.values?.[text]}
                        onChange={(value) => props.onFix(column, text, value)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ));
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {result.errors.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h4">
              {t('import.check.errors')}
            </Title>
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                downloadText(errorReportCsv(result.errors), `${props.fileName.replace(/\.csv$/i, '')}-errors.csv`)
              }
            >
              {t('import.check.report')}
            </Button>
          </Group>
          <RowErrorsTable
            errors={result.errors.slice(0, SHOWN_ERRORS)}
            headers={{
              row: t('import.check.row'),
              column: t('import.columns.column'),
              value: t('import.check.value'),
              problem: t('import.check.message'),
            }}
            maxHeight={360}
            testId="import-errors"
          />
          {result.rowsWithErrors > SHOWN_ERRORS && (
            <Text size="xs" c="dimmed">
              {t('import.check.moreErrors', {
                shown: n(Math.min(SHOWN_ERRORS, result.errors.length)),
                total: n(result.rowsWithErrors),
              })}
            </Text>
          )}
        </Stack>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack} disabled={props.busy}>
          {t('import.check.back')}
        </Button>
        <Group>
          {unmatched.length > 0 && (
            <Button
              variant={fixesPending ? 'default' : 'filled'}
              onClick={props.onCheckAgain}
              disabled={props.busy}
              data-testid="import-check-again"
            >
              {t('import.check.again')}
            </Button>
          )}
          {good > 0 && (
            <Button
              color={result.rowsWithErrors ? 'yellow' : undefined}
              onClick={() => props.onImport(result.rowsWithErrors > 0)}
              disabled={props.busy}
              data-testid="import-run"
            >
              {result.rowsWithErrors
                ? t('import.check.importGood', { good: n(good), bad: n(result.rowsWithErrors) })
                : t('import.check.importAll', { count: n(good) })}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}
