import { Button, Card, Center, Stack, Text, Timeline as MantineTimeline, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import type { WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import { withStageLabels } from './format-value';
import { QuickAdd } from './QuickAdd';
import { TimelineItem } from './TimelineItem';
import { useRelatedTitles } from './use-related-titles';
import type { RecordTimeline } from './use-timeline';

/**
 * The record's timeline, newest first, in one list: its field history (`recordHistory`), the notes and tasks
 * related to it (calls and emails are tasks of those types), and the workflow runs on it (anyone who may read
 * the record sees them), with the quick-add of a note, a follow-up task, a call or an email on top. Each source
 * is read a page at a time; "Show older" reads the next page where the list has to go on (timeline-pages.ts).
 * The record page reads them (use-timeline.ts) from the moment it is entered; this shows what has arrived.
 */
export function Timeline(props: {
  object: WorkspaceObject;
  objects: readonly WorkspaceObject[];
  pipelines: readonly WorkspacePipeline[];
  recordId: string;
  timeline: RecordTimeline;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { activities, pages: timeline } = props.timeline;

  const changedValues = useMemo(
    () =>
      timeline.loaded.flatMap((h) =>
        h.kind === 'history'
          ? [
              { field: h.field, value: h.oldValue },
              { field: h.field, value: h.newValue },
            ]
          : [],
      ),
    [timeline.loaded],
  );
  const titles = useRelatedTitles(props.object.fields, changedValues, props.objects);
  const fields = useMemo(
    () => new Map(props.object.fields.map((f) => [f.name, withStageLabels(f, props.object.name, props.pipelines)])),
    [props.object, props.pipelines],
  );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="timeline-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="timeline-title">
          {t('record.timeline.title')}
        </Title>
        <QuickAdd activities={activities} recordId={props.recordId} onAdded={props.onAdded} />
        <QueryState fetching={timeline.loading} error={timeline.error} />
        {!timeline.loading && !timeline.error && timeline.entries.length === 0 && !timeline.hasOlder && (
          <Text c="dimmed" size="sm">
            {t('record.timeline.empty')}
          </Text>
        )}
        {timeline.entries.length > 0 && (
          <MantineTimeline bulletSize={26} lineWidth={2} role="list" aria-label={t('record.timeline.title')}>
            {timeline.entries.map((entry) => (
              <TimelineItem key={entry.key} entry={entry} fields={fields} activities={activities} titles={titles} />
            ))}
          </MantineTimeline>
        )}
        {timeline.hasOlder && (
          <Center>
            <Button variant="subtle" size="xs" onClick={timeline.showOlder} loading={timeline.loadingOlder}>
              {t('record.timeline.showOlder')}
            </Button>
          </Center>
        )}
      </Stack>
    </Card>
  );
}
