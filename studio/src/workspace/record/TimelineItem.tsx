import { Badge, Group, Stack, Text, Timeline as MantineTimeline, type TimelineItemProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { localized } from '../../components/localized';
import { intlLocales, relativeTime } from '../format';
import type { WorkspaceField } from '../record-api';
import { formatValue } from './format-value';
import { plainText } from './plain-text';
import type { Person, TimelineEntry } from './timeline-entries';
import { isLogged, selectOptions, taskTypeField, type Activity } from './timeline-query';
import { TimelineIcon, typeGlyph, type TimelineGlyph } from './TimelineIcon';

export type Fields = ReadonlyMap<string, WorkspaceField>;
type ActivityEntry = Extract<TimelineEntry, { kind: 'note' | 'task' }>;

/**
 * One line of the timeline: a bullet, who did what, the details and when. A task shows its type (icon and label,
 * from the options of its `type` select); a done call or email reads "Call logged" / "Email logged".
 */
export function TimelineItem({
  entry,
  fields,
  activities,
  titles,
  ...forwarded
}: {
  entry: TimelineEntry;
  fields: Fields;
  activities: readonly Activity[];
  /** Related records' titles by id: a changed relation reads "from Acme to Globex". */
  titles: ReadonlyMap<string, string>;
  // Mantine's Timeline passes its items their place (align, active) as props: handed on to the item.
} & Omit<TimelineItemProps, 'title' | 'bullet' | 'children'>) {
  const props = { entry, fields, activities, titles };
  const { t, i18n } = useTranslation();
  const look = lookOf(entry, props.activities, i18n.language);
  const who = entry.kind === 'run' ? null : personName(entry.who, t);
  return (
    <MantineTimeline.Item
      {...forwarded}
      bullet={<TimelineIcon glyph={look.glyph} color={look.color} />}
      title={
        <Group gap={6} wrap="wrap">
          {look.logged ? (
            <>
              <Text size="sm" fw={600}>
                {loggedHeadline(entry, look.typeLabel, t)}
              </Text>
              <Text size="sm" c="dimmed">
                · {who}
              </Text>
            </>
          ) : (
            <>
              {who !== null && (
                <Text size="sm" fw={600}>
                  {who}
                </Text>
              )}
              <Text size="sm">{headline(entry, props.fields, t, i18n.language)}</Text>
            </>
          )}
        </Group>
      }
      data-kind={entry.kind}
      data-type={look.type}
      data-logged={look.logged || undefined}
      role="listitem"
    >
      {entry.kind === 'history' && <HistoryDetails entry={entry} fields={props.fields} titles={props.titles} />}
      {entry.kind === 'run' && entry.error && (
        <Text size="sm" c="red">
          {entry.error}
        </Text>
      )}
      {(entry.kind === 'note' || entry.kind === 'task') && (
        <ActivityDetails entry={entry} activities={props.activities} typeLabel={look.typeLabel} color={look.color} />
      )}
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
  );
}

interface Look {
  readonly glyph: TimelineGlyph;
  readonly color: string | undefined;
  /** A task's type value and its label in the reader's language. */
  readonly type: string | undefined;
  readonly typeLabel: string | undefined;
  readonly logged: boolean;
}

function lookOf(entry: TimelineEntry, activities: readonly Activity[], language: string): Look {
  if (entry.kind !== 'task')
    return { glyph: entry.kind, color: undefined, type: undefined, typeLabel: undefined, logged: false };
  const type = typeof entry.values['type'] === 'string' ? entry.values['type'] : undefined;
  const option = selectOptions(taskTypeField(activities.find((a) => a.kind === 'task'))).find((o) => o.value === type);
  const glyph = typeGlyph(type);
  return {
    glyph: glyph ?? 'task',
    color: option?.color,
    type,
    typeLabel: option && type ? localized(option.label, language, type) : type,
    // A to-do that is done is a done task; a call, email or meeting that is done happened: it was logged.
    logged: glyph !== undefined && isLogged(entry.values),
  };
}

function personName(who: Person | null, t: TFunction): string {
  if (!who) return t('record.timeline.system');
  return who.name || who.email || t('record.timeline.unknownUser');
}

function loggedHeadline(entry: TimelineEntry, typeLabel: string | undefined, t: TFunction): string {
  const type = entry.kind === 'task' ? entry.values['type'] : undefined;
  if (type === 'call') return t('record.timeline.loggedCall');
  if (type === 'email') return t('record.timeline.loggedEmail');
  return t('record.timeline.logged', { type: typeLabel ?? '' });
}

function headline(entry: TimelineEntry, fields: Fields, t: TFunction, language: string): string {
  switch (entry.kind) {
    case 'history':
      return t('record.timeline.changed', { field: fields.get(entry.field)?.label ?? entry.field });
    case 'note':
      return t('record.timeline.note');
    case 'task':
      return t('record.timeline.task');
    case 'run':
      return t('record.timeline.run', {
        name: localized(entry.label, language, entry.workflow),
        status: t(`record.workflows.statuses.${entry.status}`),
      });
  }
}

function HistoryDetails(props: {
  entry: Extract<TimelineEntry, { kind: 'history' }>;
  fields: Fields;
  titles: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const field = props.fields.get(props.entry.field);
  const shown = (value: unknown) =>
    formatValue(typeof value === 'string' ? (props.titles.get(value) ?? value) : value, field, i18n.language, t);
  return (
    <Text size="sm" c="dimmed">
      {t('record.timeline.fromTo', { from: shown(props.entry.oldValue), to: shown(props.entry.newValue) })}
    </Text>
  );
}

function ActivityDetails(props: {
  entry: ActivityEntry;
  activities: readonly Activity[];
  typeLabel: string | undefined;
  color: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { title, body, description, dueDate, status } = props.entry.values as Record<string, string | null | undefined>;
  const logged = props.entry.kind === 'task' && isLogged(props.entry.values);
  const text = body ? plainText(body) : description;
  const statusField = props.activities
    .find((a) => a.kind === props.entry.kind)
    ?.target.fields.find((f) => f.name === 'status');
  return (
    <Stack gap={2}>
      {title && (
        <Text size="sm" fw={500}>
          {title}
        </Text>
      )}
      {text && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
          {text}
        </Text>
      )}
      {(props.typeLabel || (dueDate && !logged) || status) && (
        <Group gap="xs">
          {props.typeLabel && (
            <Badge size="xs" variant="light" color={props.color ?? 'gray'} data-testid="task-type">
              {props.typeLabel}
            </Badge>
          )}
          {dueDate && !logged && (
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
            <Badge size="xs" variant="outline" color="gray">
              {formatValue(status, statusField, i18n.language, t)}
            </Badge>
          )}
        </Group>
      )}
    </Stack>
  );
}
