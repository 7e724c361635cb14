import { featureText } from '../i18n/feature';
import { en } from './text/en';
import { ka } from './text/ka';
import { ru } from './text/ru';

/** The strings of the workflow designer, mounted under `flow.` */
export const flowText = featureText({ en, ru, ka });
