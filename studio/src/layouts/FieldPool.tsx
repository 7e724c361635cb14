import { Card, Stack, Text, Title } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { POOL } from './layout-draft';

/** The fields no section places: dropping a field here takes it off the form. */
export function FieldPool(props: { fields: readonly string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: POOL });
  return (
    <Card
      withBorder
      padding="sm"
      role="region"
      aria-label={t('layouts.pool.label')}
      bg={isOver ? 'var(--mantine-color-default-hover)' : undefined}
    >
      <Title order={4} size="h5">
        {t('layouts.pool.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('layouts.pool.hint')}
      </Text>
      <SortableContext items={[...props.fields]} strategy={rectSortingStrategy}>
        <Stack ref={setNodeRef} gap={6} mih={40}>
          {props.fields.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('layouts.pool.empty')}
            </Text>
          ) : (
            props.children
          )}
        </Stack>
      </SortableContext>
    </Card>
  );
}
