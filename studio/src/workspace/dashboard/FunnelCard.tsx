import { FunnelChart } from '@mantine/charts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from '../format';
import { ChartCard, FiguresTable, PALETTE } from './ChartCard';
import type { PipelineSubject } from './dashboard-subjects';
import { CREATED_AT, type DashboardFilters } from './filters';
import { countsByStage, funnelSteps } from './funnel';
import { recordsFilter } from './period';
import { useAggregate } from './use-aggregate';

/** (a) Funnel conversion by stage: records created in the period, by how far they got (see `funnelSteps`). */
export function FunnelCard({ subject, filters }: { subject: PipelineSubject; filters: DashboardFilters }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { object, pipeline } = subject;
  const filter = useMemo(() => recordsFilter({ ...filters, dateField: CREATED_AT }), [filters]);
  const groupBy = useMemo(() => [{ field: pipeline.field }], [pipeline]);
  const { groups, fetching, error } = useAggregate(object, { filter, groupBy });
  const steps = useMemo(() => funnelSteps(pipeline, countsByStage(groups ?? [], pipeline.field)), [groups, pipeline]);
  const title = t('dashboard.funnel.title');
  return (
    <ChartCard
      title={title}
      description={t('dashboard.funnel.description', { objects: object.labelPlural })}
      state={{ fetching, error, loaded: groups !== undefined }}
      empty={steps.every((s) => s.reached === 0)}
      chart={
        <FunnelChart
          h={220}
          size={200}
          withLabels
          // Inside: the chart is drawn `size` wide, so labels beside the funnel would be cut at its edge.
          labelsPosition="inside"
          valueFormatter={(v) => formatNumber(v, language)}
          data={steps.map((s, i) => ({
            key: s.stage.name,
            name: s.stage.label,
            value: s.reached,
            color: s.stage.color ?? PALETTE[i % PALETTE.length]!,
          }))}
        />
      }
      figures={
        <FiguresTable
          title={title}
          columns={[
            t('dashboard.stage'),
            t('dashboard.funnel.reached'),
            t('dashboard.funnel.current'),
            t('dashboard.funnel.ofPrevious'),
          ]}
          rows={steps.map((s) => [
            s.stage.label,
            formatNumber(s.reached, language),
            formatNumber(s.current, language),
            s.ofPrevious === null ? '—' : formatShare(s.ofPrevious, language),
          ])}
        />
      }
    />
  );
}
