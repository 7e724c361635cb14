import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import { recordTitle, type WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import type { CardRecord } from './use-stage-cards';

/** What a screen reader hears while a card is dragged, in the user's language. */
export function boardAnnouncements(
  t: TFunction,
  object: WorkspaceObject,
  pipeline: WorkspacePipeline,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const title = (data: unknown) => {
    const record = (data as { record?: CardRecord } | undefined)?.record;
    return record ? recordTitle(object, record) : '';
  };
  const stage = (id: unknown) => pipeline.stages.find((s) => s.name === id)?.label ?? String(id);
  return {
    screenReaderInstructions: { draggable: t('board.dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('board.dnd.picked', { title: title(active.data.current) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('board.dnd.over', { title: title(active.data.current), stage: stage(over.id) })
          : t('board.dnd.outside', { title: title(active.data.current) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('board.dnd.dropped', { title: title(active.data.current), stage: stage(over.id) })
          : t('board.dnd.droppedOutside', { title: title(active.data.current) }),
      onDragCancel: ({ active }) => t('board.dnd.cancelled', { title: title(active.data.current) }),
    },
  };
}
