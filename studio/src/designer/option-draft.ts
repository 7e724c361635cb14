import { asLabels, type Labels } from './labels';

/**
 * One option of a select field as the form edits it; `color` is empty or `#rrggbb`. The label stays as
 * metadata writes it (text or a map from locale to text): the editor changes one language's text with
 * `withLabel`, so the other translations are saved back untouched.
 */
export interface OptionDraft {
  readonly id: number;
  readonly value: string;
  readonly labels: Labels;
  readonly color: string;
}

let nextId = 1;

/** An option as the manifest writes it (its value, or `{ value, label, color }`) → its draft. */
export function optionDraft(option: unknown): OptionDraft {
  if (typeof option === 'string') return { id: nextId++, value: option, labels: null, color: '' };
  const o = (option ?? {}) as { value?: unknown; label?: unknown; color?: unknown };
  return {
    id: nextId++,
    value: typeof o.value === 'string' ? o.value : '',
    labels: asLabels(o.label),
    color: typeof o.color === 'string' ? o.color : '',
  };
}

/** Text labels lose the spaces around them; an empty one is no label. */
function trimmed(labels: Labels): Labels {
  if (labels === null) return null;
  if (typeof labels === 'string') return labels.trim() || null;
  const map = Object.fromEntries(
    Object.entries(labels)
      .map(([locale, text]) => [locale, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
  const locales = Object.keys(map);
  if (locales.length === 0) return null;
  return locales.length === 1 && locales[0] === 'en' ? map['en']! : map;
}

/** The draft → the manifest's option: the bare value when it has neither label nor colour. */
export function optionValue(option: OptionDraft): unknown {
  const value = option.value.trim();
  const label = trimmed(option.labels);
  if (label === null && !option.color) return value;
  return { value, ...(label !== null ? { label } : {}), ...(option.color ? { color: option.color } : {}) };
}
