import type { Shape } from '../../feature';
import type { boardText } from '../../../workspace/board/text';

/** Uzbek strings of the pipeline board (`board.`). */
export const board: Shape<typeof boardText.en> = {
  title: 'Doska',
  titleOf: '{{objects}}: doska',
  list: 'Roʻyxat',
  dismiss: 'Yopish',
  pipeline: 'Voronka',
  noPipeline: '{{objects}} uchun voronka yoʻq. Administrator uni Voronkalar boʻlimida qoʻshishi mumkin.',
  unknownObject: '“{{object}}” obyekti yoʻq yoki uni oʻqishga ruxsatingiz yoʻq.',
  board: 'Doska: {{pipeline}}',
  column: {
    records: 'Yozuvlar: {{count}}',
    sum: 'Summa',
    weighted: 'Vaznli',
    weightedHint: 'Summa × bosqich ehtimolligi ({{probability}} %)',
    empty: 'Hozircha boʻsh',
    loadMore: 'Yana yuklash',
    shown: '{{shown}} / {{total}}',
    add: 'Qoʻshish: {{stage}}',
  },
  zones: {
    dropHere: 'Yopish uchun shu yerga tashlang',
  },
  card: {
    roleDescription: 'suriladigan kartochka',
    menu: 'Koʻchirish: {{title}}',
    moveTo: 'Bosqichga koʻchirish',
    moveToStage: 'Koʻchirish: {{stage}}',
    open: 'Ochish: {{title}}',
    owner: 'Masʼul: {{name}}',
  },
  move: {
    refused: 'Koʻchirish rad etildi',
    notAllowed: '{{objects}} yozuvlarini oʻzgartirishga ruxsatingiz yoʻq.',
    moved: '“{{title}}” koʻchirildi: {{stage}}',
  },
  create: {
    title: 'Yangi {{object}}: {{stage}}',
    submit: 'Yaratish',
    required: 'Majburiy',
    failed: 'Yaratilmadi',
    created: '“{{title}}” yaratildi: {{stage}}',
  },
  dnd: {
    instructions:
      'Kartochkani olish uchun uni tanlang va Space yoki Enter tugmasini bosing. Strelkalar bilan uni boshqa ustunga yoki Yutildi va Yutqazildi zonalariga suring, qoʻyish uchun Space yoki Enter, bekor qilish uchun Escape tugmasini bosing.',
    picked: '“{{title}}” olindi.',
    over: '“{{title}}” — {{stage}} bosqichi ustida.',
    outside: '“{{title}}” hech qaysi bosqich ustida emas.',
    dropped: '“{{title}}” qoʻyildi: {{stage}}.',
    droppedOutside: '“{{title}}” joyida qoldi.',
    cancelled: '“{{title}}” koʻchirilishi bekor qilindi.',
  },
};
