import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { problemsOf } from '../../graphql/problems';
import { TestWorkflowDocument, TriggerObjectDocument, WORKFLOW_TYPENAMES } from '../documents';
import { RecordPicker } from './RecordPicker';
import { RunDetails, type Run } from './RunDetails';

/**
 * A test run of the saved workflow on a chosen record: the server runs it now and rolls its record changes
 * back; e-mails and requests are reported in each step, not sent.
 */
export function TestRunPanel(props: {
  workflow: string;
  object: string | undefined;
  dirty: boolean;
  result: Run | null;
  stepId: string | null;
  onResult: (run: Run | null) => void;
  onStep: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [recordId, setRecordId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ data }] = useQuery({
    query: TriggerObjectDocument,
    variables: { name: props.object ?? '' },
    pause: !props.object,
  });
  const [{ fetching }, test] = useMutation(TestWorkflowDocument);
  const object = data?.object;
  const run = async () => {
    setFailure(null);
    const result = await test(
      { name: props.workflow, recordId: recordId ?? undefined },
      { additionalTypenames: WORKFLOW_TYPENAMES },
    );
    if (result.error)
      setFailure(
        problemsOf(result.error)
          .map((p) => p.message)
          .join('; '),
      );
    else props.onResult(result.data?.testWorkflow ?? null);
  };
  return (
    <Stack gap="sm">
      <Text size="sm">{t('flow.test.hint')}</Text>
      {props.dirty && (
        <Alert color="yellow" role="status">
          {t('flow.test.unsaved')}
        </Alert>
      )}
      {object && (
        <RecordPicker
          label={t('flow.test.record', { object: object.name })}
          pluralName={object.pluralName}
          titleField={object.titleField ?? null}
          value={recordId}
          onChange={setRecordId}
        />
      )}
      <Button onClick={() => void run()} loading={fetching} disabled={Boolean(props.object) && !recordId}>
        {t('flow.test.run')}
      </Button>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {props.result && <RunDetails run={props.result} stepId={props.stepId} onStep={props.onStep} />}
    </Stack>
  );
}
