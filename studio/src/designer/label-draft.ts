/**
 * A label as the designer edits it: English, Russian and Georgian, plus the other locales the metadata already
 * has (kept as they are, e.g. `kk` of the sales CRM). Metadata writes a label as text or as a map from locale to
 * text (CONTRACT.md "Labels").
 */
export interface LabelDraft {
  readonly en: string;
  readonly ru: string;
  readonly ka: string;
  readonly others: Readonly<Record<string, string>>;
}

export const EDITED_LOCALES = ['en', 'ru', 'ka'] as const;
export type EditedLocale = (typeof EDITED_LOCALES)[number];

export const emptyLabel: LabelDraft = { en: '', ru: '', ka: '', others: {} };

export function labelDraft(label: unknown): LabelDraft {
  if (typeof label === 'string') return { ...emptyLabel, en: label };
  if (!label || typeof label !== 'object') return emptyLabel;
  const map = label as Record<string, unknown>;
  const text = (locale: string) => (typeof map[locale] === 'string' ? (map[locale] as string) : '');
  const others = Object.fromEntries(
    Object.entries(map).filter(
      (entry): entry is [string, string] =>
        !(EDITED_LOCALES as readonly string[]).includes(entry[0]) && typeof entry[1] === 'string',
    ),
  );
  return { en: text('en'), ru: text('ru'), ka: text('ka'), others };
}

/** The label to save: plain text when only English is given, a map otherwise, undefined when empty. */
export function labelValue(draft: LabelDraft): string | Record<string, string> | undefined {
  const map: Record<string, string> = { ...draft.others };
  for (const locale of EDITED_LOCALES) if (draft[locale].trim()) map[locale] = draft[locale].trim();
  const locales = Object.keys(map);
  if (locales.length === 0) return undefined;
  if (locales.length === 1 && locales[0] === 'en') return map['en'];
  return map;
}
