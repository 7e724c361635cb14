import { featureText } from '../i18n/feature';

/** The strings of this section, mounted under `access.` */
export const accessText = featureText({
  en: { title: 'Role' },
  ru: { title: 'Роль' },
  ka: { title: 'როლი' },
});
