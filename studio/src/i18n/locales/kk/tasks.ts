import type { tasksText } from '../../../workspace/tasks/text';
import type { Shape } from '../../feature';

/** Kazakh: the tasks calendar (`tasks.`). */
export const tasks: Shape<typeof tasksText.en> = {
  title: 'Менің тапсырмаларым',
  view: 'Көрініс',
  day: 'Күн',
  week: 'Апта',
  previous: 'Артқа',
  next: 'Алға',
  today: 'Бүгін',
  overdue: 'Мерзімі өткен',
  empty: 'Ашық тапсырмалар жоқ',
  allDay: 'Күні бойы',
  more: 'Тапсырмалар тізімінде тағы {{count}}',
  showAll: 'Барлығын көрсету',
  showLess: 'Жасыру',
};
