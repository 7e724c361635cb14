/** A label as metadata writes it — text, or a map from locale to text — in the given language. */
export function localized(label: unknown, language: string, fallback: string): string {
  if (typeof label === 'string') return label;
  if (label && typeof label === 'object') {
    const map = label as Record<string, unknown>;
    const text = map[language] ?? map['en'] ?? Object.values(map)[0];
    if (typeof text === 'string') return text;
  }
  return fallback;
}
