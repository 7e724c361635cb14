import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CancelWorkflowRunDocument, WORKFLOW_TYPENAMES } from '../documents';
import type { Run } from './RunDetails';

/** Runs that may still be cancelled: those that have not ended (a test run has, once it is shown). */
const CANCELLABLE = new Set(['QUEUED', 'RUNNING', 'WAITING']);

/**
 * "Cancel run" on a run under way (its pending approvals are cancelled with it); answers the run as the
 * server has it afterwards, or shows the server's refusal (the run ended meanwhile, say).
 */
export function CancelRunButton({ run, onCancelled }: { run: Run; onCancelled: (run: Run) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, cancel] = useMutation(CancelWorkflowRunDocument);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (run.test || !CANCELLABLE.has(run.status)) return null;
  const onClick = async () => {
    setRefusal(null);
    const result = await cancel({ id: run.id }, { additionalTypenames: WORKFLOW_TYPENAMES });
    if (result.error) setRefusal(result.error.graphQLErrors[0]?.message ?? result.error.message);
    else if (result.data) onCancelled(result.data.cancelWorkflowRun as Run);
  };
  return (
    <Stack gap={4} align="flex-start">
      <Button size="xs" color="red" variant="light" loading={fetching} onClick={() => void onClick()}>
        {t('flow.manage.cancelRun')}
      </Button>
      {refusal && (
        <Alert color="red" role="alert" p="xs">
          {t('flow.manage.cancelFailed', { message: refusal })}
        </Alert>
      )}
    </Stack>
  );
}
