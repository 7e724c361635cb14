import type { Shape } from '../../feature';
import type { searchText } from '../../../workspace/search/text';

/** Uzbek strings of global search (`search.`). */
export const search: Shape<typeof searchText.en> = {
  open: 'Qidirish',
  title: 'Yozuvlarni qidirish',
  placeholder: 'Kompaniyalar, bitimlar, kontaktlar… nomi boʻyicha qidiring',
  hint: 'Nomning bir qismini yozing. Tanlash uchun ↑ ↓, ochish uchun Enter.',
  nothing: '“{{text}}” boʻyicha hech narsa topilmadi',
  searching: 'Qidirilmoqda…',
  failed: 'Qidiruv amalga oshmadi: {{message}}',
  more: '{{shown}} / {{total}}',
};
