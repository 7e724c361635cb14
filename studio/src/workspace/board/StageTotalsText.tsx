import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StageSum } from './board-model';
import { formatAmount } from '../format';
import { formatCompact } from './money';

/**
 * The sums of a stage, one per currency (`$1.2M · €300K`), compact to fit a column; the exact values are in the
 * title. `which` chooses the plain or the probability-weighted sum.
 */
export function StageSumText({
  sums,
  which,
  label,
  testId,
  title,
}: {
  sums: readonly StageSum[];
  which: 'sum' | 'weighted';
  label: string;
  testId: string;
  title?: string;
}) {
  const { i18n } = useTranslation();
  const compact = sums.map((s) => formatCompact(i18n.language, s[which], s.currency)).join(' · ');
  const exact = sums.map((s) => formatAmount(s[which], s.currency, i18n.language)).join(' · ');
  return (
    <Text size="xs" c="dimmed" title={[title, exact].filter(Boolean).join(': ')}>
      {label}:{' '}
      <Text span size="xs" fw={600} c="var(--mantine-color-text)" data-testid={testId}>
        {compact || formatCompact(i18n.language, 0, null)}
      </Text>
    </Text>
  );
}
