import { Button, Stack, Text } from '@mantine/core';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { newStage, type StageDraft } from './stage-draft';
import type { StageKey, StageProblem } from './stage-problems';
import { StageRow } from './StageRow';

/**
 * The stages in order, reordered by dragging a row's handle with a pointer or the keyboard (dnd-kit's
 * KeyboardSensor), with what a screen reader hears while moving one.
 */
export function StageList(props: {
  stages: readonly StageDraft[];
  problems: readonly StageProblem[];
  onChange: (stages: readonly StageDraft[], edited?: { stage: string; key: StageKey }) => void;
}) {
  const { t } = useTranslation();
  const { stages, onChange } = props;
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const indexOf = (id: UniqueIdentifier) => stages.findIndex((s) => s.id === id);
  const nameOf = (id: UniqueIdentifier) => {
    const i = indexOf(id);
    return stages[i]?.name || t('pipelines.stages.row', { n: i + 1 });
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('pipelines.dnd.picked', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('pipelines.dnd.over', { name: nameOf(active.id), n: indexOf(over.id) + 1 }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('pipelines.dnd.dropped', { name: nameOf(active.id), n: indexOf(over.id) + 1 }) : undefined,
    onDragCancel: ({ active }) => t('pipelines.dnd.cancelled', { name: nameOf(active.id) }),
  };

  return (
    <Stack gap="xs">
      {stages.length === 0 && <Text c="dimmed">{t('pipelines.stages.empty')}</Text>}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('pipelines.dnd.instructions') } }}
        onDragEnd={({ active, over }) => {
          if (over && active.id !== over.id) onChange(arrayMove([...stages], indexOf(active.id), indexOf(over.id)));
        }}
      >
        <SortableContext items={stages.map((s) => s.id)} strategy={verticalListSortingStrategy}>
          {stages.map((stage, i) => (
            <StageRow
              key={stage.id}
              stage={stage}
              index={i}
              problems={props.problems}
              onChange={(patch, key) =>
                onChange(
                  stages.map((s) => (s.id === stage.id ? { ...s, ...patch } : s)),
                  { stage: stage.id, key },
                )
              }
              onRemove={() => onChange(stages.filter((s) => s.id !== stage.id))}
            />
          ))}
        </SortableContext>
      </DndContext>
      <Button variant="light" onClick={() => onChange([...stages, newStage()])} style={{ alignSelf: 'flex-start' }}>
        {t('pipelines.stages.add')}
      </Button>
    </Stack>
  );
}
