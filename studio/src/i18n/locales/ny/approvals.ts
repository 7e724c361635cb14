import type { approvalsText } from '../../../workspace/approvals/text';
import type { Shape } from '../../feature';

/** Chichewa (Malawi): the approvals inbox (`approvals.`). */
export const approvals: Shape<typeof approvalsText.en> = {
  title: 'Zovomereza',
  waiting: 'Zodikira kuvomerezedwa: {{count}}',
  intro: 'Apa ndondomeko zikudikira chigamulo chanu. Vomerezani kapena kanani, ndi ndemanga ngati mukufuna.',
  showAll: 'Zovomereza za aliyense',
  showAllHint: 'Monga woyang’anira mumaona, ndipo mungagamule, chovomereza chilichonse chodikira',
  empty: 'Palibe chomwe chikudikira chigamulo chanu.',
  emptyAll: 'Palibe chovomereza chodikira.',
  untitled: 'Chovomereza mu {{workflow}}',
  item: 'Chovomereza: {{title}}',
  workflow: 'Ndondomeko: {{workflow}}',
  step: 'Gawo: {{step}}',
  assignedToYou: 'Mwafunsidwa inu',
  assignedToRole: 'Afunsidwa a udindo {{role}}',
  assignedToOther: 'Wafunsidwa wogwiritsa ntchito wina',
  assignedAt: 'Anafunsidwa {{when}}',
  due: 'Tsiku lomaliza: {{when}}',
  overdue: 'Nthawi yatha',
  noDue: 'Palibe tsiku lomaliza',
  recordHidden: '{{object}} {{id}} (simuloledwa kuiwerenga)',
  comment: 'Ndemanga',
  commentHint: 'Mwakufuna; imasungidwa ndi chigamulo',
  approve: 'Vomerezani',
  reject: 'Kanani',
  approved: 'Zavomerezedwa: {{title}}',
  rejected: 'Zakanidwa: {{title}}',
  failed: 'Chigamulo sichinasungidwe: {{message}}',
  refresh: 'Tsitsimutsani',
  open: 'Tsegulani chovomereza',
};
