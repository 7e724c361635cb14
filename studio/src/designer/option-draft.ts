/**
 * One option of a select field as the form edits it; `color` is empty or `#rrggbb`. A label written as a map
 * of locales is kept as it came (`original`) unless its text is edited.
 */
export interface OptionDraft {
  readonly id: number;
  readonly value: string;
  readonly label: string;
  readonly color: string;
  readonly original?: unknown;
}

let nextId = 1;

/** An option as the manifest writes it (its value, or `{ value, label, color }`) → its draft. */
export function optionDraft(option: unknown): OptionDraft {
  if (typeof option === 'string') return { id: nextId++, value: option, label: '', color: '' };
  const o = (option ?? {}) as { value?: unknown; label?: unknown; color?: unknown };
  const label = typeof o.label === 'string' ? o.label : o.label && typeof o.label === 'object' ? o.label : undefined;
  const text = typeof label === 'string' ? label : ((label as Record<string, string> | undefined)?.['en'] ?? '');
  return {
    id: nextId++,
    value: typeof o.value === 'string' ? o.value : '',
    label: text,
    color: typeof o.color === 'string' ? o.color : '',
    ...(label !== undefined && typeof label !== 'string' ? { original: label } : {}),
  };
}

/** The draft → the manifest's option: the bare value when it has neither label nor colour. */
export function optionValue(option: OptionDraft): unknown {
  const value = option.value.trim();
  const originalText = (option.original as Record<string, string> | undefined)?.['en'] ?? '';
  const label = option.original !== undefined && option.label === originalText ? option.original : option.label.trim();
  if (!label && !option.color) return value;
  return { value, ...(label ? { label } : {}), ...(option.color ? { color: option.color } : {}) };
}
