/**
 * A label as metadata writes it — absent, text, or a map from locale to text (CONTRACT.md "Labels") — and
 * the edit of one language's text in it. Editors that show a single input (stages, select options) change
 * only the text of the language the studio is shown in, so the other translations survive the edit.
 */

/** A label as metadata writes it: absent, text, or `{ en: "Won", ru: "Выиграна" }`. */
export type Labels = string | Readonly<Record<string, string>> | null;

/** A label read from the API (`unknown` JSON) → `Labels`; anything else is no label. */
export function asLabels(value: unknown): Labels {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string'))
    return value as Record<string, string>;
  return null;
}

/** The text of a label in `language`, falling back to English, then to any translation. */
export function labelIn(labels: Labels, language: string): string {
  if (labels === null) return '';
  if (typeof labels === 'string') return labels;
  return labels[language] ?? labels['en'] ?? Object.values(labels)[0] ?? '';
}

/** The text written for `language` itself (plain text is English), without falling back to another. */
export function ownLabelIn(labels: Labels, language: string): string {
  if (labels === null) return '';
  if (typeof labels === 'string') return language === 'en' ? labels : '';
  return labels[language] ?? '';
}

/**
 * The label after the user typed `text` in `language`: a map gets (or loses) that language; plain text is
 * English, so typing in another language turns it into a map that keeps the English text.
 *
 * @example
 *   withLabel({ en: 'Hot', ru: 'Горячий' }, 'en', 'Very hot'); // { en: 'Very hot', ru: 'Горячий' }
 *   withLabel('Hot', 'ru', 'Горячий'); // { en: 'Hot', ru: 'Горячий' }
 */
export function withLabel(labels: Labels, language: string, text: string): Labels {
  const map: Record<string, string> =
    labels === null ? {} : typeof labels === 'string' ? { en: labels } : { ...labels };
  if (text) map[language] = text;
  else delete map[language];
  const keys = Object.keys(map);
  if (keys.length === 0) return null;
  return keys.length === 1 && keys[0] === 'en' ? map['en']! : map;
}
