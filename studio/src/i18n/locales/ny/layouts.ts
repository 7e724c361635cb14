import type { layoutsText } from '../../../layouts/text';
import type { Shape } from '../../feature';

/** Chichewa (Malawi): the form layout designer (`layouts.`). */
export const layouts: Shape<typeof layoutsText.en> = {
  title: 'Kakonzedwe ka mafomu',
  intro:
    'Gawani magawo a fomu ya cholembedwa m’zigawo za mizati imodzi mpaka itatu, ndipo onetsani chigawo pokhapokha cholembedwacho chikakwaniritsa chikhalidwe.',
  object: 'Chinthu',
  pickObject: 'Sankhani chinthu kuti mupange fomu yake.',
  designer: 'Wopanga fomu',
  preview: 'Chithunzithunzi',
  currency: 'Ndalama',
  previewHint: 'Yesani mitengo apa kuti muwone zigawo zikuwonekera ndi kuzimiririka; palibe chimene chimasungidwa.',
  defaultLayout: 'Fomu yoyambira: magawo onse m’chigawo chimodzi',
  unsaved: 'Zosintha zosasungidwa',
  save: 'Sungani kakonzedwe',
  saved: 'Kakonzedwe kasungidwa',
  discard: 'Tayani zosintha',
  reset: 'Bwererani ku koyambira',
  resetDone: 'Fomu yabwerera ku koyambira: magawo onse m’chigawo chimodzi',
  saveFailed: 'Kakonzedwe sikanasungidwe',
  fixFirst: 'Konzani zigawo zolembedwa chizindikiro musanasunge',
  addSection: 'Onjezani chigawo',
  defaultSectionLabel: 'Tsatanetsatane',
  newSectionLabel: 'Chigawo {{n}}',
  section: {
    region: 'Chigawo {{label}}',
    name: 'Dzina la chigawo',
    nameHint: 'Limagwiritsidwa ntchito mu API: chilembo chaching’ono, kenako zilembo ndi manambala',
    label: 'Dzina lowonetsedwa la chigawo',
    columns: 'Mizati',
    remove: 'Chotsani chigawo {{label}}',
    empty: 'Ikani magawo apa, kapena gwiritsani menyu ya gawo kuti mulisunthire kuno.',
    fieldsOf: 'Magawo a chigawo {{label}}',
    visibleWhen: 'Onetsani chigawochi pokhapokha',
    always: 'Chimawonetsedwa nthawi zonse',
    conditional: 'Chimawonetsedwa chikhalidwe chikakwaniritsidwa',
    nameInvalid: 'Gwiritsani chilembo chaching’ono, kenako zilembo ndi manambala (mwachitsanzo closing)',
    nameTaken: 'Chigawo china chili kale ndi dzina ili',
    nameRequired: 'Chigawo chikufunika dzina',
  },
  pool: {
    title: 'Osakhala pa fomu',
    hint: 'Magawo omwe ali apa sakhala pa fomu ya cholembedwa.',
    empty: 'Gawo lililonse lili pa fomu.',
    label: 'Magawo osakhala pa fomu',
  },
  field: {
    drag: 'Kokani {{label}}',
    menu: 'Sunthani {{label}} ku…',
    moveTo: 'Sunthani ku chigawo…',
    toPool: 'Osakhala pa fomu',
    required: 'chofunikira',
  },
  dnd: {
    instructions:
      'Kuti munyamule gawo, dinani space kapena enter. Gwiritsani makiyi a mivi kulisuntha, space kapena enter kuliyika, escape kusiya.',
    picked: 'Mwanyamula {{field}}.',
    over: '{{field}} lili pamwamba pa {{target}}.',
    dropped: 'Mwaika {{field}} pa {{target}}.',
    cancelled: 'Kusuntha {{field}} kwaletsedwa.',
  },
};
