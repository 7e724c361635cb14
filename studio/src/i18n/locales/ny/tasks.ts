import type { Shape } from '../../feature';
import type { tasksText } from '../../../workspace/tasks/text';

/** Chichewa (Malawi): the tasks calendar (`tasks.`). */
export const tasks: Shape<typeof tasksText.en> = {
  title: 'Ntchito zanga',
  view: 'Mawonedwe',
  day: 'Tsiku',
  week: 'Sabata',
  previous: 'Zam’mbuyo',
  next: 'Zotsatira',
  today: 'Lero',
  overdue: 'Nthawi yadutsa',
  empty: 'Palibe ntchito zotseguka',
  allDay: 'Tsiku lonse',
  more: 'Zina {{count}} mu mndandanda wa ntchito',
  showAll: 'Onetsani zonse',
  showLess: 'Onetsani zochepa',
};
