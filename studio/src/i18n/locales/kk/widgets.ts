import type { Shape } from '../../feature';
import type { widgetsText } from '../../../workspace/record/widgets/text';

/** Kazakh strings of the record form's rich-text and phone widgets (`widgets.`). */
export const widgets: Shape<typeof widgetsText.en> = {
  richText: {
    loading: 'Редактор жүктелуде…',
    toolbar: 'Пішімдеу',
    bold: 'Қалың',
    italic: 'Көлбеу',
    underline: 'Асты сызылған',
    strike: 'Сызылған',
    code: 'Код',
    clearFormatting: 'Пішімдеуді тазалау',
    h2: 'Тақырып 2',
    h3: 'Тақырып 3',
    h4: 'Тақырып 4',
    bulletList: 'Таңбаланған тізім',
    orderedList: 'Нөмірленген тізім',
    blockquote: 'Дәйексөз',
    link: 'Сілтеме',
    unlink: 'Сілтемені алып тастау',
    linkUrl: 'Сілтеме мекенжайы',
    linkPlaceholder: 'https://мысал.kz',
    linkNewTab: 'Жаңа қойындыда ашылады',
    linkSameTab: 'Осы қойындыда ашылады',
    linkSave: 'Сақтау',
  },
  phone: {
    country: 'Ел',
    countryOf: 'Ел: {{field}}',
    searchCountry: 'Елді іздеу',
  },
};
