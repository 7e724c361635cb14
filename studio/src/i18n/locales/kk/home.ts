import type { homeText } from '../../../workspace/home/text';
import type { Shape } from '../../feature';

/** Kazakh: the home screen (`home.`). */
export const home: Shape<typeof homeText.en> = {
  title: 'Басты бет',
  greeting: 'Сәлеметсіз бе, {{name}}',
  tasks: {
    title: 'Менің тапсырмаларым',
    description: 'Мерзімі өткен немесе бір апта ішінде орындалуы тиіс ашық тапсырмаларыңыз.',
    overdue: 'Мерзімі өткен',
    today: 'Бүгін',
    upcoming: 'Алдағы 7 күн',
    empty: 'Мерзімі өткен де, осы аптаға белгіленген де тапсырма жоқ.',
    groupEmpty: 'Жоқ',
    dueBy: 'мерзімі: {{when}}',
    more: '«Тапсырмалар» бөлімінде тағы {{count}}',
    markDone: '«{{title}}» орындалды деп белгілеу',
    refused: '«{{title}}» орындалды деп белгілеу мүмкін болмады: {{message}}',
    count: 'Мерзімі өткен және бүгінгі: {{count}}',
  },
  deals: {
    title: 'Менің ашық мәмілелерім',
    description: 'Әлі сәтті не сәтсіз аяқталмаған мәмілелеріңіз; жабылуы жақындары бірінші.',
    empty: 'Сізде ашық мәмілелер жоқ.',
    closes: 'жабылуы: {{date}}',
    noCloseDate: 'жабылу күні жоқ',
    more: '«Мәмілелер» бөлімінде барлығы {{count}}',
    count: 'Ашық мәмілелер: {{count}}',
  },
  recent: {
    title: 'Жақында өзгертілгендер',
    description: 'Сіздің жазбаларыңыз, соңғы өзгерген уақыты бойынша (кім өзгертсе де).',
    empty: 'Әзірге сіздің жазбаларыңыз жоқ.',
    count: 'Көрсетілген: {{count}}',
  },
};
