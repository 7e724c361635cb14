import type { Shape } from '../../feature';
import type { layoutsText } from '../../../layouts/text';

/** Uzbek strings of the form designer (`layouts.`). */
export const layouts: Shape<typeof layoutsText.en> = {
  title: 'Shakl maketlari',
  intro:
    'Yozuv shaklining maydonlarini bir, ikki yoki uch ustunli boʻlimlarga guruhlang va boʻlimni faqat yozuv shartga mos kelganda koʻrsating.',
  object: 'Obyekt',
  pickObject: 'Yozuv shaklini loyihalash uchun obyektni tanlang.',
  designer: 'Shakl dizayneri',
  preview: 'Oldindan koʻrish',
  currency: 'Valyuta',
  previewHint:
    'Boʻlimlar qanday paydo boʻlishi va yoʻqolishini koʻrish uchun bu yerda qiymatlarni sinab koʻring; hech narsa saqlanmaydi.',
  defaultLayout: 'Standart shakl: barcha maydonlar bitta boʻlimda',
  unsaved: 'Saqlanmagan oʻzgarishlar',
  save: 'Maketni saqlash',
  saved: 'Maket saqlandi',
  discard: 'Oʻzgarishlarni bekor qilish',
  reset: 'Standartga qaytarish',
  resetDone: 'Shakl standart holatiga qaytdi: barcha maydonlar bitta boʻlimda',
  saveFailed: 'Maket saqlanmadi',
  fixFirst: 'Saqlashdan oldin belgilangan boʻlimlarni tuzating',
  addSection: 'Boʻlim qoʻshish',
  defaultSectionLabel: 'Tafsilotlar',
  newSectionLabel: '{{n}}-boʻlim',
  section: {
    region: '{{label}} boʻlimi',
    name: 'Boʻlim nomi',
    nameHint: 'API nomi: kichik harf, soʻng harflar va raqamlar',
    label: 'Boʻlim yorligʻi',
    columns: 'Ustunlar',
    remove: '{{label}} boʻlimini olib tashlash',
    empty: 'Maydonlarni shu yerga torting yoki maydon menyusi orqali bu yerga koʻchiring.',
    fieldsOf: '{{label}} boʻlimi maydonlari',
    visibleWhen: 'Bu boʻlimni faqat quyidagi holda koʻrsatish',
    always: 'Doim koʻrsatiladi',
    conditional: 'Shart bajarilganda koʻrsatiladi',
    nameInvalid: 'Kichik harf, soʻng harflar va raqamlardan foydalaning (masalan, closing)',
    nameTaken: 'Bu nom boshqa boʻlimda bor',
    nameRequired: 'Boʻlimga nom kerak',
  },
  pool: {
    title: 'Shaklda yoʻq',
    hint: 'Bu yerdagi maydonlar yozuv shakliga kirmaydi.',
    empty: 'Barcha maydonlar shaklda.',
    label: 'Shaklda boʻlmagan maydonlar',
  },
  field: {
    drag: '{{label}} maydonini surish',
    menu: '{{label}} maydonini koʻchirish…',
    moveTo: 'Boʻlimga koʻchirish…',
    toPool: 'Shaklda yoʻq',
    required: 'majburiy',
  },
  dnd: {
    instructions:
      'Maydonni olish uchun Space yoki Enter tugmasini bosing. Strelkalar bilan suring, qoʻyish uchun Space yoki Enter, bekor qilish uchun Escape tugmasini bosing.',
    picked: '{{field}} olindi.',
    over: '{{field}} — {{target}} ustida.',
    dropped: '{{field}} qoʻyildi: {{target}}.',
    cancelled: '{{field}} koʻchirilishi bekor qilindi.',
  },
};
