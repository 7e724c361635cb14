import type { Shape } from '../../feature';
import type { notificationsText } from '../../../workspace/notifications/text';

/** Chichewa (Malawi): the header's notification bell (`notifications.`). */
export const notifications: Shape<typeof notificationsText.en> = {
  bell: 'Zidziwitso',
  bellUnread: 'Zidziwitso, zosawerengedwa: {{count}}',
  title: 'Zidziwitso',
  markAllRead: 'Lembani zonse kuti zawerengedwa',
  empty: 'Palibe zidziwitso pakadali pano. Zokumbutsa ndi mauthenga a ndondomeko zimawonekera apa.',
  unread: 'Zosawerengedwa',
  open: 'Tsegulani cholembedwa',
};
