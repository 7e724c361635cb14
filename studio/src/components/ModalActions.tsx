import { Button, Group, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A dialog's footer: Cancel, then the dialog's action. Without `onConfirm` the action submits the dialog's
 * form (so Enter in a field does the same).
 *
 * @example
 *   <ModalActions action={t('objects.new.submit')} onCancel={close} loading={fetching} />
 */
export function ModalActions(props: {
  /** The action's label, in the dialog's own words. */
  action: string;
  onCancel: () => void;
  onConfirm?: () => void;
  loading?: boolean;
  disabled?: boolean;
  color?: MantineColor;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        {t('common.cancel')}
      </Button>
      <Button
        type={props.onConfirm ? 'button' : 'submit'}
        color={props.color}
        disabled={props.disabled}
        loading={props.loading}
        onClick={props.onConfirm}
      >
        {props.action}
      </Button>
    </Group>
  );
}
