import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Box, Card, Group } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { recordSelection, type WorkspaceObject } from '../record-api';
import type { WorkspaceModel, WorkspacePipeline, WorkspaceStage } from '../use-workspace-model';
import { boardAnnouncements } from './announcements';
import { amountFieldOf, cardFieldNames, cardRelations, closingStages, NO_TOTALS, openStages } from './board-model';
import { BoardColumn } from './BoardColumn';
import { ClosingZone } from './ClosingZone';
import { boardKeyboardCoordinates } from './keyboard-coordinates';
import { QuickCreate } from './QuickCreate';
import { CardContent, type CardShape } from './RecordCard';
import { useCardMoves } from './use-card-moves';
import type { CardRecord } from './use-stage-cards';
import { useStageTotals } from './use-stage-totals';

// The pointer decides where a mouse drop lands; a keyboard drag has no pointer, so the card's rectangle does.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/**
 * The kanban board of one pipeline: a column per open stage, the won and lost zones below, cards dragged
 * between them (pointer or keyboard) or moved by their menu.
 */
export function Board({
  model,
  object,
  pipeline,
}: {
  model: WorkspaceModel;
  object: WorkspaceObject;
  pipeline: WorkspacePipeline;
}) {
  const { t } = useTranslation();
  const amount = useMemo(() => amountFieldOf(object), [object]);
  const shape = useMemo<CardShape>(
    () => ({ object, pipeline, amount, relations: cardRelations(object) }),
    [object, pipeline, amount],
  );
  const selection = useMemo(
    () => recordSelection(object, model.objects, cardFieldNames(object, pipeline, amount)),
    [object, model, pipeline, amount],
  );
  const { placements, move, refresh, reread } = useCardMoves(object, pipeline, selection);
  const { totals, error } = useStageTotals(object, pipeline, amount, refresh);
  const [dragged, setDragged] = useState<CardRecord | null>(null);
  const [creatingIn, setCreatingIn] = useState<WorkspaceStage | null>(null);
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on the card's link still opens the record.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates, scrollBehavior: 'auto' }),
  );
  const accessibility = useMemo(() => boardAnnouncements(t, object, pipeline), [t, object, pipeline]);

  const onDragStart = ({ active }: DragStartEvent) =>
    setDragged((active.data.current as { record: CardRecord } | undefined)?.record ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const record = (active.data.current as { record: CardRecord } | undefined)?.record;
    if (record && over) void move(record, String(over.id));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      <QueryState fetching={false} error={error} />
      <Box
        role="group"
        aria-label={t('board.board', { pipeline: pipeline.label ?? pipeline.field })}
        style={{
          display: 'flex',
          gap: 'var(--mantine-spacing-sm)',
          overflowX: 'auto',
          scrollSnapType: 'x mandatory',
          alignItems: 'flex-start',
          paddingBottom: 'var(--mantine-spacing-sm)',
        }}
      >
        {openStages(pipeline).map((stage) => (
          <BoardColumn
            key={stage.name}
            shape={shape}
            stage={stage}
            totals={totals.get(stage.name) ?? NO_TOTALS}
            selection={selection}
            placements={placements}
            refresh={refresh}
            onMove={(record, to) => void move(record, to)}
            onCreate={setCreatingIn}
          />
        ))}
      </Box>
      <Group
        gap="sm"
        py="sm"
        wrap="nowrap"
        style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}
      >
        {closingStages(pipeline).map((stage) => (
          <ClosingZone
            key={stage.name}
            stage={stage}
            totals={totals.get(stage.name) ?? NO_TOTALS}
            withSum={amount !== undefined}
            droppable={object.permissions?.update !== false}
          />
        ))}
      </Group>
      <DragOverlay dropAnimation={null}>
        {dragged && (
          <Card withBorder padding="sm" radius="md" shadow="md" style={{ cursor: 'grabbing' }}>
            <CardContent shape={shape} record={dragged} />
          </Card>
        )}
      </DragOverlay>
      <QuickCreate shape={shape} stage={creatingIn} onClose={() => setCreatingIn(null)} onCreated={reread} />
    </DndContext>
  );
}
