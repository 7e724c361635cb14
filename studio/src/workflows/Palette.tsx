import { Button, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTypeLabel } from './step-types';

/**
 * The step types the server offers, one button each: a click (or Enter) adds a step of that type after the
 * selected node, so the palette works without dragging.
 */
export const Palette = memo(function Palette(props: {
  stepTypes: readonly string[];
  disabled: boolean;
  onAdd: (type: string) => void;
}) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  return (
    <Stack gap={4} component="section" aria-label={t('flow.palette.title')}>
      <Text size="sm" fw={600}>
        {t('flow.palette.title')}
      </Text>
      {props.stepTypes.map((type) => (
        <Button
          key={type}
          size="compact-sm"
          variant="light"
          justify="flex-start"
          disabled={props.disabled}
          onClick={() => props.onAdd(type)}
          aria-label={t('flow.palette.add', { type: typeLabel.step(type) })}
        >
          + {typeLabel.step(type)}
        </Button>
      ))}
    </Stack>
  );
});
