/**
 * The studio's languages and which one a visit starts in. Kept apart from i18n.ts (which carries the strings)
 * so that the start-up queries (preload-first-page.ts) can ask for labels in that language before the
 * strings are evaluated.
 */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
  { code: 'ka', label: 'ქართული' },
  { code: 'kk', label: 'Қазақша' },
  { code: 'uz', label: 'Oʻzbekcha' },
  { code: 'ny', label: 'Chichewa' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_STORAGE_KEY = 'stratum.language';

/** The remembered language, else the browser's when the studio has it, else English. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  const wanted = stored ?? navigator.language.slice(0, 2);
  return LANGUAGES.some((l) => l.code === wanted) ? (wanted as Language) : 'en';
}
