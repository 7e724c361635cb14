import { featureText } from '../i18n/feature';

/** The strings of this section, mounted under `pipelines.` */
export const pipelinesText = featureText({
  en: { title: 'Pipelines' },
  ru: { title: 'Воронки' },
  ka: { title: 'ძაბრები' },
});
