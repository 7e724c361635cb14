import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FEATURES } from './features';
import { en } from './en';
import { ka } from './ka';
import { ru } from './ru';
import { kk } from './locales/kk';
import { ny } from './locales/ny';
import { uz } from './locales/uz';
import type { PartialTranslation } from './locales/translation';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
  { code: 'ka', label: 'ქართული' },
  { code: 'kk', label: 'Қазақша' },
  { code: 'uz', label: 'Oʻzbekcha' },
  { code: 'ny', label: 'Chichewa' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'stratum.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  const wanted = stored ?? navigator.language.slice(0, 2);
  return LANGUAGES.some((l) => l.code === wanted) ? (wanted as Language) : 'en';
}

/** The first three languages keep their strings beside each section (`featureText`). */
function sectionedResource(language: 'en' | 'ru' | 'ka') {
  const base = { en, ru, ka }[language];
  const sections = Object.fromEntries(Object.entries(FEATURES).map(([key, text]) => [key, text[language]]));
  return { translation: { ...base, ...sections } };
}

/** Later languages are whole translations in `locales/<code>/`. */
function translatedResource(translation: PartialTranslation) {
  return { translation: { ...translation.base, ...translation.features } };
}

/** The studio's one i18next instance; the chosen language is remembered and set on `<html lang>`. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {
    en: sectionedResource('en'),
    ru: sectionedResource('ru'),
    ka: sectionedResource('ka'),
    kk: translatedResource(kk),
    uz: translatedResource(uz),
    ny: translatedResource(ny),
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
});
