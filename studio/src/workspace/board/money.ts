import { formatMoney } from '../format';

/**
 * `€1.2M`: a stage's total, compact because column headers are narrow (the exact value, `formatAmount` of
 * ../format, is in the title).
 */
export function formatCompact(language: string, value: number, currency: string | null): string {
  return formatMoney({ amount: value, currency }, language, { notation: 'compact', maximumFractionDigits: 1 });
}
