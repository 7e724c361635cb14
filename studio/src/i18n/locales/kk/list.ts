import type { listText } from '../../../workspace/list/text';
import type { Shape } from '../../feature';

/** Kazakh: the record list (`list.`). */
export const list: Shape<typeof listText.en> = {
  title: 'Жазбалар',
  notFound: 'Сіз оқи алатын «{{name}}» атты нысан жоқ',
  count: 'Барлығы: {{count}}',
  empty: 'Сәйкес жазбалар жоқ',
  search: 'Іздеу',
  board: 'Тақта',
  export: 'CSV-ге экспорттау',
  exportFailed: 'Экспорттау сәтсіз аяқталды',
  sortBy: '«{{field}}» өрісі бойынша сұрыптау',
  selectAll: 'Жүктелген барлық жолды таңдау',
  select: '«{{title}}» таңдау',
  rating: '{{value}} / {{max}}',
  filter: { button: 'Сүзгі', title: 'Мына жазбаларды көрсету:', clear: 'Сүзгіні тазалау', done: 'Дайын' },
  columns: { button: 'Бағандар', onDevice: 'Осы құрылғыдағы бағандар', reset: 'Әдепкі бағандар' },
  bulk: {
    region: 'Таңдалған жазбалар',
    selected: 'Таңдалды: {{count}}',
    edit: 'Өрісті өзгерту',
    delete: 'Жою',
    clear: 'Таңдауды алып тастау',
    editTitle: 'Таңдалған жазбаларды өзгерту ({{count}})',
    field: 'Өріс',
    value: 'Жаңа мән',
    apply: 'Жазбаларға қолдану: {{count}}',
    deleteTitle: 'Таңдалған жазбаларды жою керек пе ({{count}})?',
    deleteText: 'Олар себетке түседі, оларды сол жерден қалпына келтіруге болады.',
    deleteConfirm: 'Жою ({{count}})',
    deleteRefused: 'Ештеңе жойылмады. Сіз мыналарды жоя алмайсыз: {{titles}}',
  },
};
