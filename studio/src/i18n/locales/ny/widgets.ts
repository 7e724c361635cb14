import type { Shape } from '../../feature';
import type { widgetsText } from '../../../workspace/record/widgets/text';

/** Chichewa (Malawi): the record form's rich-text and phone widgets (`widgets.`). */
export const widgets: Shape<typeof widgetsText.en> = {
  richText: {
    loading: 'Tikutsegula chokonzera…',
    toolbar: 'Kakonzedwe ka mawu',
    bold: 'Zilembo zakuda',
    italic: 'Zilembo zopendekeka',
    underline: 'Mzere pansi',
    strike: 'Mzere pakati',
    code: 'Khodi',
    clearFormatting: 'Chotsani kakonzedwe',
    h2: 'Mutu 2',
    h3: 'Mutu 3',
    h4: 'Mutu 4',
    bulletList: 'Mndandanda wa madontho',
    orderedList: 'Mndandanda wa manambala',
    blockquote: 'Mawu ogwidwa',
    link: 'Ulalo',
    unlink: 'Chotsani ulalo',
    linkUrl: 'Adilesi ya ulalo',
    linkPlaceholder: 'https://example.com',
    linkNewTab: 'Imatsegulidwa patsamba latsopano',
    linkSameTab: 'Imatsegulidwa patsamba lomwelo',
    linkSave: 'Sungani',
  },
  phone: {
    country: 'Dziko',
    countryOf: 'Dziko la {{field}}',
    searchCountry: 'Sakani dziko',
  },
};
