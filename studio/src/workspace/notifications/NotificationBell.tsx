import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber, relativeTime } from '../format';
import { useNotifications, type BellNotification } from './use-notifications';

/**
 * The header's bell: the unread count on a badge, and a popover with the newest notifications (title,
 * body, how long ago, a link to the record, or to the approval it asks for) and "mark all read". Opening
 * a notification's link marks it read.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { items, unreadCount, markAllRead, markOneRead } = useNotifications();
  const label = unreadCount > 0 ? t('notifications.bellUnread', { count: unreadCount }) : t('notifications.bell');
  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-end" width={360} shadow="md" withinPortal>
      <Popover.Target>
        <Tooltip label={label} disabled={opened}>
          <Indicator
            label={formatNumber(Math.min(unreadCount, 99), i18n.language) + (unreadCount > 99 ? '+' : '')}
            size={16}
            color="red"
            offset={4}
            disabled={unreadCount === 0}
            data-testid="notification-count"
          >
            <ActionIcon variant="default" size="lg" aria-label={label} aria-expanded={opened} onClick={toggle}>
              <BellIcon />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label={t('notifications.title')} role="dialog">
        <Group justify="space-between" px="sm" py="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            {t('notifications.title')}
          </Text>
          <Button size="compact-xs" variant="subtle" disabled={unreadCount === 0} onClick={() => void markAllRead()}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          {items.length === 0 ? (
            <Text c="dimmed" size="sm" px="sm" pb="sm">
              {t('notifications.empty')}
            </Text>
          ) : (
            <Stack
              gap={0}
              component="ul"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label={t('notifications.title')}
            >
              {items.map((n) => (
                <NotificationRow key={n.id} notification={n} onOpen={() => (close(), void markOneRead(n.id))} />
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationRow({ notification: n, onOpen }: { notification: BellNotification; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const unread = !n.readAt;
  // An approval's request opens the approval (in the inbox), other notifications their record.
  const link = n.approvalId
    ? { to: `/approvals?id=${encodeURIComponent(n.approvalId)}`, hint: t('approvals.open') }
    : n.object && n.recordId
      ? { to: `/o/${n.object}/${n.recordId}`, hint: t('notifications.open') }
      : null;
  const title = link ? (
    <Anchor component={Link} to={link.to} onClick={onOpen} size="sm" fw={unread ? 600 : 400} title={link.hint}>
      {n.title}
    </Anchor>
  ) : (
    <Text size="sm" fw={unread ? 600 : 400}>
      {n.title}
    </Text>
  );
  return (
    <li
      data-unread={unread || undefined}
      style={{
        padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-sm)',
        borderTop: '1px solid var(--mantine-color-default-border)',
        background: unread ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Group gap={6} wrap="nowrap" align="baseline">
        {unread && (
          <Box
            component="span"
            role="img"
            aria-label={t('notifications.unread')}
            w={8}
            h={8}
            style={{ flex: 'none', borderRadius: '50%', background: 'var(--mantine-primary-color-filled)' }}
          />
        )}
        {title}
      </Group>
      {n.body && (
        <Text size="xs" c="dimmed" lineClamp={3}>
          {n.body}
        </Text>
      )}
      <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt, i18n.language)}>
        {relativeTime(n.createdAt, i18n.language)}
      </Text>
    </li>
  );
}

function BellIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
