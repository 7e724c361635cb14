import { Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_WIDTH } from './layout';

/** What a node shows; a new object only when one of these changes, so the other nodes do not re-render. */
export interface StepNodeData extends Record<string, unknown> {
  readonly kind: 'trigger' | 'step';
  readonly title: string;
  readonly subtitle: string;
  /** Handles at the bottom, one per edge key (`next`, `then`, …), with their words. */
  readonly outputs: readonly { key: string; label: string }[];
  readonly problems: readonly string[];
  /** The step's status in the selected run, if any. */
  readonly status?: string;
}

export type StepFlowNode = Node<StepNodeData, 'step'>;

/** Colours of run statuses (lower case, as steps report them). */
export const STATUS_COLOURS: Record<string, string> = {
  completed: 'green',
  failed: 'red',
  running: 'blue',
  waiting: 'yellow',
  queued: 'gray',
  cancelled: 'gray',
  skipped: 'gray',
};

export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const { t } = useTranslation();
  const status = data.status?.toLowerCase();
  const colour = data.problems.length
    ? 'var(--mantine-color-red-6)'
    : status
      ? `var(--mantine-color-${STATUS_COLOURS[status] ?? 'gray'}-6)`
      : selected
        ? 'var(--mantine-color-blue-6)'
        : 'var(--mantine-color-default-border)';
  return (
    <Paper
      withBorder
      shadow={selected ? 'md' : 'xs'}
      p="xs"
      w={NODE_WIDTH}
      style={{ borderColor: colour, borderWidth: data.problems.length || status || selected ? 2 : 1 }}
      data-problems={data.problems.length}
      data-status={status ?? ''}
    >
      {data.kind === 'step' && <Handle type="target" position={Position.Top} />}
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm" fw={600} truncate>
          {data.title}
        </Text>
        {data.problems.length > 0 && (
          <Tooltip label={data.problems.join('\n')} multiline w={260} withinPortal>
            <Badge color="red" size="sm" circle aria-label={t('flow.problems.title', { count: data.problems.length })}>
              {data.problems.length}
            </Badge>
          </Tooltip>
        )}
        {status && !data.problems.length && (
          <Badge color={STATUS_COLOURS[status] ?? 'gray'} size="xs" variant="light">
            {t(`flow.runStatus.${status}`, { defaultValue: status })}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {data.subtitle}
      </Text>
      {data.outputs.length > 1 && (
        <Group justify="space-around" gap={2} mt={4} wrap="nowrap">
          {data.outputs.map((o) => (
            <Text key={o.key} size="10px" c="dimmed">
              {o.label}
            </Text>
          ))}
        </Group>
      )}
      {data.outputs.map((o, i) => (
        <Handle
          key={o.key}
          id={o.key}
          type="source"
          position={Position.Bottom}
          style={{ left: `${((i + 1) / (data.outputs.length + 1)) * 100}%` }}
          title={o.label}
        />
      ))}
    </Paper>
  );
});
