import { Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from '../components/ModalActions';
import { graphql } from '../gql';
import { PlannedChangeView } from './PlannedChangeView';
import { usePlannedChange } from './use-planned-change';

const DeleteObjectDocument = graphql(`
  mutation DeleteObject($name: String!, $dryRun: Boolean) {
    deleteObject(name: $name, dryRun: $dryRun) {
      ...PlanFields
    }
  }
`);

/**
 * Deleting an object: the server's dry run shows what goes (its table to the trash, pipelines with it), or why
 * it cannot go (relations pointing at it); the user confirms by typing the object's name.
 */
export function DeleteObjectModal(props: { object: string; opened: boolean; onClose: (deleted: boolean) => void }) {
  const { t } = useTranslation();
  const { object, opened } = props;
  const change = usePlannedChange(DeleteObjectDocument, 'deleteObject', { name: object }, opened);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    if (opened) setTyped('');
  }, [object, opened]);

  const confirm = async () => {
    if (await change.apply()) props.onClose(true);
  };

  return (
    <Modal opened={opened} onClose={() => props.onClose(false)} title={t('objects.delete.title', { name: object })}>
      <Stack>
        <PlannedChangeView
          change={change.state}
          planning={t('fields.delete.planning')}
          planTitle={t('fields.delete.plan')}
          failedTitle={t('objects.delete.cannot')}
        >
          <TextInput
            label={t('objects.delete.typeName', { name: object })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
        </PlannedChangeView>
        <ModalActions
          action={t('objects.delete.confirm')}
          onCancel={() => props.onClose(false)}
          onConfirm={() => void confirm()}
          color="red"
          disabled={change.state.kind !== 'planned' || typed.trim() !== object}
          loading={change.applying}
        />
      </Stack>
    </Modal>
  );
}
