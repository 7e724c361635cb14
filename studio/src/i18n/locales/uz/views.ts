import type { Shape } from '../../feature';
import type { viewsText } from '../../../workspace/list/views-text';

/** Uzbek strings of the list's saved views and export menu (`views.`). */
export const views: Shape<typeof viewsText.en> = {
  menu: 'Koʻrinish: {{name}}',
  menuLabel: 'Saqlangan koʻrinishlar',
  all: 'Barcha yozuvlar',
  mine: 'Mening koʻrinishlarim',
  shared: 'Umumiy koʻrinishlar',
  sharedBadge: 'umumiy',
  modified: 'oʻzgartirilgan',
  save: 'Koʻrinishni saqlash',
  saveAs: 'Yangi koʻrinish sifatida saqlash…',
  rename: 'Nomini oʻzgartirish…',
  delete: 'Koʻrinishni oʻchirish…',
  saved: '“{{name}}” koʻrinishi saqlandi',
  notFound: 'Bu koʻrinish endi mavjud emas yoki siz bilan ulashilmagan. Barcha yozuvlar koʻrsatilmoqda.',
  form: {
    createTitle: 'Yangi koʻrinish sifatida saqlash',
    renameTitle: 'Koʻrinish nomini oʻzgartirish',
    name: 'Nom',
    shared: '{{objects}}ni oʻqiy oladigan hamma bilan ulashish',
    sharedHint: 'Koʻrinishlarni faqat administratorlar ulasha oladi.',
    submit: 'Saqlash',
    cancel: 'Bekor qilish',
  },
  remove: {
    title: '“{{name}}” koʻrinishi oʻchirilsinmi?',
    sharedText: 'U umumiy: hamma uchun yoʻqoladi.',
    personalText: 'Faqat shu saqlangan koʻrinish oʻchiriladi, yozuvlar hech qachon oʻchirilmaydi.',
    confirm: 'Oʻchirish',
  },
  export: { button: 'Eksport', csv: 'CSV (.csv)', xlsx: 'Excel (.xlsx)' },
};
