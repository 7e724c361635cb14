import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FEATURES } from './features';
import { en } from './en';
import { ka } from './ka';
import { ru } from './ru';
import { initialLanguage, LANGUAGE_STORAGE_KEY, type Language } from './languages';
import type { PartialTranslation } from './locales/translation';

export { LANGUAGES, type Language } from './languages';

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

/**
 * Languages whose strings are fetched when they are chosen, each a chunk of its own: the first load carries
 * English, Russian and Georgian (kept beside each section's code) and nothing of the others.
 */
const LOADED_WHEN_CHOSEN: Partial<Record<Language, () => Promise<PartialTranslation>>> = {
  kk: () => import('./locales/kk').then((m) => m.kk),
  uz: () => import('./locales/uz').then((m) => m.uz),
  ny: () => import('./locales/ny').then((m) => m.ny),
};

/** The studio's one i18next instance (its language is set through `chooseLanguage`). */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {
    en: sectionedResource('en'),
    ru: sectionedResource('ru'),
    ka: sectionedResource('ka'),
  },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
/** Switches the studio to a language (remembered), fetching its strings first when they are not loaded yet. */
export async function chooseLanguage(language: Language): Promise<void> {
  const load = LOADED_WHEN_CHOSEN[language];
  if (load && !i18n.hasResourceBundle(language, 'translation'))
    i18n.addResourceBundle(language, 'translation', translatedResource(await load()).translation);
  await i18n.changeLanguage(language);
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/** Resolves once the remembered (or the browser's) language is ready: the studio renders after it. */
export const languageReady: Promise<void> = chooseLanguage(initialLanguage()).catch(() => chooseLanguage('en'));
