import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineSubject } from './dashboard-subjects';
import { PERIODS, type OwnerScope, type Period } from './period';

/** The page's filters: which pipeline (when several), the period and whose records. */
export function DashboardFiltersBar({
  subjects,
  subject,
  onSubject,
  period,
  onPeriod,
  owner,
  onOwner,
}: {
  subjects: readonly PipelineSubject[];
  subject: PipelineSubject;
  onSubject: (key: string) => void;
  period: Period;
  onPeriod: (period: Period) => void;
  owner: OwnerScope;
  onOwner: (owner: OwnerScope) => void;
}) {
  const { t } = useTranslation();
  const periodId = useId();
  const ownerId = useId();
  return (
    <Stack gap={4} mb="md" role="group" aria-label={t('dashboard.filters.label')}>
      <Group gap="md" align="flex-end" wrap="wrap">
        {subjects.length > 1 && (
          <Select
            label={t('dashboard.filters.object')}
            allowDeselect={false}
            value={subjectKey(subject)}
            onChange={(v) => v && onSubject(v)}
            data={subjects.map((s) => ({
              value: subjectKey(s),
              label: s.pipeline.label ? `${s.object.labelPlural}: ${s.pipeline.label}` : s.object.labelPlural,
            }))}
          />
        )}
        <Stack gap={2}>
          <Text size="sm" fw={500} id={periodId}>
            {t('dashboard.filters.period')}
          </Text>
          <SegmentedControl
            aria-labelledby={periodId}
            value={period}
            onChange={(v) => onPeriod(v as Period)}
            data={PERIODS.map((p) => ({ value: p, label: t(`dashboard.filters.${p}`) }))}
          />
        </Stack>
        <Stack gap={2}>
          <Text size="sm" fw={500} id={ownerId}>
            {t('dashboard.filters.owner')}
          </Text>
          <SegmentedControl
            aria-labelledby={ownerId}
            value={owner}
            onChange={(v) => onOwner(v as OwnerScope)}
            data={[
              { value: 'everyone', label: t('dashboard.filters.everyone') },
              { value: 'me', label: t('dashboard.filters.me') },
            ]}
          />
        </Stack>
      </Group>
      <Text size="xs" c="dimmed">
        {t('dashboard.filters.note', { date: subject.closeDate?.label ?? '—' })}
      </Text>
    </Stack>
  );
}

/** How the URL names a pipeline subject: `deal.stage`. */
export const subjectKey = (s: PipelineSubject): string => `${s.object.name}.${s.pipeline.field}`;
