import type { Shape } from '../../feature';
import type { listText } from '../../../workspace/list/text';

/** Uzbek strings of the record list (`list.`). */
export const list: Shape<typeof listText.en> = {
  title: 'Yozuvlar',
  notFound: 'Siz oʻqiy oladigan “{{name}}” nomli obyekt yoʻq',
  count: 'Jami: {{count}}',
  empty: 'Mos yozuvlar yoʻq',
  search: 'Qidirish',
  board: 'Doska',
  export: 'CSV eksport',
  exportFailed: 'Eksport amalga oshmadi',
  sortBy: '{{field}} boʻyicha saralash',
  selectAll: 'Yuklangan barcha qatorlarni tanlash',
  select: 'Tanlash: {{title}}',
  rating: '{{value}} / {{max}}',
  filter: { button: 'Filtr', title: 'Quyidagi yozuvlarni koʻrsatish', clear: 'Filtrni tozalash', done: 'Tayyor' },
  columns: { button: 'Ustunlar', onDevice: 'Bu qurilmada koʻrsatiladigan ustunlar', reset: 'Standart ustunlar' },
  bulk: {
    region: 'Tanlangan yozuvlar',
    selected: 'Tanlangan: {{count}}',
    edit: 'Maydonni tahrirlash',
    delete: 'Oʻchirish',
    clear: 'Tanlovni bekor qilish',
    editTitle: 'Tanlangan {{count}} ta yozuvni tahrirlash',
    field: 'Maydon',
    value: 'Yangi qiymat',
    apply: '{{count}} ta yozuvga qoʻllash',
    deleteTitle: 'Tanlangan {{count}} ta yozuv oʻchirilsinmi?',
    deleteText: 'Ular savatga tushadi va u yerdan tiklanishi mumkin.',
    deleteConfirm: '{{count}} tasini oʻchirish',
    deleteRefused: 'Hech narsa oʻchirilmadi. Siz quyidagilarni oʻchira olmaysiz: {{titles}}',
  },
};
