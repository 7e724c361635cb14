import { Anchor, Badge, Checkbox, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { daysOverdue, type TaskGroup } from './home-queries';
import { relativeDays } from '../format';
import { formatSoon, formatTime } from './format';

export interface TaskItem {
  readonly id: string;
  readonly title: string;
  readonly due: string | null;
}

/**
 * One task: a checkbox that marks it done, its title linking to the task, and when it is due — overdue ones
 * with a red badge saying how many days ago.
 */
export function TaskRow({
  task,
  group,
  object,
  now,
  marking,
  onDone,
  wrapTitle = false,
}: {
  task: TaskItem;
  group: TaskGroup;
  object: string;
  now: Date;
  marking: boolean;
  onDone: () => void;
  /** Wrap a long title rather than cut it short (the narrow columns of the tasks calendar's week). */
  wrapTitle?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  let due: ReactNode = null;
  if (task.due && group === 'overdue') {
    due = (
      <Badge color="red" variant="filled" data-testid="overdue-days" style={{ flexShrink: 0 }}>
        {t('home.tasks.dueBy', { when: relativeDays(-daysOverdue(task.due, now), language) })}
      </Badge>
    );
  } else if (task.due) {
    due = (
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {group === 'today' && task.due.length > 10 ? formatTime(task.due, language) : formatSoon(task.due, language)}
      </Text>
    );
  }
  return (
    // On a phone the due date goes under the title rather than squeezing it to a few letters.
    <Group component="li" justify="space-between" wrap="wrap" gap="sm" style={{ rowGap: 2 }} data-task={task.id}>
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 14rem' }}>
        <Checkbox
          aria-label={t('home.tasks.markDone', { title: task.title })}
          checked={marking}
          disabled={marking}
          onChange={onDone}
        />
        <Anchor
          component={Link}
          to={`/o/${object}/${task.id}`}
          size="sm"
          truncate={wrapTitle ? undefined : 'end'}
          style={wrapTitle ? { overflowWrap: 'anywhere' } : undefined}
        >
          {task.title}
        </Anchor>
      </Group>
      <Group ml="auto">{due}</Group>
    </Group>
  );
}
