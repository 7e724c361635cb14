import type { Shape } from '../../feature';
import type { widgetsText } from '../../../workspace/record/widgets/text';

/** Uzbek strings of the record form's rich-text and phone widgets (`widgets.`). */
export const widgets: Shape<typeof widgetsText.en> = {
  richText: {
    loading: 'Muharrir yuklanmoqda…',
    toolbar: 'Formatlash',
    bold: 'Qalin',
    italic: 'Kursiv',
    underline: 'Tagiga chizilgan',
    strike: 'Ustidan chizilgan',
    code: 'Kod',
    clearFormatting: 'Formatlashni tozalash',
    h2: 'Sarlavha 2',
    h3: 'Sarlavha 3',
    h4: 'Sarlavha 4',
    bulletList: 'Belgili roʻyxat',
    orderedList: 'Raqamli roʻyxat',
    blockquote: 'Iqtibos',
    link: 'Havola',
    unlink: 'Havolani olib tashlash',
    linkUrl: 'Havola manzili',
    linkPlaceholder: 'https://example.com',
    linkNewTab: 'Yangi varaqda ochiladi',
    linkSameTab: 'Shu varaqda ochiladi',
    linkSave: 'Saqlash',
  },
  phone: {
    country: 'Mamlakat',
    countryOf: 'Mamlakat: {{field}}',
    searchCountry: 'Mamlakatni qidirish',
  },
};
