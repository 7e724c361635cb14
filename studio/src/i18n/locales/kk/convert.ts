import type { convertText } from '../../../workspace/record/convert/text';
import type { Shape } from '../../feature';

/** Kazakh: converting a record, e.g. a lead into a contact, a company and a deal (`convert.`). */
export const convert: Shape<typeof convertText.en> = {
  button: 'Түрлендіру',
  title: '«{{title}}» түрлендіру',
  intro:
    'Төмендегі әр бөлік жаңадан құрылады немесе оның орнына бар жазба қолданылады. Бәрі бірден орындалады немесе мүлдем орындалмайды.',
  create: 'Жаңасын құру',
  use: 'Барын қолдану',
  skip: 'Құрмау',
  optional: 'міндетті емес',
  noMatches: '«{{field}}» өрісі бойынша сәйкес келетін «{{objects}}» жазбалары жоқ.',
  matchesFor: '«{{field}}» өрісі ұқсас бар жазбалар: {{objects}}',
  skipped: '«{{object}}» жазбасы құрылмайды.',
  linked: 'Байланысты: {{targets}}',
  chooseExisting: 'Қолданатын жазбаны таңдаңыз немесе жаңасын құрыңыз.',
  submit: 'Түрлендіру',
  cancel: 'Болдырмау',
  failed: 'Түрлендіру қабылданбады; ештеңе өзгермеді',
  converted: '«{{title}}» түрлендірілді',
  open: 'Ашу: {{object}}',
  alreadyConverted: 'Түрлендірілген',
};
