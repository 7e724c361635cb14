import type { Shape } from '../../feature';
import type { searchText } from '../../../workspace/search/text';

/** Chichewa (Malawi): the record search (`search.`). */
export const search: Shape<typeof searchText.en> = {
  open: 'Sakani',
  title: 'Sakani zolembedwa',
  placeholder: 'Pezani makampani, migwirizano, olumikizana… ndi dzina',
  hint: 'Lembani gawo la dzina. ↑ ↓ kusankha, Enter kutsegula.',
  nothing: 'Palibe chopezeka cha “{{text}}”',
  searching: 'Tikusaka…',
  failed: 'Kusaka kwalephera: {{message}}',
  more: '{{shown}} mwa {{total}}',
};
