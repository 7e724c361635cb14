import { notifications as toasts } from '@mantine/notifications';
import { useCallback, useEffect, useRef } from 'react';
import { useMutation, useQuery } from 'urql';
import { MarkNotificationsReadDocument, MyNotificationsDocument } from './documents';

/** How often the bell asks the server (and again whenever the tab comes back into view). */
export const POLL_MS = 30_000;
const PAGE = 20;

export interface BellNotification {
  readonly id: string;
  readonly title: string;
  readonly body?: string | null;
  readonly object?: string | null;
  readonly recordId?: string | null;
  /** An approval step's request: the notification opens the approval. */
  readonly approvalId?: string | null;
  readonly createdAt: string;
  readonly readAt?: string | null;
}

/**
 * The signed-in user's notifications for the header bell: the newest page and the unread count, re-read
 * from the server every 30 s (network-only, so a poll never answers from the cache) and when the window
 * regains focus. Each notification that arrived since the previous answer is also shown as a toast; the
 * first answer only sets what has been seen, so opening the studio does not replay old ones.
 */
export function useNotifications() {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyNotificationsDocument,
    variables: { first: PAGE },
    requestPolicy: 'network-only',
  });
  const [, markRead] = useMutation(MarkNotificationsReadDocument);
  const seen = useRef<Set<string> | null>(null);
  const poll = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  useEffect(() => {
    const timer = window.setInterval(poll, POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && poll();
    window.addEventListener('focus', poll);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', poll);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [poll]);

  const items: readonly BellNotification[] = data?.myNotifications.nodes ?? [];
  useEffect(() => {
    if (!data) return;
    const known = seen.current;
    seen.current = new Set(items.map((n) => n.id));
    if (!known) return;
    // Oldest first, so a burst of reminders stacks in the order they were sent.
    for (const n of [...items].reverse()) {
      if (known.has(n.id) || n.readAt) continue;
      toasts.show({ id: `notification-${n.id}`, title: n.title, message: n.body ?? '', autoClose: 8000 });
    }
  }, [data, items]);

  const markAllRead = useCallback(async () => {
    await markRead({ all: true });
    poll();
  }, [markRead, poll]);
  const markOneRead = useCallback(
    async (id: string) => {
      await markRead({ ids: [id] });
      poll();
    },
    [markRead, poll],
  );

  return {
    items,
    unreadCount: data?.myNotifications.unreadCount ?? 0,
    fetching,
    error,
    markAllRead,
    markOneRead,
  };
}
