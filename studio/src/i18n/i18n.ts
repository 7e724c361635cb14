import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { accessText } from '../access/text';
import { layoutsText } from '../layouts/text';
import { manifestText } from '../manifest/text';
import { pipelinesText } from '../pipelines/text';
import { flowText } from '../workflows/text';
import { boardText } from '../workspace/board/text';
import { homeText } from '../workspace/home/text';
import { listText } from '../workspace/list/text';
import { recordText } from '../workspace/record/text';
import { tasksText } from '../workspace/tasks/text';
import { searchText } from '../workspace/search/text';
import { en } from './en';
import { ka } from './ka';
import { ru } from './ru';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
  { code: 'ka', label: 'ქართული' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'stratum.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  const wanted = stored ?? navigator.language.slice(0, 2);
  return LANGUAGES.some((l) => l.code === wanted) ? (wanted as Language) : 'en';
}

/** Each section's strings, under its own key (`pipelines.title`, `flow.palette`, …). */
const FEATURES = {
  access: accessText,
  layouts: layoutsText,
  manifest: manifestText,
  pipelines: pipelinesText,
  flow: flowText,
  home: homeText,
  list: listText,
  board: boardText,
  record: recordText,
  tasks: tasksText,
  search: searchText,
};

function resource(language: Language) {
  const base = { en, ru, ka }[language];
  const sections = Object.fromEntries(Object.entries(FEATURES).map(([key, text]) => [key, text[language]]));
  return { translation: { ...base, ...sections } };
}

/** The studio's one i18next instance; the chosen language is remembered and set on `<html lang>`. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: resource('en'), ru: resource('ru'), ka: resource('ka') },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
});
