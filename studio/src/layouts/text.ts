import { featureText } from '../i18n/feature';

/** The strings of this section, mounted under `layouts.` */
export const layoutsText = featureText({
  en: { title: 'Form layouts' },
  ru: { title: 'Макеты форм' },
  ka: { title: 'ფორმების განლაგება' },
});
