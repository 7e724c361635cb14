import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ModalActions } from '../components/ModalActions';
import { DeleteWorkflowDocument, WORKFLOW_TYPENAMES } from './documents';

/**
 * "Delete workflow" with a confirmation dialog; once the server has removed it, back to the workflows list.
 * A refusal (another workflow starts this one, say) stays in the dialog with the server's words.
 */
export function DeleteWorkflowButton({ name, title, disabled }: { name: string; title: string; disabled: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const [{ fetching }, deleteWorkflow] = useMutation(DeleteWorkflowDocument);
  const [refusal, setRefusal] = useState<string | null>(null);
  const confirm = async () => {
    const result = await deleteWorkflow({ name }, { additionalTypenames: WORKFLOW_TYPENAMES });
    if (result.error) {
      const problems = result.error.graphQLErrors[0]?.extensions?.['problems'] as { message: string }[] | undefined;
      setRefusal(problems?.[0]?.message ?? result.error.graphQLErrors[0]?.message ?? result.error.message);
      return;
    }
    close();
    void navigate('/workflows');
  };
  const dismiss = () => {
    setRefusal(null);
    close();
  };
  return (
    <>
      <Button color="red" variant="light" onClick={open} disabled={disabled}>
        {t('flow.manage.delete')}
      </Button>
      <Modal opened={opened} onClose={dismiss} title={t('flow.manage.deleteTitle', { name: title })}>
        <Stack>
          <Text size="sm">{t('flow.manage.deleteBody')}</Text>
          {refusal && (
            <Alert color="red" role="alert">
              {t('flow.manage.deleteFailed', { message: refusal })}
            </Alert>
          )}
          <ModalActions
            action={t('flow.manage.deleteConfirm')}
            color="red"
            onCancel={dismiss}
            onConfirm={() => void confirm()}
            loading={fetching}
          />
        </Stack>
      </Modal>
    </>
  );
}
