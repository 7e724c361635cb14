import type { searchText } from '../../../workspace/search/text';
import type { Shape } from '../../feature';

/** Kazakh: global search (`search.`). */
export const search: Shape<typeof searchText.en> = {
  open: 'Іздеу',
  title: 'Жазбаларды іздеу',
  placeholder: 'Компаниялар, мәмілелер, байланыстар… атауы бойынша',
  hint: 'Атаудың бір бөлігін теріңіз. ↑ ↓ — таңдау, Enter — ашу.',
  nothing: '«{{text}}» бойынша ештеңе табылмады',
  searching: 'Іздеуде…',
  failed: 'Іздеу сәтсіз аяқталды: {{message}}',
  more: '{{shown}} / {{total}}',
};
