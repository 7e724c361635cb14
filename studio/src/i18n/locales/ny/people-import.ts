import type { peopleImportText } from '../../../access/people-import/text';
import type { Shape } from '../../feature';

/** Chichewa (Malawi): the people import wizard (`peopleImport.`). */
export const peopleImport: Shape<typeof peopleImportText.en> = {
  title: 'Lowetsani anthu',
  open: 'Lowetsani anthu',
  steps: { file: 'Fayilo', columns: 'Mizati', check: 'Kuwona', import: 'Kulowetsa' },
  file: {
    label: 'Fayilo ya CSV',
    placeholder: 'Sankhani fayilo ya .csv',
    hint: 'Munthu mmodzi pa mzere uliwonse; mzere woyamba umatchula mizati: dzina, ndipo ngati muli nazo, imelo, maudindo, bwana ndi gulu. Yolekanitsidwa ndi koma, semikoloni kapena tab, UTF-8.',
    tooMany: 'Fayilo ili ndi mizere {{count}}; anthu osapitirira {{max}} amalowetsedwa nthawi imodzi: igaweni.',
  },
  columns: {
    intro: 'Sankhani zomwe mzati uliwonse uli nazo. Mizati imafananitsidwa ndi dzina; yosafanana sikulowetsedwa.',
    column: 'Mzati',
    samples: 'Zitsanzo',
    holds: 'Uli ndi',
    skip: 'Musalowetse',
    targets: { name: 'Dzina', email: 'Imelo', roles: 'Maudindo', manager: 'Bwana', team: 'Gulu' },
    needName: 'Sankhani mzati wokhala ndi mayina a anthu.',
    rows: 'Mizere {{count}} mu fayilo.',
  },
  options: {
    title: 'Zosankha',
    emailDomain: 'Dera la imelo',
    emailDomainHint: 'Anthu opanda imelo amapatsidwa dzina.dzinalabanja@ dera ili.',
    roles: 'Maudindo a anthu',
    rolesHint: 'Kwa aliyense amene mzere wake ulibe maudindo.',
    managerRoles: 'Maudindo a mabwana',
    managerRolesHint: 'Amawonjezedwa kwa aliyense amene ali bwana wa wina.',
    createManagers: 'Pangani mabwana amene alibe mzere wawo',
    createManagersHint:
      'Bwana wotchulidwa mu fayilo amene sali mu mzere uliwonse kapena pakati pa ogwiritsa ntchito malo ano amakhalanso wogwiritsa ntchito.',
    teams:
      'Bwana aliyense amatsogolera gulu la anthu omwe amutchula: dzina lochokera ku mzati wa gulu, kapena “<bwana>’s team”. Gulu lomwe lilipo limalandira mamembala atsopano.',
    check: 'Onani fayilo',
  },
  check: {
    running: 'Tikuwona…',
    clean:
      'Anthu onse {{count}} akhoza kulowetsedwa: atsopano {{created}}, omwe alipo kale {{existing}}, magulu {{teams}}.',
    joined: 'Atsopano {{count}} ali kale ndi akaunti m’malo ena; achisunga chinsinsi chawo.',
    refused: 'Mizere {{count}} ili ndi zolakwika: palibe chimene chidzalowetsedwa mpaka zitakonzedwa.',
    nothingWritten: 'Uku kunali kuwona chabe: palibe chimene chalembedwa pakadali pano.',
    passwords:
      'Anthu atsopano amapatsidwa chinsinsi chachisawawa chimene palibe amene akudziwa: adzalowa mtsogoleri akawakhazikitsira chinsinsi (Anthu → Sinthani).',
    errors: 'Mizere yokhala ndi zolakwika',
    row: 'Mzere',
    value: 'Mtengo',
    problem: 'Vuto',
    back: 'Bwererani ku mizati',
    another: 'Sankhani fayilo ina',
    import: 'Lowetsani anthu {{count}}',
  },
  run: {
    running: 'Tikulowetsa…',
    done: 'Zalowetsedwa: anthu atsopano {{created}}, osasinthidwa {{existing}}, magulu {{teams}}.',
    refused: 'Palibe chimene chalowetsedwa: mizere {{count}} ili ndi zolakwika.',
    open: 'Tsegulani Anthu',
    another: 'Lowetsani fayilo ina',
  },
  refused: 'Seva yakana kulowetsa',
};
