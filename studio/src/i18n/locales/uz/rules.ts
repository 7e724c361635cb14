import type { Shape } from '../../feature';
import type { rulesText } from '../../../designer/rules/text';

/** Uzbek strings of an object's validation rules (`rules.`). */
export const rules: Shape<typeof rulesText.en> = {
  tabs: { fields: 'Maydonlar', rules: 'Tekshirish qoidalari' },
  intro:
    'Yozuvni har bir yaratish va oʻzgartirish faol qoidalarga mos boʻlishi kerak, uni kim yozmasin (studiya, API, import, jarayonlar). Buzilgan qoida yozuvni oʻz xabari bilan rad etadi.',
  none: 'Bu obyektda hali tekshirish qoidalari yoʻq.',
  caption: '{{object}} obyektining tekshirish qoidalari',
  add: 'Qoida qoʻshish',
  edit: 'Tahrirlash',
  editOpen: '{{name}} qoidasini tahrirlash',
  inactive: 'Oʻchirilgan',
  columns: { name: 'Nomi', message: 'Xabar', kind: 'Turi', fields: 'Maydonlar', actions: 'Amallar' },
  kinds: { condition: 'Shart', script: 'Skript' },
  dialog: {
    newTitle: 'Yangi tekshirish qoidasi',
    editTitle: '{{name}} qoidasini tahrirlash',
    name: 'Nomi',
    nameHint: 'Obyektda yagona API nomi, masalan lostNeedsReason',
    label: 'Yorliq',
    active: 'Faol',
    activeHint: 'Faol boʻlmagan qoida saqlanadi, lekin hech narsani tekshirmaydi',
    message: 'Xabar',
    messageHint: 'Qoidani buzuvchi yozuvni yozgan kishiga nima deyiladi',
    kind: 'Qoida turi',
    condition: 'Toʻgʻri yozuv mos keladi',
    script: 'Skript',
    scriptHint:
      'record (saqlanadigan holati), before (saqlangan; yaratishda null) va user ni oluvchi funksiya tanasi. Toʻgʻri boʻlsa true, aks holda false yoki xabar qaytaring.',
    fields: 'Xatoni maydonlarda koʻrsatish',
    fieldsHint: 'Xato qayerda koʻrsatiladi; odatda shartdagi maydonlar, skript uchun — butun yozuv',
    save: 'Qoidani saqlash',
  },
  check: {
    checking: 'Tekshirilmoqda…',
    conditionOk: 'Server bu shartni qabul qiladi',
    scriptOk: 'Skript kompilyatsiya qilinadi',
  },
  invalid: {
    name: 'Harf, keyin harflar va raqamlar (koʻpi bilan 63)',
    taken: 'Bu obyektning boshqa qoidasi shu nomga ega',
    message: 'Qoida buzilganda nima notoʻgʻri ekanini yozing',
    script: 'Skriptni yozing',
    condition: 'Kamida bitta shart qoʻshing',
  },
  delete: {
    action: 'Oʻchirish',
    open: '{{name}} qoidasini oʻchirish',
    title: '{{name}} qoidasi oʻchirilsinmi?',
    body: 'Yozuvlar endi u boʻyicha tekshirilmaydi. Saqlangan yozuvlar oʻzgarmaydi.',
    confirm: 'Qoidani oʻchirish',
  },
};
