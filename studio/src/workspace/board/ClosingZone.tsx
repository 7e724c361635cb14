import { useDroppable } from '@dnd-kit/core';
import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStage } from '../use-workspace-model';
import type { StageTotals } from './board-model';
import { StageSumText } from './StageTotalsText';

/**
 * A won or lost stage: not a column but a drop target at the bottom of the board, with its count and sum. For
 * a user who may not move cards (`droppable` false) it only shows the totals.
 */
export function ClosingZone({
  stage,
  totals,
  withSum,
  droppable,
}: {
  stage: WorkspaceStage;
  totals: StageTotals;
  withSum: boolean;
  droppable: boolean;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.name, disabled: !droppable });
  const color = stage.color ?? (stage.won ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-red-6)');
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-label={stage.label}
      data-zone={stage.name}
      radius="md"
      p="sm"
      style={{
        flex: '1 1 12rem',
        border: `2px dashed ${color}`,
        background: isOver ? `color-mix(in srgb, ${color} 18%, transparent)` : 'var(--mantine-color-body)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={700} c={color}>
          {stage.label} (<span data-testid="count">{totals.count}</span>)
        </Text>
        {droppable && (
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t('board.zones.dropHere')}
          </Text>
        )}
      </Group>
      {withSum && <StageSumText sums={totals.sums} which="sum" label={t('board.column.sum')} testId="sum" />}
    </Paper>
  );
}
