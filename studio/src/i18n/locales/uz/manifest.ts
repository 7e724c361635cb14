import type { Shape } from '../../feature';
import type { manifestText } from '../../../manifest/text';

/** Uzbek strings of manifest export and import (`manifest.`). */
export const manifest: Shape<typeof manifestText.en> = {
  title: 'Manifest',
  export: {
    title: 'Eksport',
    explain:
      'Ish maydoni metamaʼlumotlarini — obyektlar, maydonlar, voronkalar, biznes-jarayonlar, rollar — manifest.json sifatida yuklab oling.',
    button: 'manifest.json yuklab olish',
    failed: 'Eksport qilib boʻlmadi',
  },
  import: {
    title: 'Import',
    explain:
      'Manifest faylini tanlang: biror narsa qoʻllanishidan oldin u nimani oʻzgartirishini koʻrasiz. U olib tashlaydigan maydonlar va obyektlar savatga tushadi.',
    file: 'Manifest fayli',
    placeholder: '.json faylni tanlang',
    planning: 'Import rejalashtirilmoqda (sinov tariqasida)…',
    invalidJson: 'Bu fayl yaroqli JSON emas',
    at: '{{line}}-qator, {{column}}-ustun',
    refused: 'Manifestda muammolar bor; hech narsa qoʻllanmadi',
    problems: 'Manifest muammolari',
    path: 'Manifestdagi joyi',
    problem: 'Muammo',
    plan: 'Bu manifestni qoʻllash quyidagi oʻzgarishlarni kiritadi:',
    allowDestructive: '{{count}} ta oʻzgarish maʼlumotlarni oʻchirishini tushunaman (ular savatga tushadi)',
    apply: 'Manifestni qoʻllash',
    applied: 'Manifest qoʻllandi',
    appliedAs: 'Oʻzgarishlar — {{revision}}-tahrir; ularni Tarix boʻlimida qaytarish mumkin.',
  },
};
