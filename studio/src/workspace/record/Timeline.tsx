import { Badge, Card, Group, Stack, Text, ThemeIcon, Timeline as MantineTimeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { localized } from '../../components/localized';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import { formatValue, withStageLabels } from './format-value';
import { QuickAdd } from './QuickAdd';
import { intlLocales, relativeTime } from '../format';
import { useRelatedTitles } from './use-related-titles';
import { mergeTimeline, type Person, type TimelineEntry } from './timeline-entries';
import { activitiesOf, activitiesQuery, type Activity } from './timeline-query';

const RecordHistoryDocument = graphql(`
  query RecordTimelineHistory($object: String!, $id: ID!) {
    recordHistory(object: $object, id: $id, first: 50) {
      field
      oldValue
      newValue
      at
      actor {
        id
        name
        email
      }
    }
  }
`);

const RecordRunsDocument = graphql(`
  query RecordTimelineRuns($id: ID!) {
    workflowRuns(recordId: $id, first: 20) {
      id
      workflow
      workflowLabel
      status
      error
      startedAt
    }
  }
`);

type ActivityNode = Record<string, unknown> & { id: string; createdAt: string; createdBy: Person | null };
type ActivityData = Record<string, Record<string, { edges: { node: ActivityNode }[] }> | null>;

const ICONS: Readonly<Record<TimelineEntry['kind'], { glyph: string; color: string }>> = {
  history: { glyph: '✎', color: 'gray' },
  note: { glyph: '✉', color: 'blue' },
  task: { glyph: '✓', color: 'teal' },
  run: { glyph: '⚙', color: 'grape' },
};

/**
 * The record's timeline, newest first, in one list: its field history (`recordHistory`), the notes and tasks
 * related to it, and the workflow runs on it (anyone who may read the record sees them), with the
 * quick-add of a note or a follow-up task on top.
 */
export function Timeline(props: {
  object: WorkspaceObject;
  objects: readonly WorkspaceObject[];
  pipelines: readonly WorkspacePipeline[];
  recordId: string;
  /** Changes when the record changed on this page: everything is read again. */
  version: number;
  onAdded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const activities = useMemo(() => activitiesOf(props.object, props.objects), [props.object, props.objects]);
  const [history, rereadHistory] = useQuery({
    query: RecordHistoryDocument,
    variables: { object: props.object.name, id: props.recordId },
  });
  const [runs, rereadRuns] = useQuery({ query: RecordRunsDocument, variables: { id: props.recordId } });
  const [related, rereadRelated] = useQuery<ActivityData>({
    query: activitiesQuery(props.object, activities),
    variables: { id: props.recordId },
    pause: activities.length === 0,
  });
  useEffect(() => {
    if (props.version === 0) return;
    for (const reread of [rereadHistory, rereadRuns, rereadRelated]) reread({ requestPolicy: 'network-only' });
  }, [props.version, rereadHistory, rereadRuns, rereadRelated]);

  const entries = useMemo(
    () =>
      mergeTimeline(
        (history.data?.recordHistory ?? []).map((h, i) => ({
          kind: 'history' as const,
          key: `h${i}-${h.at}-${h.field}`,
          at: h.at,
          who: h.actor ?? null,
          field: h.field,
          oldValue: h.oldValue,
          newValue: h.newValue,
        })),
        activityEntries(activities, related.data?.[props.object.api.one]),
        // Runs on this record: everyone who may read it sees them (their steps only admins).
        (runs.data?.workflowRuns ?? []).map((r) => ({
          kind: 'run' as const,
          key: `r${r.id}`,
          at: r.startedAt,
          who: null,
          workflow: localized(r.workflowLabel, i18n.language, r.workflow),
          status: r.status,
          error: r.error,
        })),
      ),
    [history.data, runs.data, related.data, activities, props.object.api.one, i18n.language],
  );
  const changedValues = useMemo(
    () =>
      (history.data?.recordHistory ?? []).flatMap((h) => [
        { field: h.field, value: h.oldValue },
        { field: h.field, value: h.newValue },
      ]),
    [history.data],
  );
  const titles = useRelatedTitles(props.object.fields, changedValues, props.objects);
  const fields = new Map(
    props.object.fields.map((f) => [f.name, withStageLabels(f, props.object.name, props.pipelines)]),
  );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="timeline-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="timeline-title">
          {t('record.timeline.title')}
        </Title>
        <QuickAdd activities={activities} recordId={props.recordId} onAdded={props.onAdded} />
        {!history.data && <QueryState fetching={history.fetching} error={history.error} />}
        {history.data && entries.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('record.timeline.empty')}
          </Text>
        )}
        {entries.length > 0 && (
          <MantineTimeline bulletSize={26} lineWidth={2} role="list" aria-label={t('record.timeline.title')}>
            {entries.map((entry) => (
              <MantineTimeline.Item
                key={entry.key}
                bullet={
                  <ThemeIcon size={26} radius="xl" variant="light" color={ICONS[entry.kind].color} aria-hidden>
                    {ICONS[entry.kind].glyph}
                  </ThemeIcon>
                }
                title={
                  <Group gap={6} wrap="wrap">
                    {entry.kind !== 'run' && (
                      <Text size="sm" fw={600}>
                        {personName(entry.who, t)}
                      </Text>
                    )}
                    <Text size="sm">{headline(entry, fields, t)}</Text>
                  </Group>
                }
                data-kind={entry.kind}
                role="listitem"
              >
                <EntryDetails entry={entry} fields={fields} activities={activities} titles={titles} />
                <Text
                  size="xs"
                  c="dimmed"
                  component="time"
                  dateTime={entry.at}
                  title={new Date(entry.at).toLocaleString(intlLocales(i18n.language))}
                >
                  {relativeTime(entry.at, i18n.language)}
                </Text>
              </MantineTimeline.Item>
            ))}
          </MantineTimeline>
        )}
      </Stack>
    </Card>
  );
}

function activityEntries(
  activities: readonly Activity[],
  record: Record<string, { edges: { node: ActivityNode }[] }> | null | undefined,
): TimelineEntry[] {
  if (!record) return [];
  return activities.flatMap((a) =>
    (record[a.field.name]?.edges ?? []).map(({ node }) => ({
      kind: a.kind,
      key: `${a.kind}${node.id}`,
      at: node.createdAt,
      who: node.createdBy,
      id: node.id,
      values: node,
    })),
  );
}

function personName(who: Person | null, t: TFunction): string {
  if (!who) return t('record.timeline.system');
  return who.name || who.email || t('record.timeline.unknownUser');
}

type Fields = ReadonlyMap<string, Parameters<typeof formatValue>[1]>;

function headline(entry: TimelineEntry, fields: Fields, t: TFunction): string {
  switch (entry.kind) {
    case 'history':
      return t('record.timeline.changed', { field: fields.get(entry.field)?.label ?? entry.field });
    case 'note':
      return t('record.timeline.note');
    case 'task':
      return t('record.timeline.task');
    case 'run':
      return t('record.timeline.run', {
        name: entry.workflow,
        status: t(`record.workflows.statuses.${entry.status}`),
      });
  }
}

function EntryDetails(props: {
  entry: TimelineEntry;
  fields: Fields;
  activities: readonly Activity[];
  /** Related records' titles by id: a changed relation reads "from Acme to Globex". */
  titles: ReadonlyMap<string, string>;
}) {
  const { entry, fields } = props;
  const { t, i18n } = useTranslation();
  if (entry.kind === 'history') {
    const field = fields.get(entry.field);
    const shown = (value: unknown) =>
      formatValue(typeof value === 'string' ? (props.titles.get(value) ?? value) : value, field, i18n.language, t);
    return (
      <Text size="sm" c="dimmed">
        {t('record.timeline.fromTo', { from: shown(entry.oldValue), to: shown(entry.newValue) })}
      </Text>
    );
  }
  if (entry.kind === 'run') {
    return entry.error ? (
      <Text size="sm" c="red">
        {entry.error}
      </Text>
    ) : null;
  }
  const { title, body, dueDate, status } = entry.values as Record<string, string | null | undefined>;
  return (
    <Stack gap={2}>
      {title && (
        <Text size="sm" fw={500}>
          {title}
        </Text>
      )}
      {body && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
          {body}
        </Text>
      )}
      {(dueDate || status) && (
        <Group gap="xs">
          {dueDate && (
            <Text size="xs">
              {t('record.timeline.due', {
                date: new Intl.DateTimeFormat(intlLocales(i18n.language), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(new Date(dueDate)),
              })}
            </Text>
          )}
          {status && (
            <Badge size="xs" variant="light">
              {formatValue(
                status,
                props.activities.find((a) => a.kind === entry.kind)?.target.fields.find((f) => f.name === 'status'),
                i18n.language,
                t,
              )}
            </Badge>
          )}
        </Group>
      )}
    </Stack>
  );
}
