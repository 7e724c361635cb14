import { DonutChart } from '@mantine/charts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from '../format';
import type { WorkspaceField, WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import { ChartCard, FiguresTable, PALETTE } from './ChartCard';
import { CREATED_AT, type DashboardFilters } from './filters';
import { optionCounts } from './option-counts';
import { useOptions } from './option-looks';
import { recordsFilter } from './period';
import { useAggregate } from './use-aggregate';

/** (d) Records created in the period per option of their `source` select. */
export function LeadSourcesCard({
  object,
  source,
  pipelines,
  filters,
}: {
  object: WorkspaceObject;
  source: WorkspaceField;
  pipelines: readonly WorkspacePipeline[];
  filters: DashboardFilters;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const filter = useMemo(() => recordsFilter({ ...filters, dateField: CREATED_AT }), [filters]);
  const groupBy = useMemo(() => [{ field: source.name }], [source]);
  const { groups, fetching, error } = useAggregate(object, { filter, groupBy });
  const { values, looks } = useOptions(object, source, pipelines);
  const counts = useMemo(() => optionCounts(values, groups ?? [], source.name), [values, groups, source]);
  const label = (value: string | null) => (value === null ? t('dashboard.none') : (looks.get(value)?.label ?? value));
  const title = t('dashboard.sources.title', { objects: object.labelPlural });
  return (
    <ChartCard
      title={title}
      description={t('dashboard.sources.description', { objects: object.labelPlural, field: source.label })}
      state={{ fetching, error, loaded: groups !== undefined }}
      empty={counts.every((c) => c.count === 0)}
      chart={
        <DonutChart
          mx="auto"
          size={180}
          thickness={28}
          withLabelsLine={false}
          valueFormatter={(v) => formatNumber(v, language)}
          data={counts
            .filter((c) => c.count > 0)
            .map((c, i) => ({
              name: label(c.value),
              value: c.count,
              color: (c.value && looks.get(c.value)?.color) || PALETTE[i % PALETTE.length]!,
            }))}
        />
      }
      figures={
        <FiguresTable
          title={title}
          columns={[source.label, t('dashboard.count'), t('dashboard.share')]}
          rows={counts.map((c) => [label(c.value), formatNumber(c.count, language), formatShare(c.share, language)])}
        />
      }
    />
  );
}
