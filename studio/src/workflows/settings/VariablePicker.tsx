import { ActionIcon, Menu, ScrollArea } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Variable } from './variables';

/** A menu of template variables next to a text input; choosing one hands its path to `onPick`. */
export const VariablePicker = memo(function VariablePicker(props: {
  variables: readonly Variable[];
  fieldLabel: string;
  onPick: (path: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const record = props.variables.filter((v) => v.group === 'record');
  const steps = props.variables.filter((v) => v.group === 'steps');
  return (
    <Menu position="bottom-end" withinPortal shadow="md" disabled={props.disabled}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          aria-label={t('flow.variables.insert', { field: props.fieldLabel })}
          title={t('flow.variables.insert', { field: props.fieldLabel })}
          disabled={props.disabled || props.variables.length === 0}
        >
          {'{x}'}
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <ScrollArea.Autosize mah={320} type="auto">
          {record.length > 0 && <Menu.Label>{t('flow.variables.record')}</Menu.Label>}
          {record.map((v) => (
            <Menu.Item key={v.path} onClick={() => props.onPick(v.path)}>
              {v.label} <code>{`{{${v.path}}}`}</code>
            </Menu.Item>
          ))}
          {steps.length > 0 && <Menu.Label>{t('flow.variables.steps')}</Menu.Label>}
          {steps.map((v) => (
            <Menu.Item key={v.path} onClick={() => props.onPick(v.path)}>
              {v.label} <code>{`{{${v.path}}}`}</code>
            </Menu.Item>
          ))}
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
});
