import { featureText } from '../i18n/feature';

/** The strings of this section, mounted under `flow.` */
export const flowText = featureText({
  en: { title: 'Workflow designer' },
  ru: { title: 'Конструктор процесса' },
  ka: { title: 'პროცესის დიზაინერი' },
});
