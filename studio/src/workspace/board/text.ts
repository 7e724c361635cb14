import { featureText } from '../../i18n/feature';

/** The strings of this screen, mounted under `board.` */
export const boardText = featureText({
  en: { title: 'Board' },
  ru: { title: 'Доска' },
  ka: { title: 'დაფა' },
});
