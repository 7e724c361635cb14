import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import type { WorkspaceObject } from '../record-api';
import { HomeCard } from './HomeCard';
import { dayBounds, myTasksQuery, TASK_GROUPS, taskVariables, taskSelection, type TaskGroup } from './home-queries';
import { TaskRow, type TaskItem } from './TaskRow';
import { useTaskList } from './use-task-list';
import type { TaskShape } from './work-objects';

/** Tasks listed per group; the rest are counted and a link leads to the tasks list. */
const PER_GROUP = 8;

/** "My tasks": my open tasks, Overdue / Today / Next 7 days, each with a checkbox that marks it done. */
export function MyTasksCard({
  shape,
  me,
  objects,
}: {
  shape: TaskShape;
  me: string;
  objects: readonly WorkspaceObject[];
}) {
  const { t } = useTranslation();
  // The day the page was opened: the groups do not shift under the user's hands at midnight.
  const now = useMemo(() => new Date(), []);
  const query = useMemo(() => myTasksQuery(shape, taskSelection(shape, objects)), [shape, objects]);
  const variables = useMemo(() => taskVariables(shape, me, dayBounds(now), PER_GROUP), [shape, me, now]);
  const { data, fetching, error, items, total, markDone, marking, refusal, dismissRefusal } = useTaskList<TaskGroup>(
    shape,
    query,
    variables,
  );
  const pressing = total('overdue') + total('today');

  return (
    <HomeCard
      title={t('home.tasks.title')}
      description={t('home.tasks.description')}
      count={data ? pressing : undefined}
      countLabel={t('home.tasks.count', { count: pressing })}
    >
      {refusal && (
        <Alert color="red" role="alert" mb="sm" withCloseButton onClose={dismissRefusal}>
          {t('home.tasks.refused', refusal)}
        </Alert>
      )}
      {!data ? (
        <QueryState fetching={fetching} error={error} />
      ) : TASK_GROUPS.every((g) => total(g) === 0) ? (
        <Text size="sm">{t('home.tasks.empty')}</Text>
      ) : (
        <Stack gap="md">
          {TASK_GROUPS.map((group) => (
            <TaskGroupList
              key={group}
              group={group}
              tasks={items(group)}
              total={total(group)}
              object={shape.object}
              render={(task) => (
                <TaskRow
                  key={task.id}
                  task={task}
                  group={group}
                  object={shape.object.name}
                  now={now}
                  marking={marking === task.id}
                  onDone={() => void markDone(task)}
                />
              )}
            />
          ))}
        </Stack>
      )}
    </HomeCard>
  );
}

function TaskGroupList({
  group,
  tasks,
  total,
  object,
  render,
}: {
  group: TaskGroup;
  tasks: TaskItem[];
  total: number;
  object: WorkspaceObject;
  render: (task: TaskItem) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const label = t(`home.tasks.${group}`);
  return (
    <div>
      <Group gap="xs" mb={6}>
        <Title order={4} size="h6" id={id} c={group === 'overdue' && total > 0 ? 'red' : undefined}>
          {label}
        </Title>
        <Badge
          size="sm"
          variant={group === 'overdue' && total > 0 ? 'filled' : 'light'}
          color={group === 'overdue' && total > 0 ? 'red' : 'gray'}
          data-testid={`${group}-count`}
        >
          {total}
        </Badge>
      </Group>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.tasks.groupEmpty')}
        </Text>
      ) : (
        <Stack component="ul" gap={6} aria-labelledby={id} m={0} p={0} style={{ listStyle: 'none' }}>
          {tasks.map(render)}
        </Stack>
      )}
      {total > tasks.length && (
        <Anchor component={Link} to={`/o/${object.name}`} size="sm" mt={4} display="inline-block">
          {t('home.tasks.more', { count: total - tasks.length })}
        </Anchor>
      )}
    </div>
  );
}
