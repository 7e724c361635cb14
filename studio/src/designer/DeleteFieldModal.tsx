import { Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ModalActions } from '../components/ModalActions';
import { graphql } from '../gql';
import { PlannedChangeView } from './PlannedChangeView';
import { usePlannedChange } from './use-planned-change';

const DeleteFieldDocument = graphql(`
  mutation DeleteField($object: String!, $name: String!, $dryRun: Boolean) {
    deleteField(object: $object, name: $name, dryRun: $dryRun) {
      ...PlanFields
    }
  }
`);

/**
 * Deleting a field: first the server's dry run of the same `deleteField` shows what goes; only the
 * confirmation applies it.
 */
export function DeleteFieldModal(props: { object: string; field: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { object, field, opened } = props;
  const change = usePlannedChange(DeleteFieldDocument, 'deleteField', { object, name: field }, opened);

  const confirm = async () => {
    if (await change.apply()) props.onClose();
  };

  return (
    <Modal opened={opened} onClose={props.onClose} title={t('fields.delete.title', { name: field })}>
      <Stack>
        <PlannedChangeView
          change={change.state}
          planning={t('fields.delete.planning')}
          planTitle={t('fields.delete.plan')}
          failedTitle={t('common.notSaved')}
        />
        <ModalActions
          action={t('fields.delete.confirm')}
          onCancel={props.onClose}
          onConfirm={() => void confirm()}
          color="red"
          disabled={change.state.kind !== 'planned'}
          loading={change.applying}
        />
      </Stack>
    </Modal>
  );
}
