import type { Shape } from '../../feature';
import type { rulesText } from '../../../designer/rules/text';

/** Chichewa (Malawi): an object's validation rules (`rules.`). */
export const rules: Shape<typeof rulesText.en> = {
  tabs: { fields: 'Magawo', rules: 'Malamulo owunika' },
  intro:
    'Kupanga ndi kusintha kulikonse kwa cholembedwa kuyenera kutsata malamulo ogwira ntchito, aliyense amene alemba (situdiyo, API, kutumiza, njira). Lamulo lophwanyidwa limakana kulemba ndi uthenga wake.',
  none: 'Chinthuchi chilibe malamulo owunika panobe.',
  caption: 'Malamulo owunika a {{object}}',
  add: 'Onjezani lamulo',
  edit: 'Sinthani',
  editOpen: 'Sinthani lamulo {{name}}',
  inactive: 'Lozimitsidwa',
  columns: { name: 'Dzina', message: 'Uthenga', kind: 'Mtundu', fields: 'Magawo', actions: 'Zochita' },
  kinds: { condition: 'Chikhalidwe', script: 'Sikiripiti' },
  dialog: {
    newTitle: 'Lamulo latsopano lowunika',
    editTitle: 'Sinthani lamulo {{name}}',
    name: 'Dzina',
    nameHint: 'Dzina la API, losiyana pa chinthuchi, mwachitsanzo lostNeedsReason',
    label: 'Chizindikiro',
    active: 'Likugwira ntchito',
    activeHint: 'Lamulo losagwira ntchito limasungidwa koma siliwunika kalikonse',
    message: 'Uthenga',
    messageHint: 'Zomwe amauzidwa munthu amene alemba cholembedwa chophwanya lamulo',
    kind: 'Lamulo ndi',
    condition: 'Cholembedwa cholondola chimakwaniritsa',
    script: 'Sikiripiti',
    scriptHint:
      'Thupi la ntchito yolandira record (momwe idzasungidwire), before (yosungidwa; null popanga) ndi user. Bwezerani true ngati ili yolondola, false kapena uthenga ngati sichoncho.',
    fields: 'Onetsani cholakwika pa magawo',
    fieldsHint: 'Komwe cholakwika chimaonekera; mwachizolowezi magawo a chikhalidwe, pa sikiripiti cholembedwa chonse',
    save: 'Sungani lamulo',
  },
  check: {
    checking: 'Tikuwunika…',
    conditionOk: 'Seva ikuvomereza chikhalidwechi',
    scriptOk: 'Sikiripiti ikumasuliridwa bwino',
  },
  invalid: {
    name: 'Chilembo, kenako zilembo ndi manambala (osapitirira 63)',
    taken: 'Lamulo lina la chinthuchi lili ndi dzina limeneli',
    message: 'Nenani cholakwika lamulo likaphwanyidwa',
    script: 'Lembani sikiripiti',
    condition: 'Onjezani chikhalidwe chimodzi osachepera',
  },
  delete: {
    action: 'Chotsani',
    open: 'Chotsani lamulo {{name}}',
    title: 'Chotsani lamulo {{name}}?',
    body: 'Zolembedwa sizidzawunikidwanso nalo. Zolembedwa zosungidwa kale sizisintha.',
    confirm: 'Chotsani lamulo',
  },
};
