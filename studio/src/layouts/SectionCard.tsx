import { Button, Card, Group, Input, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionBuilder, type ConditionField } from '../components/ConditionBuilder';
import { localized } from '../components/localized';
import type { DraftSection } from './layout-draft';

/**
 * One section of the designer: its name, label and columns, its fields (children, laid out in its columns
 * as the form will show them; a drop target even when empty) and the condition that shows it.
 */
export function SectionCard(props: {
  section: DraftSection;
  /** The key of `layouts.section.*` saying what is wrong with the name, checked before saving. */
  nameProblem?: string | undefined;
  /** The server's messages about this section. */
  problems: readonly string[];
  conditionFields: ConditionField[];
  onEdit: (patch: Partial<Pick<DraftSection, 'name' | 'label' | 'columns' | 'visibleWhen'>>) => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { section } = props;
  const { setNodeRef, isOver } = useDroppable({ id: section.key });
  const label = localized(section.label, i18n.language, '');
  const title = label || section.name;
  return (
    <Card
      withBorder
      padding="sm"
      role="region"
      aria-label={t('layouts.section.region', { label: title })}
      data-section={section.name}
      style={
        props.problems.length || props.nameProblem ? { borderColor: 'var(--mantine-color-red-filled)' } : undefined
      }
    >
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('layouts.section.label')}
            value={label}
            onChange={(e) => props.onEdit({ label: e.currentTarget.value })}
            style={{ flex: '1 1 160px' }}
          />
          <TextInput
            label={t('layouts.section.name')}
            description={t('layouts.section.nameHint')}
            value={section.name}
            onChange={(e) => props.onEdit({ name: e.currentTarget.value.trim() })}
            error={props.nameProblem ? t(`layouts.section.${props.nameProblem}`) : undefined}
            style={{ flex: '1 1 160px' }}
            spellCheck={false}
          />
          <Input.Wrapper label={t('layouts.section.columns')} id={`${section.key}-columns`}>
            <div>
              <SegmentedControl
                role="radiogroup"
                aria-label={t('layouts.section.columns')}
                name={`${section.key}-columns`}
                data={['1', '2', '3']}
                value={String(section.columns)}
                onChange={(value) => props.onEdit({ columns: Number(value) as 1 | 2 | 3 })}
              />
            </div>
          </Input.Wrapper>
          <Button
            variant="subtle"
            color="red"
            mt={24}
            onClick={props.onRemove}
            aria-label={t('layouts.section.remove', { label: title })}
          >
            ×
          </Button>
        </Group>
        {props.problems.map((message, i) => (
          <Text key={i} size="sm" c="red" role="alert">
            {message}
          </Text>
        ))}
        <SortableContext items={[...section.fields]} strategy={rectSortingStrategy}>
          <SimpleGrid
            ref={setNodeRef}
            role="group"
            aria-label={t('layouts.section.fieldsOf', { label: title })}
            cols={{ base: 1, xs: section.columns }}
            spacing="xs"
            verticalSpacing="xs"
            mih={44}
            p={4}
            bg={isOver ? 'var(--mantine-color-default-hover)' : undefined}
            style={{
              borderRadius: 'var(--mantine-radius-sm)',
              border: '1px dashed var(--mantine-color-default-border)',
            }}
          >
            {section.fields.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('layouts.section.empty')}
              </Text>
            ) : (
              props.children
            )}
          </SimpleGrid>
        </SortableContext>
        <ConditionBuilder
          label={t('layouts.section.visibleWhen')}
          fields={props.conditionFields}
          value={section.visibleWhen as Record<string, unknown> | undefined}
          onChange={(visibleWhen) => props.onEdit({ visibleWhen })}
        />
      </Stack>
    </Card>
  );
}
