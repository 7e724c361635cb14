import { featureText } from '../../i18n/feature';

/** The strings of this screen, mounted under `home.` */
export const homeText = featureText({
  en: { title: 'Home' },
  ru: { title: 'Главная' },
  ka: { title: 'მთავარი' },
});
