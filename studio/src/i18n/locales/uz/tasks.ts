import type { Shape } from '../../feature';
import type { tasksText } from '../../../workspace/tasks/text';

/** Uzbek strings of the tasks calendar (`tasks.`). */
export const tasks: Shape<typeof tasksText.en> = {
  title: 'Mening vazifalarim',
  view: 'Koʻrinish',
  day: 'Kun',
  week: 'Hafta',
  previous: 'Oldingi',
  next: 'Keyingi',
  today: 'Bugun',
  overdue: 'Muddati oʻtgan',
  empty: 'Ochiq vazifalar yoʻq',
  allDay: 'Kun boʻyi',
  more: 'Vazifalar roʻyxatida yana {{count}} ta',
  showAll: 'Hammasini koʻrsatish',
  showLess: 'Kamroq koʻrsatish',
};
