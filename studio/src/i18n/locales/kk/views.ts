import type { viewsText } from '../../../workspace/list/views-text';
import type { Shape } from '../../feature';

/** Kazakh: the list's saved views and export menu (`views.`). */
export const views: Shape<typeof viewsText.en> = {
  menu: 'Көрініс: {{name}}',
  menuLabel: 'Сақталған көріністер',
  all: 'Барлық жазбалар',
  mine: 'Менің көріністерім',
  shared: 'Ортақ көріністер',
  sharedBadge: 'ортақ',
  modified: 'өзгертілген',
  save: 'Көріністі сақтау',
  saveAs: 'Жаңа көрініс ретінде сақтау…',
  rename: 'Атын өзгерту…',
  delete: 'Көріністі жою…',
  saved: '«{{name}}» көрінісі сақталды',
  notFound: 'Бұл көрініс енді жоқ немесе ол сізбен бөлісілмеген. Барлық жазбалар көрсетілді.',
  form: {
    createTitle: 'Жаңа көрініс ретінде сақтау',
    renameTitle: 'Көріністің атын өзгерту',
    name: 'Атауы',
    shared: '«{{objects}}» оқи алатындардың бәріне ортақ',
    sharedHint: 'Көріністерді тек әкімшілер бөлісе алады.',
    submit: 'Сақтау',
    cancel: 'Болдырмау',
  },
  remove: {
    title: '«{{name}}» көрінісін жою керек пе?',
    sharedText: 'Ол ортақ: ол барлығынан жоғалады.',
    personalText: 'Тек осы сақталған көрініс жойылады, жазбалар ешқашан жойылмайды.',
    confirm: 'Жою',
  },
  export: { button: 'Экспорт', csv: 'CSV (.csv)', xlsx: 'Excel (.xlsx)' },
};
