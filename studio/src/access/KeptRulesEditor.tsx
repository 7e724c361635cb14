import { Button, Group, JsonInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const pretty = (rules: readonly unknown[]) => JSON.stringify(rules, null, 2);

/**
 * The rules the matrix cannot show (subject `all`, a second rule for a cell, rules whose order matters),
 * edited as a JSON list and saved unchanged otherwise.
 */
export function KeptRulesEditor(props: {
  kept: readonly unknown[];
  problems: ReadonlyMap<number, string>;
  onChange: (kept: unknown[]) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(props.kept.length > 0);
  const [text, setText] = useState(() => pretty(props.kept));
  const [seen, setSeen] = useState(() => pretty(props.kept));
  const [invalid, setInvalid] = useState(false);
  // A new list from outside (the role was re-read) replaces the text.
  const incoming = pretty(props.kept);
  if (incoming !== seen) {
    setSeen(incoming);
    setText(incoming);
    setInvalid(false);
    if (props.kept.length) setOpen(true);
  }
  const errors = [...props.problems.entries()].map(([i, message]) => t('access.kept.problem', { n: i + 1, message }));

  if (!open) {
    return (
      <Group>
        <Button variant="subtle" size="xs" onClick={() => setOpen(true)} disabled={props.readOnly}>
          {t('access.kept.open')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap={4}>
      <JsonInput
        label={t('access.kept.title')}
        description={t('access.kept.hint')}
        value={text}
        readOnly={props.readOnly}
        onChange={(value) => {
          setText(value);
          try {
            const parsed: unknown = value.trim() === '' ? [] : JSON.parse(value);
            if (!Array.isArray(parsed)) throw new Error('not a list');
            setInvalid(false);
            setSeen(pretty(parsed));
            props.onChange(parsed);
          } catch {
            setInvalid(true);
          }
        }}
        error={invalid ? t('access.kept.invalid') : errors.length ? errors.join('; ') : undefined}
        autosize
        minRows={3}
        maxRows={20}
        spellCheck={false}
      />
      {props.kept.length === 0 && !props.readOnly && (
        <Text size="xs" c="dimmed">
          {t('access.kept.empty')}
        </Text>
      )}
    </Stack>
  );
}
