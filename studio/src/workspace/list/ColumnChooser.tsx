import { Button, Checkbox, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceField } from '../record-api';

/**
 * A list of the object's fields with a checkbox each: which columns the list shows, kept on this device. A
 * popover of real checkboxes rather than a Mantine Menu, whose items are fixed to `role="menuitem"` and could
 * not say that they are checked.
 */
export function ColumnChooser(props: {
  fields: readonly WorkspaceField[];
  visible: readonly string[];
  onChange: (visible: string[]) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const toggle = (name: string, shown: boolean) =>
    // The object's field order, whatever the order of clicks.
    props.onChange(props.fields.map((f) => f.name).filter((n) => (n === name ? shown : props.visible.includes(n))));
  return (
    <Popover position="bottom-end" trapFocus withinPortal shadow="md" width={260}>
      <Popover.Target>
        <Button variant="default">{t('list.columns.button')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" c="dimmed" mb="xs">
          {t('list.columns.onDevice')}
        </Text>
        <ScrollArea.Autosize mah={360} type="auto">
          <Stack gap={6} role="group" aria-label={t('list.columns.onDevice')}>
            {props.fields.map((field) => (
              <Checkbox
                key={field.name}
                label={field.label}
                checked={props.visible.includes(field.name)}
                onChange={(e) => toggle(field.name, e.currentTarget.checked)}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Button variant="subtle" size="xs" mt="xs" onClick={props.onReset}>
          {t('list.columns.reset')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
