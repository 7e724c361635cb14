import { useDroppable } from '@dnd-kit/core';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import type { WorkspaceStage } from '../use-workspace-model';
import type { StageTotals } from './board-model';
import { RecordCard, type CardShape } from './RecordCard';
import { StageSumText } from './StageTotalsText';
import type { Placements } from './use-card-moves';
import { useStageCards, type CardRecord } from './use-stage-cards';

/** A column's cards: the server's, less those placed elsewhere, plus those placed here that it does not have yet. */
function visibleCards(records: readonly CardRecord[], placements: Placements, field: string, stage: string) {
  const here = records.filter((r) => {
    const placed = placements.get(r.id);
    return !placed || placed[field] === stage;
  });
  const ids = new Set(here.map((r) => r.id));
  const arrived = [...placements.values()].filter((r) => r[field] === stage && !ids.has(r.id));
  return [...arrived, ...here.map((r) => placements.get(r.id) ?? r)];
}

/**
 * On a phone a column is a screen wide (the board snaps from one to the next); on wider screens the columns share
 * the width, so a pipeline of a few stages needs no sideways scrolling (keyboard dragging moves the card without
 * scrolling the board under it).
 */
const PHONE_COLUMN = { flex: '0 0 auto', width: 'calc(100vw - 3.5rem)' };
const WIDE_COLUMN = { flex: '1 0 15rem', maxWidth: '24rem' };

/** One open stage: its header with count and sums, its cards (a page at a time), a drop target. */
export function BoardColumn({
  shape,
  stage,
  totals,
  selection,
  placements,
  refresh,
  onMove,
  onCreate,
}: {
  shape: CardShape;
  stage: WorkspaceStage;
  totals: StageTotals;
  selection: string;
  placements: Placements;
  refresh: number;
  onMove: (record: CardRecord, stage: string) => void;
  onCreate: (stage: WorkspaceStage) => void;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.name });
  const field = shape.pipeline.field;
  const { cards, fetching, error, loadMore } = useStageCards(shape.object, field, stage.name, selection, refresh);
  const shown = cards ? visibleCards(cards.records, placements, field, stage.name) : [];
  const phone = useMediaQuery('(max-width: 48em)');
  const color = stage.color ?? 'var(--mantine-color-gray-5)';
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-label={stage.label}
      data-stage={stage.name}
      withBorder
      radius="md"
      p="sm"
      bg={isOver ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)'}
      style={{
        ...(phone ? PHONE_COLUMN : WIDE_COLUMN),
        scrollSnapAlign: 'start',
        borderTop: `4px solid ${color}`,
        transition: 'background-color 120ms',
      }}
    >
      <Stack gap={2} mb="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={3} size="h5">
              {stage.label}
            </Title>
            <Badge variant="light" color="gray" aria-label={t('board.column.records', { count: totals.count })}>
              <span data-testid="count">{totals.count}</span>
            </Badge>
          </Group>
          {shape.object.permissions?.create !== false && (
            <ActionIcon
              variant="subtle"
              aria-label={t('board.column.add', { stage: stage.label })}
              onClick={() => onCreate(stage)}
            >
              +
            </ActionIcon>
          )}
        </Group>
        {shape.amount && (
          <>
            <StageSumText sums={totals.sums} which="sum" label={t('board.column.sum')} testId="sum" />
            <StageSumText
              sums={totals.sums}
              which="weighted"
              label={t('board.column.weighted')}
              testId="weighted"
              title={t('board.column.weightedHint', { probability: stage.probability })}
            />
          </>
        )}
      </Stack>
      <QueryState fetching={!cards && fetching} error={error} />
      <Stack gap="xs" role="list" aria-label={stage.label} mih={48}>
        {shown.map((record) => (
          <RecordCard key={record.id} shape={shape} record={record} onMove={onMove} />
        ))}
      </Stack>
      {cards && shown.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="sm">
          {t('board.column.empty')}
        </Text>
      )}
      {cards?.hasMore && (
        <Button variant="subtle" fullWidth mt="xs" loading={fetching} onClick={() => void loadMore()}>
          {t('board.column.loadMore')}
        </Button>
      )}
    </Paper>
  );
}
