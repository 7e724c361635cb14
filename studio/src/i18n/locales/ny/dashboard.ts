import type { Shape } from '../../feature';
import type { dashboardText } from '../../../workspace/dashboard/text';

/** Chichewa (Malawi): the sales dashboard (`dashboard.`). */
export const dashboard: Shape<typeof dashboardText.en> = {
  title: 'Dashibodi',
  nothing:
    'Palibe choti chionetsedwe pa tchati pakadali pano: palibe chinthu chokhala ndi njira ya malonda ndi ndalama chomwe mungathe kuwerenga.',
  filters: {
    label: 'Masefa a dashibodi',
    object: 'Njira ya malonda',
    period: 'Nthawi',
    month: 'Mwezi uno',
    quarter: 'Kota iyi',
    year: 'Chaka chino',
    all: 'Nthawi zonse',
    owner: 'Mwini',
    me: 'Zanga',
    everyone: 'Aliyense amene ndingamuwone',
    note: 'Zolembedwa zopangidwa m’nthawiyi; zopambana motsatira {{date}}; nthawi pa siteji motsatira kukhala komwe kunathera pamenepo.',
  },
  figures: 'Ziwerengero za “{{title}}”',
  empty: 'Palibe kanthu m’nthawiyi.',
  count: 'Zolembedwa',
  share: 'Gawo',
  month: 'Mwezi',
  stage: 'Siteji',
  none: 'Palibe mtengo',
  funnel: {
    title: 'Kupita patsogolo pa masiteji',
    description:
      'Zolembedwa zingati za {{objects}} zinafika pa siteji iliyonse — zili pamenepo tsopano, pa siteji yotsatira, kapena zapambana — ndi gawo la siteji yapitayo. Zolephera siziwerengedwa: siteji yomwe zinalepherera sisungidwa.',
    reached: 'Zinafika',
    current: 'Zili pano',
    ofPrevious: 'Mwa siteji yapitayo',
  },
  value: {
    title: 'Mtengo wa njira ya malonda pa siteji',
    description:
      'Zolembedwa zotseguka za {{objects}}: chiwonkhetso cha {{field}} pa siteji iliyonse, ndi poyerekeza mwayi wa siteji.',
    currency: 'Ndalama',
    sum: 'Chiwonkhetso',
    weighted: 'Poyerekeza mwayi',
    probability: 'Mwayi',
  },
  plan: {
    title: 'Zopambana poyerekeza ndi dongosolo la malonda',
    description:
      'Zopambana za {{field}} pa mwezi uliwonse wa {{date}}, zophatikizidwa kwa bwana wa mwini aliyense (mtsogoleri wa gulu lake), poyerekeza ndi dongosolo.',
    manager: 'Bwana',
    allManagers: 'Mabwana onse',
    won: 'Zopambana',
    plan: 'Dongosolo',
    attainment: 'Mwa dongosolo',
    noPlanObject: 'Palibe dongosolo la malonda lomwe mungathe kuwerenga: ndalama zopambana zokha.',
    noDate: 'Palibe gawo la tsiku mu {{objects}} loyika cholembedwa chopambana m’mwezi.',
    unknown: 'Munthu wosadziwika',
    nobody: 'Palibe mwini',
  },
  sources: {
    title: '{{objects}} motsatira kochokera',
    description: 'Zolembedwa zingati za {{objects}} zinachokera ku mtengo uliwonse wa {{field}}.',
  },
  durations: {
    title: 'Avereji ya nthawi pa siteji',
    description:
      'Nthawi yomwe zolembedwa za {{objects}} zinakhala pa siteji iliyonse zisanapitirire, kuchokera m’mbiri ya magawo. Siteji imawerengedwa ikasiyidwa.',
    records: 'Zolembedwa zomwe zinaisiya',
    average: 'Avereji ya nthawi',
    days: 'Avereji ya masiku',
    empty: 'Palibe zolembedwa za {{objects}} zomwe zasintha siteji m’nthawiyi pakadali pano.',
  },
  lifecycle: {
    title: 'Moyo wa {{objects}}',
    description:
      'Zolembedwa za {{objects}} pa mtengo uliwonse wa {{field}} motsatira dongosolo la masitepe, ndi zatsopano pa mwezi.',
    converted: 'Zasandutsidwa: {{share}} ({{count}} mwa {{total}})',
    perMonth: '{{objects}}: zatsopano pa mwezi',
  },
};
