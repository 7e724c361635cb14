import type { Shape } from '../../feature';
import type { boardText } from '../../../workspace/board/text';

/** Chichewa (Malawi): the pipeline board (`board.`). */
export const board: Shape<typeof boardText.en> = {
  title: 'Bolodi',
  titleOf: '{{objects}}: bolodi',
  list: 'Mndandanda',
  dismiss: 'Tsekani',
  pipeline: 'Njira ya malonda',
  noPipeline: 'Palibe njira ya malonda ya {{objects}}. Woyang’anira angathe kuwonjezera imodzi mu Njira za malonda.',
  unknownObject: 'Palibe chinthu “{{object}}”, kapena simuloledwa kuchiwerenga.',
  board: 'Bolodi la {{pipeline}}',
  column: {
    records: 'Zolembedwa: {{count}}',
    sum: 'Chiwonkhetso',
    weighted: 'Poyerekeza mwayi',
    weightedHint: 'Chiwonkhetso × mwayi wa siteji ({{probability}} %)',
    empty: 'Palibe kanthu pano',
    loadMore: 'Tsegulani zina',
    shown: '{{shown}} mwa {{total}}',
    add: 'Onjezani ku {{stage}}',
  },
  zones: {
    dropHere: 'Ikani apa kuti mutseke',
  },
  card: {
    roleDescription: 'khadi lokokeka',
    menu: 'Sunthani {{title}}',
    moveTo: 'Sunthani ku siteji',
    moveToStage: 'Sunthani ku {{stage}}',
    open: 'Tsegulani {{title}}',
    owner: 'Mwini: {{name}}',
  },
  move: {
    refused: 'Kusuntha kwakanidwa',
    notAllowed: 'Simuloledwa kusintha {{objects}}.',
    moved: 'Mwasuntha “{{title}}” ku {{stage}}',
  },
  create: {
    title: 'Pangani {{object}} mu {{stage}}',
    submit: 'Pangani',
    required: 'Chikufunika',
    failed: 'Sichinapangidwe',
    created: 'Mwapanga “{{title}}” mu {{stage}}',
  },
  dnd: {
    instructions:
      'Kuti munyamule khadi, ikani chidwi pa ilo ndipo dinani Space kapena Enter. Gwiritsani makiyi a mivi kulisuntha ku mzati wina kapena ku malo a Wapambana ndi Walephera, Space kapena Enter kuliyika pamenepo, Escape kusiya.',
    picked: 'Mwanyamula {{title}}.',
    over: 'Khadi {{title}} lili pamwamba pa {{stage}}.',
    outside: 'Khadi {{title}} silili pamwamba pa siteji.',
    dropped: 'Khadi {{title}} laikidwa pa {{stage}}.',
    droppedOutside: 'Khadi {{title}} laikidwa pomwe linali.',
    cancelled: 'Kusuntha {{title}} kwaletsedwa.',
  },
};
