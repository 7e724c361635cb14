import { featureText } from '../../i18n/feature';

/** The strings of the header's notification bell, mounted under `notifications.` */
export const notificationsText = featureText({
  en: {
    bell: 'Notifications',
    bellUnread: 'Notifications, unread: {{count}}',
    title: 'Notifications',
    markAllRead: 'Mark all read',
    empty: 'No notifications yet. Reminders and workflow messages appear here.',
    unread: 'Unread',
    open: 'Open the record',
  },
  ru: {
    bell: 'Уведомления',
    bellUnread: 'Уведомления, непрочитанных: {{count}}',
    title: 'Уведомления',
    markAllRead: 'Прочитать все',
    empty: 'Уведомлений пока нет. Здесь появятся напоминания и сообщения процессов.',
    unread: 'Не прочитано',
    open: 'Открыть запись',
  },
  ka: {
    bell: 'შეტყობინებები',
    bellUnread: 'შეტყობინებები, წაუკითხავი: {{count}}',
    title: 'შეტყობინებები',
    markAllRead: 'ყველას წაკითხულად მონიშვნა',
    empty: 'შეტყობინებები ჯერ არ არის. აქ გამოჩნდება შეხსენებები და პროცესების შეტყობინებები.',
    unread: 'წაუკითხავი',
    open: 'ჩანაწერის გახსნა',
  },
});
