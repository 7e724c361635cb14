import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Button, ColorInput, Group, Input, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { messagesAt, type Problem } from '../graphql/problems';
import { labelIn, ownLabelIn, withLabel } from './labels';
import { optionDraft, type OptionDraft } from './option-draft';

const SWATCHES = ['#2f9e44', '#e03131', '#1971c2', '#f08c00', '#9c36b5', '#868e96'];

function OptionRow(props: {
  option: OptionDraft;
  index: number;
  problems: readonly Problem[];
  onChange: (patch: Partial<OptionDraft>) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { option, index: i } = props;
  const sortable = useSortable({ id: option.id });
  const n = i + 1;
  return (
    <Group
      ref={sortable.setNodeRef}
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      data-option={i}
      style={{
        transform: CSS.Transform.toString(sortable.transform),
        transition: sortable.transition,
        position: 'relative',
        zIndex: sortable.isDragging ? 1 : undefined,
      }}
    >
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('objects.field.dragOption', { n })}
        style={{ cursor: 'grab', touchAction: 'none' }}
        {...sortable.attributes}
        {...sortable.listeners}
      >
        ⠿
      </ActionIcon>
      <Group gap="xs" wrap="wrap" style={{ flex: 1 }} align="flex-start">
        <TextInput
          aria-label={t('fields.add.optionValue', { n })}
          placeholder={t('fields.add.optionValue', { n })}
          value={option.value}
          onChange={(e) => props.onChange({ value: e.currentTarget.value })}
          style={{ flex: '1 1 120px' }}
          error={messagesAt(props.problems, `input.options[${i}]`) !== undefined}
        />
        <TextInput
          aria-label={t('objects.field.optionLabel', { n })}
          placeholder={labelIn(option.labels, i18n.language) || t('objects.field.optionLabelPlaceholder')}
          value={ownLabelIn(option.labels, i18n.language)}
          onChange={(e) => props.onChange({ labels: withLabel(option.labels, i18n.language, e.currentTarget.value) })}
          style={{ flex: '1 1 120px' }}
          lang={i18n.language}
        />
        <ColorInput
          aria-label={t('fields.add.optionColor', { n })}
          placeholder={t('fields.add.colorNone')}
          format="hex"
          swatches={SWATCHES}
          value={option.color}
          onChange={(color) => props.onChange({ color })}
          w={130}
        />
      </Group>
      <ActionIcon
        variant="default"
        size="lg"
        color="red"
        aria-label={t('fields.add.removeOption', { n })}
        onClick={props.onRemove}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}

/**
 * The option list of a select/multiSelect field: values in order, each with an optional label and colour.
 * The label input edits the text of the studio's language (the other translations are kept; the text shown
 * in another language is the placeholder while this one has none).
 * Options are reordered by dragging their handle, or from the keyboard: focus the handle, Space to lift,
 * arrows to move, Space to drop (dnd-kit's keyboard sensor).
 */
export function OptionsEditor(props: {
  options: readonly OptionDraft[];
  onChange: (options: readonly OptionDraft[]) => void;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const { options, onChange } = props;
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (id: unknown) => options.findIndex((o) => o.id === id) + 1;
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = options.findIndex((o) => o.id === active.id);
    const to = options.findIndex((o) => o.id === over.id);
    onChange(arrayMove([...options], from, to));
  };
  return (
    <Input.Wrapper label={t('fields.add.options')} error={messagesAt(props.problems, 'input.options')} required>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('objects.field.dragHelp') },
          announcements: {
            onDragStart: ({ active }) => t('objects.field.dragStart', { n: position(active.id) }),
            onDragOver: ({ over }) => (over ? t('objects.field.dragOver', { n: position(over.id) }) : ''),
            onDragEnd: ({ over }) => (over ? t('objects.field.dragEnd', { n: position(over.id) }) : ''),
            onDragCancel: () => t('objects.field.dragCancel'),
          },
        }}
      >
        <SortableContext items={options.map((o) => o.id)} strategy={verticalListSortingStrategy}>
          <Stack gap="xs" mt={4}>
            {options.map((option, i) => (
              <OptionRow
                key={option.id}
                option={option}
                index={i}
                problems={props.problems}
                onChange={(patch) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)))}
                onRemove={() => onChange(options.filter((_, j) => j !== i))}
              />
            ))}
            <Button
              variant="light"
              size="xs"
              onClick={() => onChange([...options, optionDraft('')])}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('fields.add.addOption')}
            </Button>
          </Stack>
        </SortableContext>
      </DndContext>
    </Input.Wrapper>
  );
}
