import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Card, Group, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordTitle, type WorkspaceField, type WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import { formatMoney, moneyOf } from '../format';
import type { CardRecord } from './use-stage-cards';

export interface CardShape {
  readonly object: WorkspaceObject;
  readonly pipeline: WorkspacePipeline;
  readonly amount: WorkspaceField | undefined;
  /** The company (or other related record) and the owner (see `cardRelations`). */
  readonly relations: readonly WorkspaceField[];
}

/** How a related record reads on a card: its title (the first text it was selected with), a user's name or email. */
function relatedName(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { id: _id, ...rest } = value as Record<string, unknown>;
  return Object.values(rest).find((v): v is string => typeof v === 'string' && v !== '');
}

/** What a card shows: the title (a link to the record), the amount, the related company and the owner. */
export function CardContent({ shape, record, menu }: { shape: CardShape; record: CardRecord; menu?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const title = recordTitle(shape.object, record);
  const money = shape.amount ? moneyOf(record[shape.amount.name]) : null;
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Anchor
          component={Link}
          to={`/o/${shape.object.name}/${record.id}`}
          fw={600}
          size="sm"
          style={{ wordBreak: 'break-word' }}
          // The card itself is the drag handle: a pointer press on the link may start a drag, a click opens it.
          draggable={false}
        >
          {title}
        </Anchor>
        {menu}
      </Group>
      {money && (
        <Text size="sm" fw={500} data-testid="card-amount">
          {formatMoney(money, i18n.language)}
        </Text>
      )}
      {shape.relations.map((field) => {
        const name = relatedName(record[field.name]);
        if (!name) return null;
        return (
          <Text key={field.name} size="xs" c="dimmed" truncate>
            {field.name === 'owner' ? t('board.card.owner', { name }) : name}
          </Text>
        );
      })}
    </Stack>
  );
}

/** The menu that moves a card without dragging it: every other stage of the pipeline. */
function MoveMenu({
  shape,
  record,
  onMove,
}: {
  shape: CardShape;
  record: CardRecord;
  onMove: (record: CardRecord, stage: string) => void;
}) {
  const { t } = useTranslation();
  const title = recordTitle(shape.object, record);
  const here = record[shape.pipeline.field];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t('board.card.menu', { title })}
          // Pressing the menu button must not pick the card up.
          onPointerDown={(event) => event.stopPropagation()}
          onKeyDown={(event) => event.stopPropagation()}
        >
          ⋮
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('board.card.moveTo')}</Menu.Label>
        {shape.pipeline.stages
          .filter((stage) => stage.name !== here)
          .map((stage) => (
            <Menu.Item key={stage.name} onClick={() => onMove(record, stage.name)}>
              {t('board.card.moveToStage', { stage: stage.label })}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * A record on the board. The whole card is the drag handle (pointer, or keyboard: focus it, Space, arrows,
 * Space); its menu moves it by choosing a stage. A user who may not update the object's records at all
 * (`permissions.update`) can neither drag nor move it: the card only links to its record. Where only some
 * records may be updated (row conditions), every card moves and the server's refusal snaps it back.
 */
export function RecordCard({
  shape,
  record,
  onMove,
}: {
  shape: CardShape;
  record: CardRecord;
  onMove: (record: CardRecord, stage: string) => void;
}) {
  const { t } = useTranslation();
  const title = recordTitle(shape.object, record);
  const movable = shape.object.permissions?.update !== false;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: record.id,
    data: { record },
    disabled: !movable,
    attributes: { roleDescription: t('board.card.roleDescription') },
  });
  return (
    <Card
      ref={(node: HTMLDivElement | null) => {
        setNodeRef(node);
        setActivatorNodeRef(node);
      }}
      withBorder
      padding="sm"
      radius="md"
      // A card that cannot move is no drag handle: not a button, not "disabled" either (its link works).
      {...(movable ? { ...attributes, ...listeners } : {})}
      role="listitem"
      aria-label={title}
      data-card={record.id}
      style={{ opacity: isDragging ? 0.4 : 1, cursor: movable ? 'grab' : undefined, touchAction: 'manipulation' }}
    >
      <CardContent
        shape={shape}
        record={record}
        menu={movable ? <MoveMenu shape={shape} record={record} onMove={onMove} /> : undefined}
      />
    </Card>
  );
}
