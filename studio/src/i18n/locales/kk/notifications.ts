import type { notificationsText } from '../../../workspace/notifications/text';
import type { Shape } from '../../feature';

/** Kazakh: the header's notification bell (`notifications.`). */
export const notifications: Shape<typeof notificationsText.en> = {
  bell: 'Хабарландырулар',
  bellUnread: 'Хабарландырулар, оқылмаған: {{count}}',
  title: 'Хабарландырулар',
  markAllRead: 'Бәрі оқылды',
  empty: 'Әзірге хабарландырулар жоқ. Еске салғыштар мен процестердің хабарламалары осында пайда болады.',
  unread: 'Оқылмаған',
  open: 'Жазбаны ашу',
};
