import { Button, Stack } from '@mantine/core';
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionField } from '../components/ConditionBuilder';
import { localized } from '../components/localized';
import { FieldChip, type DesignerField, type MoveTarget } from './FieldChip';
import { FieldPool } from './FieldPool';
import { containerOf, draftProblems, poolOf, POOL, type Action, type Draft } from './layout-draft';
import type { PlacedProblems } from './layout-problems';
import { SectionCard } from './SectionCard';

/**
 * The sections of a draft layout as cards and the pool of unplaced fields, with fields dragged between them
 * (pointer or keyboard, @dnd-kit) or moved with each field's menu. All changes go through `dispatch`.
 */
export function LayoutDesigner(props: {
  draft: Draft;
  dispatch: (action: Action) => void;
  fields: readonly DesignerField[];
  conditionFields: ConditionField[];
  problems: PlacedProblems;
}) {
  const { t, i18n } = useTranslation();
  const { draft, dispatch } = props;
  const byName = new Map(props.fields.map((f) => [f.name, f]));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  // The draft when a drag began, so escape puts everything back.
  const before = useRef<Draft | null>(null);
  const local = draftProblems(draft);
  const sectionTitle = (key: string) => {
    const section = draft.sections.find((s) => s.key === key);
    return section ? localized(section.label, i18n.language, '') || section.name : t('layouts.pool.title');
  };
  const targets: MoveTarget[] = draft.sections.map((s) => ({ key: s.key, label: sectionTitle(s.key) }));
  const isContainer = (id: UniqueIdentifier) => id === POOL || draft.sections.some((s) => s.key === id);
  const containerFor = (id: UniqueIdentifier) => (isContainer(id) ? String(id) : containerOf(draft, String(id)));
  const fieldsIn = (container: string) =>
    container === POOL ? poolOf(draft) : (draft.sections.find((s) => s.key === container)?.fields ?? []);

  /** Crossing into another section (or the pool) moves the field there at once, so the others make room. */
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const from = containerOf(draft, String(active.id));
    const to = containerFor(over.id);
    if (from === to) return;
    const list = fieldsIn(to);
    const at = list.indexOf(String(over.id));
    dispatch({ type: 'moveField', field: String(active.id), to, index: at >= 0 ? at : list.length });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    before.current = null;
    if (!over || active.id === over.id) return;
    const to = containerFor(over.id);
    if (to === POOL || containerOf(draft, String(active.id)) !== to) return;
    const at = fieldsIn(to).indexOf(String(over.id));
    if (at >= 0) dispatch({ type: 'moveField', field: String(active.id), to, index: at });
  };

  const label = (id: UniqueIdentifier) => byName.get(String(id))?.label ?? sectionTitle(String(id));
  const where = (id: UniqueIdentifier | undefined) =>
    id === undefined ? '' : isContainer(id) ? sectionTitle(String(id)) : label(id);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('layouts.dnd.picked', { field: label(active.id) }),
    onDragOver: ({ active, over }) => t('layouts.dnd.over', { field: label(active.id), target: where(over?.id) }),
    onDragEnd: ({ active }) =>
      t('layouts.dnd.dropped', {
        field: label(active.id),
        target: sectionTitle(containerOf(draft, String(active.id))),
      }),
    onDragCancel: ({ active }) => t('layouts.dnd.cancelled', { field: label(active.id) }),
  };

  const chip = (name: string, container: string) => {
    const field = byName.get(name);
    if (!field) return null;
    return (
      <FieldChip
        key={name}
        field={field}
        container={container}
        targets={targets}
        problem={props.problems.fields.get(name)}
        onMove={(to) => dispatch({ type: 'moveField', field: name, to })}
      />
    );
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={() => (before.current = draft)}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        if (before.current) dispatch({ type: 'load', draft: before.current });
        before.current = null;
      }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('layouts.dnd.instructions') } }}
    >
      <Stack gap="sm">
        {draft.sections.map((section) => (
          <SectionCard
            key={section.key}
            section={section}
            nameProblem={local.get(section.key)?.name}
            problems={props.problems.sections.get(section.key) ?? []}
            conditionFields={props.conditionFields}
            onEdit={(patch) => dispatch({ type: 'editSection', key: section.key, patch })}
            onRemove={() => dispatch({ type: 'removeSection', key: section.key })}
          >
            {section.fields.map((name) => chip(name, section.key))}
          </SectionCard>
        ))}
        <Button
          variant="light"
          onClick={() =>
            dispatch({ type: 'addSection', label: t('layouts.newSectionLabel', { n: draft.sections.length + 1 }) })
          }
          style={{ alignSelf: 'flex-start' }}
        >
          {t('layouts.addSection')}
        </Button>
        <FieldPool fields={poolOf(draft)}>{poolOf(draft).map((name) => chip(name, POOL))}</FieldPool>
      </Stack>
    </DndContext>
  );
}
