import type { TFunction } from 'i18next';
import { localized } from '../../components/localized';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatMoney } from '../format';
import type { WorkspaceField } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import { plainText } from './plain-text';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The label of a select option in the user's language (the value itself when the option is gone). */
function optionLabel(field: WorkspaceField | undefined, value: string, language: string): string {
  const options = (field?.settings as { options?: unknown[] } | null)?.options ?? [];
  for (const o of options) {
    if (o === value) return value;
    if (isObject(o) && o['value'] === value) return localized(o['label'], language, value);
  }
  return value;
}

/**
 * A field's value as text in the user's language (Intl for numbers, money and dates): for read-only
 * values, related-list cells and the timeline's "from … to …". Related records show their title, or their id.
 */
export function formatValue(value: unknown, field: WorkspaceField | undefined, language: string, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('record.timeline.empty_value');
  if (Array.isArray(value)) return value.map((v) => formatValue(v, field, language, t)).join(', ');
  if (typeof value === 'boolean') return value ? t('record.timeline.yes') : t('record.timeline.no');
  if (typeof value === 'number') {
    return field?.type === 'percent' ? formatPercent(value, language) : formatNumber(value, language);
  }
  if (isObject(value)) {
    if (typeof value['amount'] === 'number') {
      const currency = typeof value['currency'] === 'string' ? value['currency'] : null;
      return formatMoney({ amount: value['amount'], currency }, language);
    }
    const shown = Object.entries(value).filter(([k, v]) => k !== 'id' && k !== '__typename' && typeof v === 'string');
    if (shown.length) return shown.map(([, v]) => v as string).join(', ');
    return String(value['id'] ?? '');
  }
  const text = String(value);
  if (field?.type === 'richText') return plainText(text);
  if (field?.type === 'select' || field?.type === 'multiSelect') return optionLabel(field, text, language);
  if (field?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, language);
  if (field?.type === 'datetime') return formatDateTime(text, language);
  return text;
}

/**
 * A pipeline's stage field with the stages as its options: the pipeline is where stages are labelled
 * (in the user's language), so values read "Proposal", not "proposal".
 */
export function withStageLabels(
  field: WorkspaceField,
  object: string,
  pipelines: readonly WorkspacePipeline[],
): WorkspaceField {
  const pipeline = pipelines.find((p) => p.object === object && p.field === field.name);
  if (!pipeline) return field;
  const options = pipeline.stages.map((s) => ({ value: s.name, label: s.label, color: s.color }));
  return { ...field, settings: { ...(field.settings as object | null), options } };
}
