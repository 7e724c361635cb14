import { Badge, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';
import { DeleteWorkflowButton } from './DeleteWorkflowButton';

/** The designer's heading (with active and unsaved badges) and its buttons. */
export function DesignerToolbar(props: {
  /** The workflow's API name, and its label as the title shows it. */
  name: string;
  label: string;
  title: string;
  active: boolean;
  dirty: boolean;
  readOnly: boolean;
  phone: boolean;
  busy: boolean;
  onPalette: () => void;
  onPanel: () => void;
  onLayout: () => void;
  onDiscard: () => void;
  onSave: () => void;
  onActive: (active: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Group gap="xs" wrap="wrap">
        <PageTitle text={props.title} />
        <Badge color={props.active ? 'green' : 'gray'} variant="light" mb="md">
          {props.active ? t('flow.status.active') : t('flow.status.inactive')}
        </Badge>
        {props.dirty && (
          <Badge color="yellow" variant="light" mb="md" role="status">
            {t('flow.designer.unsaved')}
          </Badge>
        )}
      </Group>
      <Group gap="xs">
        {props.phone && (
          <Button variant="default" onClick={props.onPalette} disabled={props.readOnly}>
            {t('flow.palette.open')}
          </Button>
        )}
        <Button variant="default" onClick={props.onLayout}>
          {t('flow.designer.autoLayout')}
        </Button>
        {props.phone && (
          <Button variant="default" onClick={props.onPanel}>
            {t('flow.designer.panel')}
          </Button>
        )}
        <Button variant="default" onClick={props.onDiscard} disabled={!props.dirty || props.readOnly}>
          {t('flow.designer.discard')}
        </Button>
        <Button onClick={props.onSave} disabled={!props.dirty || props.readOnly} loading={props.busy}>
          {t('flow.designer.save')}
        </Button>
        {/* Activation is of the saved version: with unsaved changes it would not be what the canvas shows. */}
        <Button
          color={props.active ? 'gray' : 'green'}
          onClick={() => props.onActive(!props.active)}
          disabled={props.dirty || props.readOnly}
          title={props.dirty ? t('flow.designer.saveFirst') : undefined}
        >
          {props.active ? t('flow.designer.deactivate') : t('flow.designer.activate')}
        </Button>
        <DeleteWorkflowButton name={props.name} title={props.label} disabled={props.readOnly} />
      </Group>
    </Group>
  );
}
