import type { boardText } from '../../../workspace/board/text';
import type { Shape } from '../../feature';

/** Kazakh: the pipeline board (`board.`). */
export const board: Shape<typeof boardText.en> = {
  title: 'Тақта',
  titleOf: '{{objects}}: тақта',
  list: 'Тізім',
  dismiss: 'Жабу',
  pipeline: 'Воронка',
  noPipeline: '«{{objects}}» үшін воронка жоқ. Әкімші оны «Воронкалар» бөлімінде қоса алады.',
  unknownObject: '«{{object}}» нысаны жоқ немесе оны оқуға рұқсатыңыз жоқ.',
  board: 'Тақта: {{pipeline}}',
  column: {
    records: 'Жазбалар: {{count}}',
    sum: 'Сомасы',
    weighted: 'Салмақталған',
    weightedHint: 'Сома × кезең ықтималдығы ({{probability}} %)',
    empty: 'Әзірге бос',
    loadMore: 'Тағы көрсету',
    shown: '{{shown}} / {{total}}',
    add: '«{{stage}}» кезеңіне қосу',
  },
  zones: {
    dropHere: 'Жабу үшін осында тастаңыз',
  },
  card: {
    roleDescription: 'сүйрелетін карточка',
    menu: '«{{title}}» жылжыту',
    moveTo: 'Кезеңге жылжыту',
    moveToStage: '«{{stage}}» кезеңіне жылжыту',
    open: '«{{title}}» ашу',
    owner: 'Жауапты: {{name}}',
  },
  move: {
    refused: 'Жылжыту қабылданбады',
    notAllowed: '«{{objects}}» жазбаларын өзгертуге рұқсатыңыз жоқ.',
    moved: '«{{title}}» «{{stage}}» кезеңіне жылжытылды',
  },
  create: {
    title: '{{object}}: «{{stage}}» кезеңінде жаңа жазба',
    submit: 'Құру',
    required: 'Міндетті өріс',
    failed: 'Құрылмады',
    created: '«{{title}}» «{{stage}}» кезеңінде құрылды',
  },
  dnd: {
    instructions:
      'Карточканы алу үшін оны таңдап, Space немесе Enter басыңыз. Көрсеткі пернелерімен оны басқа бағанға немесе «Сәтті» және «Сәтсіз» аймақтарына жылжытыңыз, қою үшін Space немесе Enter, болдырмау үшін Escape басыңыз.',
    picked: '«{{title}}» карточкасы алынды.',
    over: '«{{title}}» «{{stage}}» кезеңінің үстінде.',
    outside: '«{{title}}» ешбір кезеңнің үстінде емес.',
    dropped: '«{{title}}» «{{stage}}» кезеңіне қойылды.',
    droppedOutside: '«{{title}}» орнында қалды.',
    cancelled: '«{{title}}» жылжыту болдырылмады.',
  },
};
