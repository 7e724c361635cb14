import type { Shape } from '../../feature';
import type { convertText } from '../../../workspace/record/convert/text';

/** Chichewa (Malawi): converting a record, such as a lead (`convert.`). */
export const convert: Shape<typeof convertText.en> = {
  button: 'Sandutsani',
  title: 'Sandutsani {{title}}',
  intro:
    'Gawo lililonse pansipa limapangidwa, kapena cholembedwa chomwe chilipo chimagwiritsidwa ntchito m’malo mwake. Zonse zimachitika nthawi imodzi kapena sizichitika.',
  create: 'Pangani chatsopano',
  use: 'Gwiritsani chomwe chilipo',
  skip: 'Musapange',
  optional: 'mwakufuna',
  noMatches: 'Palibe cholembedwa cha {{objects}} chofanana ndi ichi pa {{field}}.',
  matchesFor: 'Zolembedwa za {{objects}} zofanana pa {{field}}',
  skipped: 'Palibe cholembedwa cha {{object}} chomwe chidzapangidwe.',
  linked: 'Zolumikizidwa ku: {{targets}}',
  chooseExisting: 'Sankhani cholembedwa choti mugwiritse, kapena pangani chatsopano.',
  submit: 'Sandutsani',
  cancel: 'Siyani',
  failed: 'Kusandutsa kwakanidwa; palibe chimene chasinthidwa',
  converted: 'Mwasandutsa {{title}}',
  open: 'Tsegulani {{object}}',
  alreadyConverted: 'Yasandutsidwa',
};
