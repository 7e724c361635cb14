import type { peopleImportText } from '../../../access/people-import/text';
import type { Shape } from '../../feature';

/** Uzbek: the people import wizard (`peopleImport.`). */
export const peopleImport: Shape<typeof peopleImportText.en> = {
  title: 'Odamlarni import qilish',
  open: 'Odamlarni import qilish',
  steps: { file: 'Fayl', columns: 'Ustunlar', check: 'Tekshiruv', import: 'Import' },
  file: {
    label: 'CSV fayl',
    placeholder: '.csv faylni tanlang',
    hint: 'Har qatorda bitta odam; birinchi qatorda ustunlar nomi: ism va, boʻlsa, elektron pochta, rollar, rahbar va jamoa. Vergul, nuqtali vergul yoki tabulyatsiya bilan ajratilgan, UTF-8.',
    tooMany: 'Faylda {{count}} ta qator bor; bir martada koʻpi bilan {{max}} kishi import qilinadi: faylni boʻling.',
  },
  columns: {
    intro:
      'Har bir ustunda nima borligini tanlang. Ustunlar nomi boʻyicha moslangan; moslanmaganlari import qilinmaydi.',
    column: 'Ustun',
    samples: 'Namunalar',
    holds: 'Mazmuni',
    skip: 'Import qilmaslik',
    targets: { name: 'Ism', email: 'Elektron pochta', roles: 'Rollar', manager: 'Rahbar', team: 'Jamoa' },
    needName: 'Odamlarning ismlari yozilgan ustunni tanlang.',
    rows: 'Fayldagi qatorlar: {{count}} ta.',
  },
  options: {
    title: 'Sozlamalar',
    emailDomain: 'Pochta domeni',
    emailDomainHint: 'Elektron pochtasi yoʻq odamlar ism.familiya@ shu domendagi manzilni oladi.',
    roles: 'Odamlarning rollari',
    rolesHint: 'Qatorida rol koʻrsatilmagan hammaga.',
    managerRoles: 'Rahbarlarning rollari',
    managerRolesHint: 'Kimgadir rahbarlik qiladigan har bir kishiga qoʻshiladi.',
    createManagers: 'Oʻz qatori yoʻq rahbarlarni yaratish',
    createManagersHint:
      'Faylda nomi keltirilgan, lekin na qatorlarda, na shu ish maydoni foydalanuvchilari orasida boʻlmagan rahbar ham foydalanuvchi boʻladi.',
    teams:
      'Har bir rahbar uni koʻrsatgan odamlar jamoasini boshqaradi: nomi jamoa ustunidan yoki «<rahbar>’s team». Mavjud jamoa yangi aʼzolarni oladi.',
    check: 'Faylni tekshirish',
  },
  check: {
    running: 'Tekshirilmoqda…',
    clean:
      'Barcha {{count}} kishini import qilish mumkin: yangi — {{created}}, mavjud — {{existing}}, jamoalar — {{teams}}.',
    joined: 'Yangilardan {{count}} kishining boshqa ish maydonida hisobi bor; ularning paroli oʻzgarmaydi.',
    refused: 'Xatoli qatorlar: {{count}} ta. Ular tuzatilmaguncha hech narsa import qilinmaydi.',
    nothingWritten: 'Bu tekshiruv edi: hali hech narsa yozilmadi.',
    passwords:
      'Yangi odamlar hech kimga aytilmaydigan tasodifiy parol oladi: administrator parol oʻrnatgach, kira oladilar (Foydalanuvchilar → Tahrirlash).',
    errors: 'Xatoli qatorlar',
    row: 'Qator',
    value: 'Qiymat',
    problem: 'Muammo',
    back: 'Ustunlarga qaytish',
    another: 'Boshqa faylni tanlash',
    import: '{{count}} kishini import qilish',
  },
  run: {
    running: 'Import qilinmoqda…',
    done: 'Import qilindi: yangi odamlar — {{created}}, oʻzgarishsiz — {{existing}}, jamoalar — {{teams}}.',
    refused: 'Hech narsa import qilinmadi: {{count}} ta qatorda xato bor.',
    open: 'Foydalanuvchilarni ochish',
    another: 'Boshqa faylni import qilish',
  },
  refused: 'Server importni rad etdi',
};
