import type { Shape } from '../../feature';
import type { viewsText } from '../../../workspace/list/views-text';

/** Chichewa (Malawi): a list's saved views and export menu (`views.`). */
export const views: Shape<typeof viewsText.en> = {
  menu: 'Mawonedwe: {{name}}',
  menuLabel: 'Mawonedwe osungidwa',
  all: 'Zolembedwa zonse',
  mine: 'Mawonedwe anga',
  shared: 'Mawonedwe ogawana',
  sharedBadge: 'ogawana',
  modified: 'osinthidwa',
  save: 'Sungani mawonedwe',
  saveAs: 'Sungani ngati mawonedwe atsopano…',
  rename: 'Sinthani dzina…',
  delete: 'Chotsani mawonedwe…',
  saved: 'Mawonedwe “{{name}}” asungidwa',
  notFound: 'Mawonedwe awa kulibenso, kapena sanagawidwe kwa inu. Zolembedwa zonse zikuwonetsedwa.',
  form: {
    createTitle: 'Sungani ngati mawonedwe atsopano',
    renameTitle: 'Sinthani dzina la mawonedwe',
    name: 'Dzina',
    shared: 'Ogawana ndi aliyense amene angawerenge {{objects}}',
    sharedHint: 'Oyang’anira okha ndi amene angagawane mawonedwe.',
    submit: 'Sungani',
    cancel: 'Siyani',
  },
  remove: {
    title: 'Chotsani mawonedwe “{{name}}”?',
    sharedText: 'Ndi ogawana: adzazimiririka kwa aliyense.',
    personalText: 'Mawonedwe osungidwa awa okha ndi amene achotsedwa, osati zolembedwa.',
    confirm: 'Chotsani',
  },
  export: {
    button: 'Tumizani kunja',
    csv: 'CSV (.csv)',
    xlsx: 'Excel (.xlsx)',
  },
};
