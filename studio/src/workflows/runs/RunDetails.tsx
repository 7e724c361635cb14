import { Badge, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RunFieldsFragment } from '../../gql/graphql';
import { STATUS_COLOURS } from '../canvas/StepNode';
import { intlLocales } from '../../workspace/format';
import { CancelRunButton } from './CancelRunButton';

export type Run = RunFieldsFragment;
export type RunStep = Run['steps'][number];

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const key = status.toLowerCase();
  return (
    <Badge color={STATUS_COLOURS[key] ?? 'gray'} variant="light" miw="max-content">
      {t(`flow.runStatus.${key}`, { defaultValue: status })}
    </Badge>
  );
}

/** The status of each step in a run (a step run more than once, in a loop, shows its last attempt). */
export function stepStatuses(run: Run | null): ReadonlyMap<string, string> {
  const statuses = new Map<string, string>();
  for (const step of [...(run?.steps ?? [])].sort((a, b) => a.seq - b.seq)) statuses.set(step.id, step.status);
  return statuses;
}

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <Code block style={{ maxHeight: 240, overflow: 'auto' }} aria-label={label}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </div>
  );
}

/** One step of a run: status, and its input, output and error (what a test run did not send, in `meta`). */
export function RunStepDetails({ step }: { step: RunStep }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-label={t('flow.runs.stepDetails', { id: step.id })}>
      <Group gap="xs">
        <Title order={4} size="h6">
          {t('flow.runs.stepDetails', { id: step.id })}
        </Title>
        <StatusBadge status={step.status} />
        {typeof step.durationMs === 'number' && (
          <Text size="xs" c="dimmed">
            {t('flow.runs.duration', { ms: Math.round(step.durationMs) })}
          </Text>
        )}
      </Group>
      {step.error && (
        <Text c="red" size="sm" role="alert">
          {step.error}
        </Text>
      )}
      <Json label={t('flow.runs.input')} value={step.input} />
      <Json label={t('flow.runs.output')} value={step.output} />
      <Json label={t('flow.runs.meta')} value={step.meta} />
    </Stack>
  );
}

/** A run: its status and times, its steps (choose one here or on the canvas to see its data). */
export function RunDetails(props: {
  run: Run;
  stepId: string | null;
  onStep: (id: string) => void;
  /** Given where a run under way may be cancelled (the run history): called with the cancelled run. */
  onCancelled?: (run: Run) => void;
}) {
  const { t, i18n } = useTranslation();
  const { run } = props;
  const time = (at: string | null | undefined) => (at ? new Date(at).toLocaleString(intlLocales(i18n.language)) : '—');
  const step = [...run.steps].reverse().find((s) => s.id === props.stepId);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <StatusBadge status={run.status} />
        {run.test && <Badge variant="outline">{t('flow.runs.test')}</Badge>}
        <Text size="xs" c="dimmed">
          {t('flow.runs.version', { version: run.version })}
        </Text>
      </Group>
      <Text size="xs">
        {t('flow.runs.started')}: {time(run.startedAt)} · {t('flow.runs.finished')}: {time(run.finishedAt)}
      </Text>
      {run.error && (
        <Text c="red" size="sm" role="alert">
          {run.error}
        </Text>
      )}
      {props.onCancelled && <CancelRunButton run={run} onCancelled={props.onCancelled} />}
      <Group gap={4}>
        {run.steps.map((s) => (
          <Badge
            key={s.seq}
            component="button"
            type="button"
            variant={s.id === props.stepId ? 'filled' : 'light'}
            color={STATUS_COLOURS[s.status.toLowerCase()] ?? 'gray'}
            onClick={() => props.onStep(s.id)}
            style={{ cursor: 'pointer' }}
            aria-label={t('flow.runs.showStep', { id: s.id, status: s.status.toLowerCase() })}
          >
            {s.id}
          </Badge>
        ))}
      </Group>
      {step ? (
        <RunStepDetails step={step} />
      ) : (
        <Text size="xs" c="dimmed">
          {t('flow.runs.chooseStep')}
        </Text>
      )}
    </Stack>
  );
}
