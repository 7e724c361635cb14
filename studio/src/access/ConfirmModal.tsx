import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormProblems } from '../designer/FormProblems';
import type { Problem } from '../graphql/problems';

/** A question before something that cannot simply be undone (deactivating a user, revoking a key). */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  text: string;
  confirm: string;
  busy: boolean;
  problems?: readonly Problem[];
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack>
        <Text>{props.text}</Text>
        <FormProblems problems={props.problems ?? []} title={t('common.notSaved')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={props.busy} onClick={props.onConfirm} data-autofocus>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
