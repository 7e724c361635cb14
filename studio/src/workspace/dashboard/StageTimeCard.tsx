import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatNumber } from '../format';
import { ChartCard, FiguresTable } from './ChartCard';
import type { PipelineSubject } from './dashboard-subjects';
import type { DashboardFilters } from './filters';
import { useStageDurations } from './use-stage-durations';

const DAY = 24 * 3600;

/** (e) Average time in stage, from the field history of the pipeline's field (the `stageDurations` query). */
export function StageTimeCard({ subject, filters }: { subject: PipelineSubject; filters: DashboardFilters }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { object, pipeline } = subject;
  const { durations, fetching, error } = useStageDurations(subject, filters);
  const byStage = new Map((durations ?? []).map((d) => [d.stage, d]));
  // In pipeline order; stages without a finished stay are left out.
  const rows = pipeline.stages.flatMap((stage) => {
    const d = byStage.get(stage.name);
    return d ? [{ ...d, stage }] : [];
  });
  const title = t('dashboard.durations.title');
  const days = t('dashboard.durations.days');
  return (
    <ChartCard
      title={title}
      description={t('dashboard.durations.description', { objects: object.labelPlural })}
      state={{ fetching, error, loaded: durations !== undefined }}
      empty={rows.length === 0}
      emptyText={t('dashboard.durations.empty', { objects: object.labelPlural })}
      chart={
        <BarChart
          h={Math.max(120, rows.length * 40)}
          orientation="vertical"
          data={rows.map((r) => ({ stage: r.stage.label, days: r.averageSeconds / DAY }))}
          dataKey="stage"
          yAxisProps={{ width: 100 }}
          valueFormatter={(v) => formatDuration(v * DAY, language)}
          series={[{ name: 'days', label: days, color: 'violet.6' }]}
        />
      }
      figures={
        <FiguresTable
          title={title}
          columns={[t('dashboard.stage'), t('dashboard.durations.records'), t('dashboard.durations.average')]}
          rows={rows.map((r) => [
            r.stage.label,
            formatNumber(r.records, language),
            formatDuration(r.averageSeconds, language),
          ])}
        />
      }
    />
  );
}
