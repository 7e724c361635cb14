import { ActionIcon, Group, Menu, Paper, Text, UnstyledButton } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { POOL } from './layout-draft';

/** A field as the designer shows it. */
export interface DesignerField {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly required: boolean;
}

/** A place a field can be moved to with the menu: a section (by key) or the pool. */
export interface MoveTarget {
  readonly key: string;
  readonly label: string;
}

/**
 * One field of the designer: a handle to drag it (by pointer, or by keyboard: space, arrows, space) and a
 * menu that moves it to another section, the accessible alternative to dragging.
 */
export function FieldChip(props: {
  field: DesignerField;
  /** Where it is now (a section key or POOL). */
  container: string;
  targets: readonly MoveTarget[];
  problem?: string | undefined;
  onMove: (to: string) => void;
}) {
  const { t } = useTranslation();
  const { field } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: field.name });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="sm"
      px="xs"
      py={4}
      data-field={field.name}
      bg={isDragging ? 'var(--mantine-color-blue-light)' : undefined}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        borderColor: props.problem ? 'var(--mantine-color-red-filled)' : undefined,
      }}
    >
      <Group gap={4} wrap="nowrap" justify="space-between">
        <UnstyledButton
          {...attributes}
          {...listeners}
          aria-label={t('layouts.field.drag', { label: field.label })}
          style={{ cursor: 'grab', flex: 1, minWidth: 0, touchAction: 'none' }}
        >
          <Group gap={6} wrap="nowrap">
            <Text span c="dimmed" aria-hidden>
              ⠿
            </Text>
            <Text span size="sm" truncate>
              {field.label}
              {field.required && (
                <Text span c="red" title={t('layouts.field.required')}>
                  {' *'}
                </Text>
              )}
            </Text>
            <Text span size="xs" c="dimmed" visibleFrom="xs">
              {field.type}
            </Text>
          </Group>
        </UnstyledButton>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" size="sm" aria-label={t('layouts.field.menu', { label: field.label })}>
              ⋮
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('layouts.field.moveTo')}</Menu.Label>
            {props.targets.map((target) => (
              <Menu.Item
                key={target.key}
                disabled={target.key === props.container}
                onClick={() => props.onMove(target.key)}
              >
                {target.label}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Item disabled={props.container === POOL} onClick={() => props.onMove(POOL)}>
              {t('layouts.field.toPool')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {props.problem && (
        <Text size="xs" c="red" role="alert">
          {props.problem}
        </Text>
      )}
    </Paper>
  );
}
