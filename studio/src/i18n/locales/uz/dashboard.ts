import type { Shape } from '../../feature';
import type { dashboardText } from '../../../workspace/dashboard/text';

/** Uzbek strings of the dashboard (`dashboard.`). */
export const dashboard: Shape<typeof dashboardText.en> = {
  title: 'Dashbord',
  nothing: 'Hozircha diagramma uchun maʼlumot yoʻq: siz oʻqiy oladigan, voronkasi va summasi bor obyekt yoʻq.',
  filters: {
    label: 'Dashbord filtrlari',
    object: 'Voronka',
    period: 'Davr',
    month: 'Shu oy',
    quarter: 'Shu chorak',
    year: 'Shu yil',
    all: 'Butun davr',
    owner: 'Masʼul',
    me: 'Meniki',
    everyone: 'Men koʻra oladigan hamma',
    note: 'Davrda yaratilgan yozuvlar; yutilgan yozuvlar — {{date}} boʻyicha; bosqichdagi vaqt — shu davrda tugagan boʻlishlar boʻyicha.',
  },
  figures: '“{{title}}” koʻrsatkichlari',
  empty: 'Bu davrda hech narsa yoʻq.',
  count: 'Yozuvlar',
  share: 'Ulush',
  month: 'Oy',
  stage: 'Bosqich',
  none: 'Qiymat yoʻq',
  funnel: {
    title: 'Voronka konversiyasi',
    description:
      '{{objects}}dan har bir bosqichga nechtasi yetib kelgani — hozir shu bosqichda, keyingi bosqichda yoki yutilgan — va oldingi bosqichga nisbatan ulushi. Yutqazilganlar hisobga olinmaydi: ular qaysi bosqichda yutqazilgani saqlanmaydi.',
    reached: 'Yetib kelgan',
    current: 'Hozir shu yerda',
    ofPrevious: 'Oldingi bosqichdan',
  },
  value: {
    title: 'Bosqichlar boʻyicha voronka qiymati',
    description:
      'Ochiq {{objects}}: har bir bosqich boʻyicha {{field}} yigʻindisi va bosqich ehtimolligi bilan vaznlangani.',
    currency: 'Valyuta',
    sum: 'Summa',
    weighted: 'Vaznli',
    probability: 'Ehtimollik',
  },
  plan: {
    title: 'Yutilganlar va savdo rejasi',
    description:
      'Yutilgan {{field}} ({{date}} boʻyicha oyma-oy), har bir masʼulning rahbari (uning jamoasi rahbari) boʻyicha jamlanib, reja bilan solishtirilgan.',
    manager: 'Rahbar',
    allManagers: 'Barcha rahbarlar',
    won: 'Yutilgan',
    plan: 'Reja',
    attainment: 'Rejadan',
    noPlanObject: 'Siz oʻqiy oladigan savdo rejasi yoʻq: faqat yutilgan summalar.',
    noDate: '{{objects}}da yutilgan yozuvni oyga joylash uchun sana maydoni yoʻq.',
    unknown: 'Nomaʼlum shaxs',
    nobody: 'Masʼul yoʻq',
  },
  sources: {
    title: '{{objects}} manbalar boʻyicha',
    description: 'Har bir {{field}} boʻyicha {{objects}} soni.',
  },
  durations: {
    title: 'Bosqichdagi oʻrtacha vaqt',
    description:
      '{{objects}} keyingi bosqichga oʻtishdan oldin har bir bosqichda qancha turgani, maydon tarixi boʻyicha. Bosqich undan chiqilgandan keyin hisoblanadi.',
    records: 'Undan chiqqan yozuvlar',
    average: 'Oʻrtacha vaqt',
    days: 'Oʻrtacha kunlar',
    empty: 'Bu davrda {{objects}} orasida bosqichini oʻzgartirgani hali yoʻq.',
  },
  lifecycle: {
    title: '{{objects}}: hayotiy sikl',
    description: '{{field}} boʻyicha {{objects}} qadamlar tartibida va har oy yangilari.',
    converted: 'Konvertatsiya qilingan: {{share}} ({{total}} tadan {{count}} ta)',
    perMonth: 'Har oy yangi {{objects}}',
  },
};
