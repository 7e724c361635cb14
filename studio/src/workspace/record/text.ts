import { featureText } from '../../i18n/feature';

/** The strings of this screen, mounted under `record.` */
export const recordText = featureText({
  en: { title: 'Record' },
  ru: { title: 'Запись' },
  ka: { title: 'ჩანაწერი' },
});
