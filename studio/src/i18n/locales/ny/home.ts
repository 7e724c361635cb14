import type { Shape } from '../../feature';
import type { homeText } from '../../../workspace/home/text';

/** Chichewa (Malawi): the home screen (`home.`). */
export const home: Shape<typeof homeText.en> = {
  title: 'Poyambira',
  greeting: 'Moni, {{name}}',
  tasks: {
    title: 'Ntchito zanga',
    description: 'Ntchito zanu zotseguka zomwe nthawi yake yadutsa kapena zikuyenera kutha sabata ino.',
    overdue: 'Nthawi yadutsa',
    today: 'Lero',
    upcoming: 'Masiku 7 akubwerawa',
    empty: 'Palibe yomwe nthawi yadutsa kapena ikuyenera kutha sabata ino.',
    groupEmpty: 'Palibe',
    dueBy: 'kutha: {{when}}',
    more: 'Zina {{count}} mu Ntchito',
    markDone: 'Lembani kuti “{{title}}” yatha',
    refused: 'Sizinatheke kulemba kuti “{{title}}” yatha: {{message}}',
    count: 'Nthawi yadutsa ndi za lero: {{count}}',
  },
  deals: {
    title: 'Migwirizano yanga yotseguka',
    description: 'Migwirizano yanu yamalonda yomwe sinapambane kapena kulephera, yoyandikira kutsekedwa poyamba.',
    empty: 'Mulibe migwirizano yamalonda yotseguka.',
    closes: 'idzatsekedwa {{date}}',
    noCloseDate: 'palibe tsiku lotseka',
    more: 'Yonse {{count}} mu Migwirizano yamalonda',
    count: 'Migwirizano yotseguka: {{count}}',
  },
  recent: {
    title: 'Zosinthidwa posachedwa',
    description: 'Zolembedwa zanu, motsatira nthawi yomwe zinasinthidwa komaliza (ndi aliyense).',
    empty: 'Mulibe zolembedwa pakadali pano.',
    count: 'Zowonetsedwa: {{count}}',
  },
};
