import type { Shape } from '../../feature';
import type { convertText } from '../../../workspace/record/convert/text';

/** Uzbek strings of record conversion, e.g. a lead into a deal (`convert.`). */
export const convert: Shape<typeof convertText.en> = {
  button: 'Konvertatsiya',
  title: 'Konvertatsiya: {{title}}',
  intro:
    'Quyidagi har bir qism yaratiladi yoki uning oʻrniga mavjud yozuv ishlatiladi. Hammasi birdaniga bajariladi yoki umuman bajarilmaydi.',
  create: 'Yangisini yaratish',
  use: 'Mavjudini ishlatish',
  skip: 'Yaratmaslik',
  optional: 'ixtiyoriy',
  noMatches: 'Bu {{field}} boʻyicha mos mavjud {{objects}} yoʻq.',
  matchesFor: '{{field}} oʻxshash mavjud {{objects}}',
  skipped: '{{object}} yaratilmaydi.',
  linked: 'Bogʻlanadi: {{targets}}',
  chooseExisting: 'Ishlatiladigan yozuvni tanlang yoki yangisini yarating.',
  submit: 'Konvertatsiya qilish',
  cancel: 'Bekor qilish',
  failed: 'Konvertatsiya rad etildi; hech narsa oʻzgarmadi',
  converted: '{{title}} konvertatsiya qilindi',
  open: '{{object}}ni ochish',
  alreadyConverted: 'Konvertatsiya qilingan',
};
