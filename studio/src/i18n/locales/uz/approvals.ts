import type { approvalsText } from '../../../workspace/approvals/text';
import type { Shape } from '../../feature';

/** Uzbek: the approvals inbox (`approvals.`). */
export const approvals: Shape<typeof approvalsText.en> = {
  title: 'Tasdiqlashlar',
  waiting: 'Tasdiq kutmoqda: {{count}}',
  intro: 'Bu yerda jarayonlar sizning qaroringizni kutadi. Tasdiqlang yoki rad eting, xohlasangiz izoh bilan.',
  showAll: 'Hammaning tasdiqlashlari',
  showAllHint: 'Administrator sifatida kutilayotgan har qanday tasdiqlashni koʻrasiz va hal qila olasiz',
  empty: 'Sizning qaroringizni hech narsa kutmayapti.',
  emptyAll: 'Hech qanday tasdiqlash kutmayapti.',
  untitled: '“{{workflow}}” jarayonidagi tasdiqlash',
  item: 'Tasdiqlash: {{title}}',
  workflow: 'Jarayon: {{workflow}}',
  step: 'Qadam: {{step}}',
  assignedToYou: 'Sizdan soʻralgan',
  assignedToRole: '{{role}} rolidan soʻralgan',
  assignedToOther: 'Boshqa foydalanuvchidan soʻralgan',
  assignedAt: 'Soʻralgan: {{when}}',
  due: 'Muddat: {{when}}',
  overdue: 'Muddati oʻtgan',
  noDue: 'Muddatsiz',
  recordHidden: '{{object}} {{id}} (koʻrishga ruxsat yoʻq)',
  comment: 'Izoh',
  commentHint: 'Ixtiyoriy; qaror bilan birga saqlanadi',
  approve: 'Tasdiqlash',
  reject: 'Rad etish',
  approved: 'Tasdiqlandi: {{title}}',
  rejected: 'Rad etildi: {{title}}',
  failed: 'Qaror saqlanmadi: {{message}}',
  refresh: 'Yangilash',
  open: 'Tasdiqlashni ochish',
};
