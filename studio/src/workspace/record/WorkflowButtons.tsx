import { Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { localized } from '../../components/localized';
import { graphql } from '../../gql';
import { problemsOf } from '../../graphql/problems';

export const ManualWorkflowsDocument = graphql(`
  query RecordManualWorkflows($object: String!, $recordId: ID) {
    manualWorkflows(object: $object, recordId: $recordId) {
      name
      label
    }
  }
`);

const RunWorkflowDocument = graphql(`
  mutation RecordRunWorkflow($name: String!, $recordId: ID) {
    runWorkflow(name: $name, recordId: $recordId) {
      id
      status
    }
  }
`);

const WorkflowRunStatusDocument = graphql(`
  query RecordWorkflowRunStatus($id: ID!) {
    workflowRun(id: $id) {
      id
      status
      error
    }
  }
`);

const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'WAITING']);
const POLL_MS = 700;
const POLLS = 40;

interface RunState {
  readonly name: string;
  readonly status: string;
  readonly error?: string | null | undefined;
}

/**
 * The manual workflows the user may start on this record (`manualWorkflows` with its id) as buttons: a click
 * starts a run and polls it until it has finished (or waits for someone), then shows its status.
 */
export function WorkflowButtons(props: { object: string; recordId: string; onFinished: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [{ data }] = useQuery({
    query: ManualWorkflowsDocument,
    variables: { object: props.object, recordId: props.recordId },
  });
  const [, run] = useMutation(RunWorkflowDocument);
  const [runs, setRuns] = useState<Readonly<Record<string, RunState>>>({});
  const workflows = data?.manualWorkflows ?? [];
  if (workflows.length === 0) return null;

  const start = async (name: string, label: string) => {
    const started = await run({ name, recordId: props.recordId });
    if (started.error) {
      notifications.show({ color: 'red', message: problemsOf(started.error)[0]!.message });
      return;
    }
    let state: RunState = { name: label, status: started.data!.runWorkflow.status };
    setRuns((all) => ({ ...all, [name]: state }));
    for (let i = 0; i < POLLS && !FINAL.has(state.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const polled = await client
        .query(WorkflowRunStatusDocument, { id: started.data!.runWorkflow.id }, { requestPolicy: 'network-only' })
        .toPromise();
      const found = polled.data?.workflowRun;
      if (!found) break;
      state = { name: label, status: found.status, error: found.error };
      setRuns((all) => ({ ...all, [name]: state }));
    }
    props.onFinished();
  };

  return (
    <Group gap="xs" role="group" aria-label={t('record.workflows.title')} wrap="wrap">
      {workflows.map((w) => {
        const label = localized(w.label, i18n.language, w.name);
        const state = runs[w.name];
        const busy = state !== undefined && !FINAL.has(state.status);
        return (
          <Group key={w.name} gap={4} wrap="nowrap">
            <Button variant="light" loading={busy} onClick={() => void start(w.name, label)}>
              {label}
            </Button>
            {state && (
              <Badge
                color={state.status === 'COMPLETED' ? 'green' : state.status === 'FAILED' ? 'red' : 'gray'}
                variant="light"
                role="status"
                title={state.error ?? undefined}
              >
                {t('record.workflows.status', {
                  name: label,
                  status: t(`record.workflows.statuses.${state.status}`),
                })}
              </Badge>
            )}
          </Group>
        );
      })}
    </Group>
  );
}
