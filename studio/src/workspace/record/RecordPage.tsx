import { Alert, Anchor, Grid, Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { recordQuery, recordSelection, type WorkspaceObject } from '../record-api';
import { useWorkspaceModel, type WorkspaceModel } from '../use-workspace-model';
import { prefetchRecordParts } from './prefetch-record-parts';
import { RecordForm } from './RecordForm';
import { RecordHeader } from './RecordHeader';
import { RelatedLists } from './RelatedLists';
import { Timeline } from './Timeline';
import { useDeferredParts } from './use-deferred-parts';
import { useRecordAnswered } from './use-record-answered';
import { useTimeline } from './use-timeline';

/**
 * `/o/:object/:id`: one record — its header (title, owner, manual workflows), its form generated from the
 * object's layout and its related lists on the left, its timeline on the right (stacked on phones).
 *
 * The record is asked for first and alone, since the form waits for it; the moment it has arrived, everything
 * else the page reads is asked for in parallel (the timeline's first pages, the related lists, the header's
 * workflows and conversion), and the server reads it while the browser renders the form. The header and the
 * form render first; the related lists and the timeline right after, without holding the form back
 * (use-deferred-parts.ts).
 */
export default function RecordPage() {
  const { t } = useTranslation();
  const params = useParams<{ object: string; id: string }>();
  const { model, fetching, error } = useWorkspaceModel();
  if (!model) return <QueryState fetching={fetching} error={error} />;
  const object = model.object(params.object ?? '');
  if (!object)
    return (
      <Alert color="red" role="alert">
        {t('record.unknownObject', { name: params.object })}
      </Alert>
    );
  return <RecordScreen key={`${object.name}/${params.id}`} model={model} object={object} id={params.id ?? ''} />;
}

function RecordScreen(props: { model: WorkspaceModel; object: WorkspaceObject; id: string }) {
  const { t } = useTranslation();
  const { model, object } = props;
  const client = useClient();
  const selection = useMemo(
    () => recordSelection(object, model.objects, undefined, { toMany: 'skip' }),
    [object, model.objects],
  );
  const query = useMemo(() => recordQuery(object, selection), [object, selection]);
  const variables = useMemo(() => ({ id: props.id }), [props.id]);
  const [{ data, fetching, error }, reexecute] = useQuery<Record<string, Record<string, unknown> | null>>({
    query,
    variables,
  });
  const answered = useRecordAnswered(client, query, variables);
  // Bumped after anything this page changed: the timeline and related lists read again.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const reread = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' });
    setVersion((v) => v + 1);
  }, [reexecute]);
  useEffect(() => {
    let mounted = true;
    void answered.then(() => mounted && prefetchRecordParts(client, object, model.objects, props.id));
    return () => void (mounted = false);
  }, [answered, client, object, model.objects, props.id]);
  const timeline = useTimeline(object, model.objects, props.id, version, answered);
  const record = data?.[object.api.one];
  const partsShown = useDeferredParts(Boolean(record));
  if (!data) return <QueryState fetching={fetching} error={error} />;
  if (!record)
    return (
      <Stack>
        <Alert color="yellow" role="alert">
          {t('record.notFound')}
        </Alert>
        <Anchor component={Link} to={`/o/${object.name}`}>
          {t('record.backToList', { plural: object.labelPlural })}
        </Anchor>
      </Stack>
    );
  return (
    <Stack gap="md">
      <RecordHeader object={object} record={record} onWorkflowFinished={reread} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <RecordForm
              model={model}
              object={object}
              record={record}
              selection={selection}
              reread={reread}
              onSaved={changed}
            />
            {partsShown && (
              <RelatedLists
                object={object}
                objects={model.objects}
                pipelines={model.pipelines}
                recordId={props.id}
                version={version}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {partsShown && (
            <Timeline
              object={object}
              objects={model.objects}
              pipelines={model.pipelines}
              recordId={props.id}
              timeline={timeline}
              onAdded={changed}
            />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
