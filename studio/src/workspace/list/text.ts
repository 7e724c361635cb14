import { featureText } from '../../i18n/feature';

/** The strings of this screen, mounted under `list.` */
export const listText = featureText({
  en: { title: 'Records' },
  ru: { title: 'Записи' },
  ka: { title: 'ჩანაწერები' },
});
