import type { Shape } from '../../feature';
import type { homeText } from '../../../workspace/home/text';

/** Uzbek strings of the home page (`home.`). */
export const home: Shape<typeof homeText.en> = {
  title: 'Bosh sahifa',
  greeting: 'Salom, {{name}}',
  tasks: {
    title: 'Mening vazifalarim',
    description: 'Sizga tegishli, muddati oʻtgan yoki bir hafta ichida tugaydigan ochiq vazifalar.',
    overdue: 'Muddati oʻtgan',
    today: 'Bugun',
    upcoming: 'Keyingi 7 kun',
    empty: 'Muddati oʻtgan yoki shu hafta tugaydigan vazifa yoʻq.',
    groupEmpty: 'Yoʻq',
    dueBy: 'muddat: {{when}}',
    more: 'Vazifalar boʻlimida yana {{count}} ta',
    markDone: '“{{title}}” — bajarildi deb belgilash',
    refused: '“{{title}}” bajarildi deb belgilanmadi: {{message}}',
    count: 'Muddati oʻtgan va bugungi: {{count}}',
  },
  deals: {
    title: 'Mening ochiq bitimlarim',
    description: 'Sizga tegishli, hali yutilmagan yoki yutqazilmagan bitimlar; eng tez yopiladiganlari birinchi.',
    empty: 'Sizda ochiq bitimlar yoʻq.',
    closes: 'yopilishi: {{date}}',
    noCloseDate: 'yopilish sanasi yoʻq',
    more: 'Bitimlar boʻlimida hammasi ({{count}})',
    count: 'Ochiq bitimlar: {{count}}',
  },
  recent: {
    title: 'Yaqinda yangilanganlar',
    description: 'Sizga tegishli yozuvlar, oxirgi oʻzgarish vaqti boʻyicha (kim oʻzgartirganidan qatʼi nazar).',
    empty: 'Sizga tegishli yozuvlar hali yoʻq.',
    count: 'Koʻrsatilgan: {{count}}',
  },
};
