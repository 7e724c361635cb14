import { featureText } from '../i18n/feature';
import { en } from './text/en';
import { ka } from './text/ka';
import { ru } from './text/ru';

/** The strings of this section, mounted under `access.` */
export const accessText = featureText({ en, ru, ka });
