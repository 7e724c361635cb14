import type { manifestText } from '../../../manifest/text';
import type { Shape } from '../../feature';

/** Chichewa (Malawi): manifest export and import (`manifest.`). */
export const manifest: Shape<typeof manifestText.en> = {
  title: 'Manifest',
  export: {
    title: 'Tumizani kunja',
    explain:
      'Tsitsani metadata ya malo ogwirira ntchito — zinthu, magawo, njira za malonda, ndondomeko, maudindo — ngati manifest.json.',
    button: 'Tsitsani manifest.json',
    failed: 'Sizinatheke kutumiza kunja',
  },
  import: {
    title: 'Lowetsani',
    explain:
      'Sankhani fayilo ya manifest: mudzawona zimene ingasinthe chilichonse chisanagwiritsidwe. Magawo ndi zinthu zomwe imachotsa zimapita ku zinyalala.',
    file: 'Fayilo ya manifest',
    placeholder: 'Sankhani fayilo ya .json',
    planning: 'Tikukonzekera kulowetsa (kuyesa chabe)…',
    invalidJson: 'Fayiloyi si JSON yolondola',
    at: 'Mzere {{line}}, mzati {{column}}',
    refused: 'Manifest ili ndi mavuto; palibe chimene chagwiritsidwa',
    problems: 'Mavuto a manifest',
    path: 'Pomwe pali mu manifest',
    problem: 'Vuto',
    plan: 'Kugwiritsa manifest iyi kudzachita zosintha izi:',
    allowDestructive: 'Ndikumvetsa kuti zosintha {{count}} zimachotsa deta (imapita ku zinyalala)',
    apply: 'Gwiritsani manifest',
    applied: 'Manifest yagwiritsidwa',
    appliedAs: 'Zosinthazi ndi kukonzanso {{revision}}; Mbiri ingathe kuzibweza.',
  },
};
