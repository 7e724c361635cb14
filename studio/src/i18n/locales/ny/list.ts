import type { Shape } from '../../feature';
import type { listText } from '../../../workspace/list/text';

/** Chichewa (Malawi): a list of records (`list.`). */
export const list: Shape<typeof listText.en> = {
  title: 'Zolembedwa',
  notFound: 'Palibe chinthu chotchedwa “{{name}}” chomwe mungathe kuwerenga',
  count: 'Zonse: {{count}}',
  empty: 'Palibe zolembedwa zofanana',
  search: 'Sakani',
  board: 'Bolodi',
  export: 'Tumizani CSV',
  exportFailed: 'Kutumiza kunja kwalephera',
  sortBy: 'Sanjani motsatira {{field}}',
  selectAll: 'Sankhani mizere yonse yotsegulidwa',
  select: 'Sankhani {{title}}',
  rating: '{{value}} mwa {{max}}',
  filter: {
    button: 'Sefa',
    title: 'Onetsani zolembedwa zomwe',
    clear: 'Chotsani sefa',
    done: 'Zatha',
  },
  columns: {
    button: 'Mizati',
    onDevice: 'Mizati yowonetsedwa pa chipangizo ichi',
    reset: 'Mizati yoyambira',
  },
  bulk: {
    region: 'Zolembedwa zosankhidwa',
    selected: 'Zosankhidwa: {{count}}',
    edit: 'Sinthani gawo',
    delete: 'Chotsani',
    clear: 'Chotsani zosankha',
    editTitle: 'Sinthani zolembedwa {{count}} zosankhidwa',
    field: 'Gawo',
    value: 'Mtengo watsopano',
    apply: 'Ikani pa zolembedwa {{count}}',
    deleteTitle: 'Chotsani zolembedwa {{count}} zosankhidwa?',
    deleteText: 'Zimapita ku zinyalala ndipo zingathe kubwezeretsedwa kuchokera kumeneko.',
    deleteConfirm: 'Chotsani {{count}}',
    deleteRefused: 'Palibe chomwe chachotsedwa. Simungachotse: {{titles}}',
  },
};
