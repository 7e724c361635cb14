import { Alert, Button, Group, Paper, SegmentedControl, SimpleGrid, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { MeDocument } from '../../shell/me-document';
import { formatDay } from '../format';
import {
  calendarDays,
  calendarTasksQuery,
  calendarVariables,
  sameDay,
  shiftAnchor,
  taskSelection,
  type CalendarView,
  type TaskGroup,
} from '../home/home-queries';
import { TaskRow, type TaskItem } from '../home/TaskRow';
import { useTaskList } from '../home/use-task-list';
import { taskShape, type TaskShape } from '../home/work-objects';
import type { WorkspaceObject } from '../record-api';
import { useWorkspaceModel } from '../use-workspace-model';

/** Tasks read per list: a person's week of open tasks fits; beyond it the tasks list has them all. */
const PER_LIST = 200;
/** A folded list's height before "Show all": about eight rows. */
const FOLDED_HEIGHT = 230;

/** "My tasks": my open tasks by day or by week, the overdue ones on top, each with a checkbox that marks it done. */
export default function TasksPage() {
  const { t } = useTranslation();
  const [{ data: meData, fetching: meFetching, error: meError }] = useQuery({ query: MeDocument });
  const { model, fetching, error } = useWorkspaceModel();
  const shape = useMemo(() => (model ? taskShape(model) : null), [model]);
  const me = meData?.me;
  return (
    <Stack gap="md">
      <PageTitle text={t('tasks.title')} />
      {!model || !me ? (
        <QueryState fetching={fetching || meFetching} error={error ?? meError} />
      ) : shape ? (
        <TaskCalendar shape={shape} me={me.id} objects={model.objects} />
      ) : (
        <Text>{t('tasks.empty')}</Text>
      )}
    </Stack>
  );
}

function TaskCalendar({ shape, me, objects }: { shape: TaskShape; me: string; objects: readonly WorkspaceObject[] }) {
  const { t, i18n } = useTranslation();
  // "Today" is the day the page was opened: the overdue line does not move under the user's hands at midnight.
  const now = useMemo(() => new Date(), []);
  const [view, setView] = useState<CalendarView>('day');
  const [anchor, setAnchor] = useState(now);
  const days = useMemo(() => calendarDays(view, anchor), [view, anchor]);
  const query = useMemo(() => calendarTasksQuery(shape, taskSelection(shape, objects)), [shape, objects]);
  const variables = useMemo(() => calendarVariables(shape, me, days, now, PER_LIST), [shape, me, days, now]);
  const { data, fetching, error, items, markDone, marking, refusal, dismissRefusal } = useTaskList<'overdue' | 'range'>(
    shape,
    query,
    variables,
  );
  const row =
    (group: TaskGroup, wrapTitle = false) =>
    (task: TaskItem) => (
      <TaskRow
        key={task.id}
        task={task}
        group={group}
        object={shape.object.name}
        now={now}
        marking={marking === task.id}
        onDone={() => void markDone(task)}
        wrapTitle={wrapTitle}
      />
    );
  const overdue = items('overdue');
  const inRange = items('range');
  const language = i18n.language;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label={t('tasks.view')}
          value={view}
          onChange={(v) => setView(v as CalendarView)}
          data={[
            { value: 'day', label: t('tasks.day') },
            { value: 'week', label: t('tasks.week') },
          ]}
        />
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={() => setAnchor(shiftAnchor(view, anchor, -1))}>
            {t('tasks.previous')}
          </Button>
          <Button variant="default" onClick={() => setAnchor(now)}>
            {t('tasks.today')}
          </Button>
          <Button variant="default" onClick={() => setAnchor(shiftAnchor(view, anchor, 1))}>
            {t('tasks.next')}
          </Button>
        </Group>
      </Group>
      <Text fw={500} data-testid="calendar-range">
        {view === 'day'
          ? formatDay(days[0]!, language, true)
          : `${formatDay(days[0]!, language)} – ${formatDay(days[days.length - 1]!, language)}`}
      </Text>
      {refusal && (
        <Alert color="red" role="alert" withCloseButton onClose={dismissRefusal}>
          {t('home.tasks.refused', refusal)}
        </Alert>
      )}
      {!data ? (
        <QueryState fetching={fetching} error={error} />
      ) : (
        <>
          {overdue.length > 0 && (
            <TaskList title={t('tasks.overdue')} danger fold total={data.overdue.totalCount}>
              {overdue.map(row('overdue'))}
            </TaskList>
          )}
          {view === 'day' ? (
            <TaskList title={formatDay(days[0]!, language)} total={data.range.totalCount}>
              {inRange.map(row('today'))}
            </TaskList>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 7 }} spacing="xs" verticalSpacing="xs">
              {days.map((day) => {
                const tasks = inRange.filter((task) => task.due && sameDay(task.due, day));
                return (
                  <TaskList key={day.getTime()} title={formatDay(day, language)} total={tasks.length} compact>
                    {tasks.map(row('today', true))}
                  </TaskList>
                );
              })}
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}

/**
 * A titled group of task rows — a day, or the overdue ones in red — as a region named by its title. A `fold`ed
 * list shows its first rows and a "Show all" button, so that a long overdue list leaves the day or week in sight.
 */
function TaskList({
  title,
  total,
  danger = false,
  compact = false,
  fold = false,
  children,
}: {
  title: string;
  total: number;
  danger?: boolean;
  compact?: boolean;
  fold?: boolean;
  children: ReactNode[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const rows = (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      p={compact ? 'xs' : 'sm'}
      style={danger ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Title order={2} size="h6" id={id} mb={6} c={danger ? 'red' : undefined}>
        {title}
      </Title>
      {children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.empty')}
        </Text>
      ) : fold ? (
        <Spoiler maxHeight={FOLDED_HEIGHT} showLabel={t('tasks.showAll')} hideLabel={t('tasks.showLess')}>
          {rows}
        </Spoiler>
      ) : (
        rows
      )}
      {total > children.length && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('tasks.more', { count: total - children.length })}
        </Text>
      )}
    </Paper>
  );
}
