import type { approvalsText } from '../../../workspace/approvals/text';
import type { Shape } from '../../feature';

/** Kazakh: the approvals inbox (`approvals.`). */
export const approvals: Shape<typeof approvalsText.en> = {
  title: 'Келісімдер',
  waiting: 'Келісімді күтуде: {{count}}',
  intro: 'Мұнда процестер сіздің шешіміңізді күтеді. Мақұлдаңыз немесе қабылдамаңыз, қаласаңыз түсініктемемен.',
  showAll: 'Барлығының келісімдері',
  showAllHint: 'Әкімші ретінде сіз күтудегі кез келген келісімді көріп, шеше аласыз',
  empty: 'Сіздің шешіміңізді ештеңе күтпейді.',
  emptyAll: 'Ешбір келісім күтпейді.',
  untitled: '«{{workflow}}» процесіндегі келісім',
  item: 'Келісім: {{title}}',
  workflow: 'Процесс: {{workflow}}',
  step: 'Қадам: {{step}}',
  assignedToYou: 'Сізден сұралды',
  assignedToRole: '{{role}} рөлінен сұралды',
  assignedToOther: 'Басқа пайдаланушыдан сұралды',
  assignedAt: 'Сұралды: {{when}}',
  due: 'Мерзімі: {{when}}',
  overdue: 'Мерзімі өтті',
  noDue: 'Мерзімсіз',
  recordHidden: '{{object}} {{id}} (оқуға рұқсат жоқ)',
  comment: 'Түсініктеме',
  commentHint: 'Міндетті емес; шешіммен бірге сақталады',
  approve: 'Мақұлдау',
  reject: 'Қабылдамау',
  approved: 'Мақұлданды: {{title}}',
  rejected: 'Қабылданбады: {{title}}',
  failed: 'Шешім сақталмады: {{message}}',
  refresh: 'Жаңарту',
  open: 'Келісімді ашу',
};
