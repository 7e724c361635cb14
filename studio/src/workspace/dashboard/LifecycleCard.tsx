import { BarChart } from '@mantine/charts';
import { Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth, formatNumber, formatShare } from '../format';
import type { WorkspaceField, WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import { ChartCard, FiguresTable, PALETTE } from './ChartCard';
import { CREATED_AT, type DashboardFilters } from './filters';
import { countsByMonth, optionCounts } from './option-counts';
import { useOptions } from './option-looks';
import { recordsFilter } from './period';
import { useAggregate } from './use-aggregate';

/**
 * (f) The life cycle of records created in the period: how many are at each status, in the status select's own
 * order (its steps), the share converted, and how many were created per month.
 */
export function LifecycleCard({
  object,
  status,
  converted,
  pipelines,
  filters,
}: {
  object: WorkspaceObject;
  status: WorkspaceField;
  converted: string | undefined;
  pipelines: readonly WorkspacePipeline[];
  filters: DashboardFilters;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const filter = useMemo(() => recordsFilter({ ...filters, dateField: CREATED_AT }), [filters]);
  const byStatus = useMemo(() => [{ field: status.name }], [status]);
  const byMonth = useMemo(() => [{ field: CREATED_AT.name, granularity: 'MONTH' }], []);
  const statuses = useAggregate(object, { filter, groupBy: byStatus });
  const months = useAggregate(object, { filter, groupBy: byMonth });
  const { values, looks } = useOptions(object, status, pipelines);
  const counts = useMemo(
    () => optionCounts(values, statuses.groups ?? [], status.name),
    [values, statuses.groups, status],
  );
  const perMonth = useMemo(() => countsByMonth(months.groups ?? [], CREATED_AT.name), [months.groups]);
  const label = (value: string | null) => (value === null ? t('dashboard.none') : (looks.get(value)?.label ?? value));
  const total = counts.reduce((n, c) => n + c.count, 0);
  const done = counts.find((c) => c.value === converted);
  const title = t('dashboard.lifecycle.title', { objects: object.labelPlural });
  const perMonthTitle = t('dashboard.lifecycle.perMonth', { objects: object.labelPlural });
  const count = t('dashboard.count');
  return (
    <ChartCard
      title={title}
      description={t('dashboard.lifecycle.description', { objects: object.labelPlural, field: status.label })}
      state={{
        fetching: statuses.fetching || months.fetching,
        error: statuses.error ?? months.error,
        loaded: statuses.groups !== undefined && months.groups !== undefined,
      }}
      empty={total === 0}
      controls={
        done && (
          <Text fw={600} data-testid="converted">
            {t('dashboard.lifecycle.converted', {
              share: formatShare(done.share, language),
              count: formatNumber(done.count, language),
              total: formatNumber(total, language),
            })}
          </Text>
        )
      }
      chart={
        <BarChart
          h={220}
          data={counts.map((c) => ({ status: label(c.value), count: c.count }))}
          dataKey="status"
          valueFormatter={(v) => formatNumber(v, language)}
          series={[{ name: 'count', label: count, color: 'blue.6' }]}
          barProps={{ radius: 4 }}
        />
      }
      figures={
        <FiguresTable
          title={title}
          columns={[status.label, count, t('dashboard.share')]}
          rows={counts.map((c) => [label(c.value), formatNumber(c.count, language), formatShare(c.share, language)])}
        />
      }
      footer={
        <>
          <Title order={4} size="h5">
            {perMonthTitle}
          </Title>
          <div aria-hidden>
            <BarChart
              h={160}
              data={perMonth.map((m) => ({ month: formatMonth(m.month, language), count: m.count }))}
              dataKey="month"
              valueFormatter={(v) => formatNumber(v, language)}
              series={[{ name: 'count', label: count, color: PALETTE[1]! }]}
            />
          </div>
          <FiguresTable
            title={perMonthTitle}
            columns={[t('dashboard.month'), count]}
            rows={perMonth.map((m) => [formatMonth(m.month, language), formatNumber(m.count, language)])}
          />
        </>
      }
    />
  );
}
