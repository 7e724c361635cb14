import { Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { DeletePipelineModal } from './DeletePipelineModal';
import { PipelinesPageDocument } from './documents';
import { NewPipelineModal, type ObjectChoice } from './NewPipelineModal';
import { PipelineEditor } from './PipelineEditor';
import { asLabels, labelIn } from '../designer/labels';
import { stageFromJson, type PipelineDraft } from './stage-draft';

interface Created {
  readonly draft: PipelineDraft;
  readonly fieldIsNew: boolean;
}

/**
 * The pipelines of the workspace, by object (a Select: an object may have several, one per select field),
 * each in a tab with its editor; the chosen object and pipeline are in the address (`?object=deal&field=stage`).
 */
export default function PipelinesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PipelinesPageDocument,
    variables: { locale: i18n.language },
  });
  const [created, setCreated] = useState<Created | null>(null);
  const [adding, { open: openNew, close: closeNew }] = useDisclosure();
  const [deleting, { open: openDelete, close: closeDelete }] = useDisclosure();

  const objects = useMemo(() => data?.objects ?? [], [data]);
  const pipelines = useMemo(() => data?.pipelines ?? [], [data]);
  const objectName = params.get('object') ?? pipelines[0]?.object ?? objects[0]?.name ?? null;
  const object = objects.find((o) => o.name === objectName);
  const ofObject = pipelines.filter((p) => p.object === objectName);
  const draftHere =
    created && created.draft.object === objectName && !ofObject.some((p) => p.field === created.draft.field)
      ? created
      : null;
  const tabs = [
    ...ofObject.map((p) => ({ field: p.field, label: p.label ?? p.field })),
    ...(draftHere
      ? [
          {
            field: draftHere.draft.field,
            label: labelIn(draftHere.draft.labels, i18n.language) || draftHere.draft.field,
          },
        ]
      : []),
  ];
  const wanted = params.get('field');
  const fieldName = tabs.some((tab) => tab.field === wanted) ? wanted : (tabs[0]?.field ?? null);
  const pipeline = ofObject.find((p) => p.field === fieldName);
  const select = (objectValue: string, field?: string) =>
    setParams(field ? { object: objectValue, field } : { object: objectValue });

  // Once saved, the new pipeline is the server's; the draft must not come back if it is deleted later.
  useEffect(() => {
    if (created && pipelines.some((p) => p.object === created.draft.object && p.field === created.draft.field))
      setCreated(null);
  }, [created, pipelines]);

  const saved = useMemo<PipelineDraft | null>(
    () =>
      pipeline
        ? {
            object: pipeline.object,
            field: pipeline.field,
            labels: asLabels(pipeline.labels),
            stages: pipeline.stages.map(stageFromJson),
          }
        : (draftHere?.draft ?? null),
    [pipeline, draftHere],
  );

  const choices: ObjectChoice[] = objects.map((o) => ({
    name: o.name,
    label: o.label,
    fields: o.fields,
    pipelined: pipelines.filter((p) => p.object === o.name).map((p) => p.field),
  }));

  return (
    <>
      <PageTitle text={t('pipelines.title')} />
      <Text c="dimmed" size="sm" mb="md">
        {t('pipelines.intro')}
      </Text>
      <QueryState fetching={fetching && !data} error={error} />
      {data && (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Select
              label={t('pipelines.object')}
              data={choices.map((o) => ({ value: o.name, label: `${o.label} · ${o.pipelined.length}` }))}
              value={objectName}
              onChange={(value) => value && select(value)}
              allowDeselect={false}
              searchable
              w={{ base: '100%', xs: 280 }}
            />
            <Button onClick={openNew}>{t('pipelines.new.open')}</Button>
          </Group>
          {object && tabs.length === 0 && <Text c="dimmed">{t('pipelines.none', { object: object.label })}</Text>}
          {object && tabs.length > 0 && fieldName && (
            <Tabs value={fieldName} onChange={(value) => value && select(object.name, value)} keepMounted={false}>
              <Tabs.List aria-label={t('pipelines.ofObject', { object: object.label })}>
                {tabs.map((tab) => (
                  <Tabs.Tab key={tab.field} value={tab.field}>
                    {tab.label}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value={fieldName} pt="md">
                {saved && (
                  <PipelineEditor
                    // A new revision is a new saved state: the editor starts again from it.
                    key={`${object.name}.${fieldName}:${data.metadataRevision}`}
                    saved={saved}
                    isNew={!pipeline}
                    fieldIsNew={!pipeline && (draftHere?.fieldIsNew ?? false)}
                    pluralName={object.pluralName}
                    onFailed={() => reexecute({ requestPolicy: 'network-only' })}
                    onDelete={() => {
                      if (pipeline) openDelete();
                      else {
                        setCreated(null);
                        select(object.name);
                      }
                    }}
                  />
                )}
              </Tabs.Panel>
            </Tabs>
          )}
        </Stack>
      )}
      <NewPipelineModal
        opened={adding}
        objects={choices}
        object={objectName}
        onClose={closeNew}
        onCreate={(draft, fieldIsNew) => {
          setCreated({ draft, fieldIsNew });
          select(draft.object, draft.field);
        }}
      />
      {object && pipeline && (
        <DeletePipelineModal
          object={object.name}
          field={pipeline.field}
          label={pipeline.label ?? pipeline.field}
          opened={deleting}
          onClose={closeDelete}
          onDeleted={() => {
            closeDelete();
            select(object.name);
          }}
        />
      )}
    </>
  );
}
