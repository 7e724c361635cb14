import type { Shape } from '../../feature';
import type { notificationsText } from '../../../workspace/notifications/text';

/** Uzbek strings of the header's notification bell (`notifications.`). */
export const notifications: Shape<typeof notificationsText.en> = {
  bell: 'Bildirishnomalar',
  bellUnread: 'Bildirishnomalar, oʻqilmagan: {{count}}',
  title: 'Bildirishnomalar',
  markAllRead: 'Hammasi oʻqildi',
  empty: 'Hali bildirishnomalar yoʻq. Eslatmalar va biznes-jarayon xabarlari shu yerda chiqadi.',
  unread: 'Oʻqilmagan',
  open: 'Yozuvni ochish',
};
