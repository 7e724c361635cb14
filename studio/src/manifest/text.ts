import { featureText } from '../i18n/feature';

/** The strings of this section, mounted under `manifest.` */
export const manifestText = featureText({
  en: { title: 'Manifest' },
  ru: { title: 'Манифест' },
  ka: { title: 'მანიფესტი' },
});
