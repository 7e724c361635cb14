import { Badge, Button, Group, Popover, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionBuilder, type ConditionField } from '../../components/ConditionBuilder';

/** "Filter": the shared condition builder in a popover; the list follows every change. */
export function FilterButton(props: {
  fields: ConditionField[];
  value: Record<string, unknown> | undefined;
  onChange: (value: Record<string, unknown> | undefined) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const active = props.value ? Object.keys(props.value).length : 0;
  const [opened, setOpened] = useState(false);
  // The builder's selects open their options in portals, which a click-outside would take for leaving: the
  // popover closes with Escape, "Done" or the button.
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      closeOnClickOutside={false}
      position="bottom-start"
      width="min(640px, 94vw)"
      trapFocus
      withinPortal
      shadow="md"
    >
      <Popover.Target>
        <Button
          onClick={() => setOpened((o) => !o)}
          variant={active ? 'light' : 'default'}
          rightSection={active ? <Badge size="sm">{active}</Badge> : undefined}
        >
          {t('list.filter.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={t('list.filter.title')}>
        <Stack gap="xs">
          <ConditionBuilder
            label={t('list.filter.title')}
            fields={props.fields}
            value={props.value}
            onChange={props.onChange}
            error={props.error}
          />
          <Group justify="flex-end">
            <Button variant="subtle" size="xs" disabled={!active} onClick={() => props.onChange(undefined)}>
              {t('list.filter.clear')}
            </Button>
            <Button size="xs" onClick={() => setOpened(false)}>
              {t('list.filter.done')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
