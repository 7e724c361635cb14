import { Badge, Button, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, type CombinedError } from 'urql';
import { FormProblems } from '../designer/FormProblems';
import { METADATA_TYPENAMES } from '../designer/metadata-typenames';
import { messagesAt, problemsOf } from '../graphql/problems';
import { DestructivePlanModal, type DestructivePlan } from './DestructivePlanModal';
import { SavePipelineDocument } from './documents';
import { countRecordsAt } from './records-at-stages';
import { labelIn, withLabel } from '../designer/labels';
import { isChanged, pipelineInput, type PipelineDraft } from './stage-draft';
import { locateProblems, type LocatedProblems, type StageKey } from './stage-problems';
import { draftProblems } from './stage-validation';
import { StageList } from './StageList';

const NO_PROBLEMS: LocatedProblems = { stages: [], rest: [] };

type PendingSave = DestructivePlan & { readonly input: Record<string, unknown>; readonly ids: readonly string[] };

/**
 * Edits one pipeline: its label and its stages. Problems the studio can see are shown on the stage rows as
 * the user types; Save first asks the server for a plan (a dry run), and a plan that removes stages is
 * confirmed in a dialog before it is applied. The server's problems go onto the rows they name.
 */
export function PipelineEditor(props: {
  saved: PipelineDraft;
  /** Not on the server yet: made with "New pipeline". */
  isNew: boolean;
  /** The stage field is created by the first save. */
  fieldIsNew: boolean;
  pluralName: string;
  onFailed: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [draft, setDraft] = useState(props.saved);
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<LocatedProblems>(NO_PROBLEMS);
  const [pending, setPending] = useState<PendingSave | null>(null);
  const [{ fetching: saving }, savePipeline] = useMutation(SavePipelineDocument);
  const [planning, setPlanning] = useState(false);

  const ids = draft.stages.map((s) => s.id);
  const local = locateProblems(draftProblems(draft, t, { blank: tried }), ids);
  const stageProblems = [...local.stages, ...server.stages];
  // Shown above the buttons without their paths (`input.stages`): they are about the pipeline as a whole.
  const listProblems = [...local.rest, ...server.rest.filter((p) => p.path !== 'input.label')].map((p) => ({
    path: '',
    message: p.message,
  }));
  const changed = props.isNew || isChanged(draft, props.saved);

  const failed = (error: CombinedError, sentIds: readonly string[]) => {
    setServer(locateProblems(problemsOf(error), sentIds));
    // What the page shows of the server is read again, so it never shows a state the server does not have.
    props.onFailed();
  };

  const commit = async (input: Record<string, unknown>, sentIds: readonly string[], allowDestructive: boolean) => {
    const result = await savePipeline({ input, allowDestructive }, { additionalTypenames: METADATA_TYPENAMES });
    setPending(null);
    if (result.error) failed(result.error, sentIds);
    else notifications.show({ message: t('pipelines.editor.saved'), color: 'green', autoClose: 2500 });
  };

  const save = async () => {
    setTried(true);
    setServer(NO_PROBLEMS);
    if (draftProblems(draft, t, { blank: true }).length > 0) return;
    const input = pipelineInput(draft);
    setPlanning(true);
    try {
      const planned = await client.mutation(SavePipelineDocument, { input, dryRun: true }).toPromise();
      if (planned.error || !planned.data) {
        if (planned.error) failed(planned.error, ids);
        return;
      }
      const plan = planned.data.savePipeline;
      if (plan.destructive.length === 0) return await commit(input, ids, false);
      const kept = new Set(draft.stages.map((s) => s.name.trim()));
      const removed = props.saved.stages.map((s) => s.name).filter((name) => !kept.has(name));
      const records = await countRecordsAt(client, props.pluralName, draft.field, removed);
      setPending({ changes: plan.changes, destructive: plan.destructive, records, input, ids });
    } finally {
      setPlanning(false);
    }
  };

  const edited = (stage: string, key: StageKey) =>
    setServer((s) => ({
      ...s,
      stages: s.stages.filter((p) => !(p.stage === stage && (p.key === key || p.key === null))),
    }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {labelIn(draft.labels, i18n.language) || draft.field}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('pipelines.editor.field')}:
            </Text>
            <Code>{`${draft.object}.${draft.field}`}</Code>
            {props.fieldIsNew && <Badge variant="light">{t('pipelines.editor.newField')}</Badge>}
            {props.isNew ? (
              <Badge color="yellow">{t('pipelines.editor.notCreated')}</Badge>
            ) : (
              changed && <Badge color="yellow">{t('pipelines.editor.unsaved')}</Badge>
            )}
          </Group>
        </Stack>
        <TextInput
          label={t('pipelines.editor.label')}
          value={labelIn(draft.labels, i18n.language)}
          onChange={(e) => {
            setDraft({ ...draft, labels: withLabel(draft.labels, i18n.language, e.currentTarget.value) });
            setServer((s) => ({ ...s, rest: s.rest.filter((p) => p.path !== 'input.label') }));
          }}
          error={messagesAt(server.rest, 'input.label')}
          w={{ base: '100%', xs: 280 }}
        />
      </Group>
      <Title order={4} size="h5">
        {t('pipelines.stages.title')}
      </Title>
      <StageList
        stages={draft.stages}
        problems={stageProblems}
        onChange={(stages, change) => {
          setDraft({ ...draft, stages });
          if (change) edited(change.stage, change.key);
          else setServer((s) => ({ ...s, rest: s.rest.filter((p) => !p.path.startsWith('input.stages')) }));
        }}
      />
      <FormProblems
        problems={
          listProblems.length === 0 && tried && stageProblems.length > 0
            ? [{ path: '', message: t('pipelines.invalid.fix') }]
            : listProblems
        }
        title={t('pipelines.editor.failed')}
      />
      <Group justify="flex-end" wrap="wrap">
        {props.isNew ? (
          <Button variant="default" onClick={props.onDelete}>
            {t('pipelines.editor.reset')}
          </Button>
        ) : (
          <>
            <Button variant="subtle" color="red" onClick={props.onDelete}>
              {t('pipelines.editor.delete')}
            </Button>
            <Button
              variant="default"
              disabled={!changed}
              onClick={() => {
                setDraft(props.saved);
                setTried(false);
                setServer(NO_PROBLEMS);
              }}
            >
              {t('pipelines.editor.reset')}
            </Button>
          </>
        )}
        <Button onClick={() => void save()} loading={planning || saving} disabled={!changed}>
          {t('pipelines.editor.save')}
        </Button>
      </Group>
      <DestructivePlanModal
        plan={pending}
        saving={saving}
        onClose={() => setPending(null)}
        onConfirm={() => pending && void commit(pending.input, pending.ids, true)}
      />
    </Stack>
  );
}
