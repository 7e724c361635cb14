import { ActionIcon, Button, ColorInput, Group, Input, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { messagesAt, type Problem } from '../graphql/problems';

/** One option of a select field as the form edits it; `color` is empty or `#rrggbb`. */
export interface OptionDraft {
  readonly id: number;
  readonly value: string;
  readonly color: string;
}

let nextId = 1;
export const newOption = (value = ''): OptionDraft => ({ id: nextId++, value, color: '' });

/** The option list of a select/multiSelect field: values in order, each with an optional colour. */
export function OptionsEditor(props: {
  options: readonly OptionDraft[];
  onChange: (options: readonly OptionDraft[]) => void;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const { options, onChange } = props;
  const set = (i: number, patch: Partial<OptionDraft>) =>
    onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...options];
    const [moved] = next.splice(i, 1);
    next.splice(i + by, 0, moved!);
    onChange(next);
  };
  return (
    <Input.Wrapper label={t('fields.add.options')} error={messagesAt(props.problems, 'input.options')} required>
      <Stack gap="xs" mt={4}>
        {options.map((option, i) => (
          <Group key={option.id} gap="xs" wrap="nowrap" align="flex-start" data-option={i}>
            <TextInput
              aria-label={t('fields.add.optionValue', { n: i + 1 })}
              placeholder={t('fields.add.optionValue', { n: i + 1 })}
              value={option.value}
              onChange={(e) => set(i, { value: e.currentTarget.value })}
              style={{ flex: 1 }}
              error={messagesAt(props.problems, `input.options[${i}]`) !== undefined}
            />
            <ColorInput
              aria-label={t('fields.add.optionColor', { n: i + 1 })}
              placeholder={t('fields.add.colorNone')}
              format="hex"
              swatches={['#2f9e44', '#e03131', '#1971c2', '#f08c00', '#9c36b5', '#868e96']}
              value={option.color}
              onChange={(color) => set(i, { color })}
              w={130}
            />
            <ActionIcon.Group>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('fields.add.moveUp', { n: i + 1 })}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('fields.add.moveDown', { n: i + 1 })}
                disabled={i === options.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="default"
                size="lg"
                color="red"
                aria-label={t('fields.add.removeOption', { n: i + 1 })}
                onClick={() => onChange(options.filter((_, j) => j !== i))}
              >
                ✕
              </ActionIcon>
            </ActionIcon.Group>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange([...options, newOption()])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('fields.add.addOption')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
