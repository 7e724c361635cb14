import { Button, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { WorkflowRunsDocument } from '../documents';
import { RunDetails, StatusBadge, type Run } from './RunDetails';
import { intlLocales } from '../../workspace/format';

const POLL_MS = 3000;

/** The workflow's latest runs, refreshed every few seconds while shown; choosing one highlights it on the canvas. */
export function RunHistoryPanel(props: {
  workflow: string;
  selected: Run | null;
  stepId: string | null;
  onSelect: (run: Run | null) => void;
  onStep: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: WorkflowRunsDocument,
    variables: { workflow: props.workflow, first: 20 },
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    const timer = setInterval(() => refresh({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const runs = data?.workflowRuns ?? [];
  // The selected run as the latest poll has it, so its steps' statuses follow the run as it goes.
  const { onSelect, selected } = props;
  const latest = selected && runs.find((r) => r.id === selected.id);
  useEffect(() => {
    if (latest && latest !== selected && JSON.stringify(latest) !== JSON.stringify(selected)) onSelect(latest);
  }, [latest, selected, onSelect]);
  const time = (at: string) =>
    new Date(at).toLocaleString(intlLocales(i18n.language), { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('flow.runs.title')}
        </Text>
        <Button
          size="xs"
          variant="default"
          loading={fetching}
          onClick={() => refresh({ requestPolicy: 'network-only' })}
        >
          {t('flow.runs.refresh')}
        </Button>
      </Group>
      <QueryState fetching={false} error={error} />
      {runs.length === 0 && !fetching && <Text c="dimmed">{t('flow.runs.none')}</Text>}
      {runs.length > 0 && (
        <Table highlightOnHover aria-label={t('flow.runs.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('flow.runs.status')}</Table.Th>
              <Table.Th>{t('flow.runs.started')}</Table.Th>
              <Table.Th>{t('flow.runs.finished')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((run) => (
              <Table.Tr
                key={run.id}
                data-run={run.id}
                bg={run.id === selected?.id ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Td>
                  <UnstyledButton
                    onClick={() => onSelect(run.id === selected?.id ? null : run)}
                    aria-pressed={run.id === selected?.id}
                    aria-label={t('flow.runs.select', { status: run.status.toLowerCase(), at: time(run.startedAt) })}
                  >
                    <StatusBadge status={run.status} />
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{time(run.startedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{run.finishedAt ? time(run.finishedAt) : '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected && (
        <RunDetails
          run={selected}
          stepId={props.stepId}
          onStep={props.onStep}
          onCancelled={(cancelled) => {
            onSelect(cancelled);
            refresh({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Stack>
  );
}
