import { ActionIcon, Checkbox, ColorInput, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { labelIn, withLabel } from '../designer/labels';
import type { StageDraft } from './stage-draft';
import { stageMessage, type StageKey, type StageProblem } from './stage-problems';

const SWATCHES = ['#868e96', '#1971c2', '#9c36b5', '#f08c00', '#2f9e44', '#e03131'];

/**
 * One stage of the editor: a drag handle (pointer or keyboard: focus, Space, arrows, Space), its API name,
 * label in the studio's language, probability, won/lost (one or neither) and colour, each with its error.
 */
export function StageRow(props: {
  stage: StageDraft;
  index: number;
  problems: readonly StageProblem[];
  onChange: (patch: Partial<StageDraft>, key: StageKey) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { stage, index } = props;
  const n = index + 1;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: stage.id,
  });
  const error = (key: StageKey | null) => stageMessage(props.problems, stage.id, key);
  const whole = error(null) ?? error('won') ?? error('lost');
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      shadow={isDragging ? 'md' : undefined}
      role="group"
      aria-label={t('pipelines.stages.row', { n })}
      data-stage={index}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
        borderLeft: `4px solid ${stage.color || 'var(--mantine-color-default-border)'}`,
      }}
    >
      <Stack gap={4}>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <ActionIcon
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            variant="subtle"
            color="gray"
            size="lg"
            mt={22}
            aria-label={t('pipelines.stages.handle', { n })}
            style={{ cursor: 'grab', touchAction: 'none' }}
          >
            <span aria-hidden>⠿</span>
          </ActionIcon>
          <TextInput
            label={t('pipelines.stages.name')}
            aria-label={t('pipelines.stages.nameOf', { n })}
            value={stage.name}
            onChange={(e) => props.onChange({ name: e.currentTarget.value }, 'name')}
            error={error('name')}
            style={{ flex: '1 1 140px' }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            label={t('pipelines.stages.label')}
            aria-label={t('pipelines.stages.labelOf', { n })}
            value={labelIn(stage.labels, i18n.language)}
            onChange={(e) =>
              props.onChange({ labels: withLabel(stage.labels, i18n.language, e.currentTarget.value) }, 'label')
            }
            error={error('label')}
            style={{ flex: '1 1 160px' }}
          />
          <NumberInput
            label={t('pipelines.stages.probability')}
            aria-label={t('pipelines.stages.probabilityOf', { n })}
            value={stage.probability}
            onChange={(value) =>
              props.onChange(
                { probability: typeof value === 'number' ? value : value === '' ? '' : Number(value) },
                'probability',
              )
            }
            min={0}
            max={100}
            step={5}
            clampBehavior="strict"
            allowDecimal
            error={error('probability')}
            w={110}
          />
          <Stack gap={6} mt={20}>
            <Checkbox
              label={t('pipelines.stages.won')}
              aria-label={t('pipelines.stages.wonOf', { n })}
              checked={stage.won}
              // Won and lost are the two ends of a pipeline: a stage is one, the other, or neither.
              onChange={(e) => props.onChange({ won: e.currentTarget.checked, lost: false }, 'won')}
              color="green"
            />
            <Checkbox
              label={t('pipelines.stages.lost')}
              aria-label={t('pipelines.stages.lostOf', { n })}
              checked={stage.lost}
              onChange={(e) => props.onChange({ lost: e.currentTarget.checked, won: false }, 'lost')}
              color="red"
            />
          </Stack>
          <ColorInput
            label={t('pipelines.stages.color')}
            aria-label={t('pipelines.stages.colorOf', { n })}
            placeholder={t('pipelines.stages.colorNone')}
            format="hex"
            swatches={SWATCHES}
            swatchesPerRow={6}
            value={stage.color}
            onChange={(color) => props.onChange({ color }, 'color')}
            error={error('color')}
            w={140}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mt={22}
            aria-label={t('pipelines.stages.remove', { n })}
            onClick={props.onRemove}
          >
            <span aria-hidden>✕</span>
          </ActionIcon>
        </Group>
        {whole && (
          <Text c="red" size="sm" role="alert">
            {whole}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
