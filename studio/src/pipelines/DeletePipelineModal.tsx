import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { METADATA_TYPENAMES } from '../designer/metadata-typenames';
import { FormProblems } from '../designer/FormProblems';
import { problemsOf, type Problem } from '../graphql/problems';
import { DeletePipelineDocument } from './documents';

/** Confirms deleting a pipeline; the select field and its values stay, which the dialog says. */
export function DeletePipelineModal(props: {
  object: string;
  field: string;
  label: string;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [{ fetching }, deletePipeline] = useMutation(DeletePipelineDocument);
  const close = () => {
    setProblems([]);
    props.onClose();
  };
  const confirm = async () => {
    const result = await deletePipeline(
      { object: props.object, field: props.field },
      { additionalTypenames: METADATA_TYPENAMES },
    );
    if (result.error) setProblems(problemsOf(result.error));
    else {
      setProblems([]);
      props.onDeleted();
    }
  };
  return (
    <Modal opened={props.opened} onClose={close} title={t('pipelines.delete.title', { label: props.label })}>
      <Stack>
        <Text size="sm">{t('pipelines.delete.body', { field: `${props.object}.${props.field}` })}</Text>
        <FormProblems problems={problems} title={t('common.notSaved')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={fetching} onClick={() => void confirm()}>
            {t('pipelines.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
