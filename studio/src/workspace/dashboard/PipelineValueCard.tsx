import { BarChart } from '@mantine/charts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stageTotals } from '../board/board-model';
import { formatMoney, formatNumber, formatPercent } from '../format';
import { ChartCard, FiguresTable } from './ChartCard';
import { CurrencyPicker } from './CurrencyPicker';
import type { PipelineSubject } from './dashboard-subjects';
import { CREATED_AT, type DashboardFilters } from './filters';
import { recordsFilter } from './period';
import { useAggregate } from './use-aggregate';

/** (b) Pipeline value by stage: the open stages' sums per currency, raw and weighted by the stage's probability. */
export function PipelineValueCard({ subject, filters }: { subject: PipelineSubject; filters: DashboardFilters }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { object, pipeline, amount } = subject;
  const open = useMemo(() => pipeline.stages.filter((s) => !s.won && !s.lost), [pipeline]);
  const filter = useMemo(
    () =>
      recordsFilter({
        ...filters,
        dateField: CREATED_AT,
        extra: [{ [pipeline.field]: { in: open.map((s) => s.name) } }],
      }),
    [filters, pipeline, open],
  );
  const groupBy = useMemo(() => [{ field: pipeline.field }, { field: amount.name }], [pipeline, amount]);
  const numbers = useMemo(() => [amount], [amount]);
  const { groups, fetching, error } = useAggregate(object, { numbers, filter, groupBy });
  const totals = useMemo(() => stageTotals(groups ?? [], pipeline, amount), [groups, pipeline, amount]);
  const counts = useMemo(
    () =>
      new Map(
        (groups ?? []).map((g) => [JSON.stringify([g.key[pipeline.field], g.key[amount.name] ?? null]), g.count]),
      ),
    [groups, pipeline, amount],
  );
  // Currencies by their total over the open stages, largest first.
  const currencies = useMemo(() => {
    const sums = new Map<string | null, number>();
    for (const stage of open)
      for (const s of totals.get(stage.name)?.sums ?? []) sums.set(s.currency, (sums.get(s.currency) ?? 0) + s.sum);
    return [...sums].sort(([, a], [, b]) => b - a).map(([c]) => c);
  }, [totals, open]);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const currency = chosen !== undefined && currencies.includes(chosen) ? chosen : (currencies[0] ?? null);
  const money = (value: number, code: string | null) =>
    formatMoney({ amount: value, currency: code }, language, { maximumFractionDigits: 0 });
  const title = t('dashboard.value.title');
  const sum = t('dashboard.value.sum');
  const weighted = t('dashboard.value.weighted');
  const data = open.map((stage) => {
    const part = totals.get(stage.name)?.sums.find((s) => s.currency === currency);
    return { stage: stage.label, sum: part?.sum ?? 0, weighted: part?.weighted ?? 0 };
  });
  return (
    <ChartCard
      title={title}
      description={t('dashboard.value.description', { objects: object.labelPlural, field: amount.label })}
      state={{ fetching, error, loaded: groups !== undefined }}
      empty={currencies.length === 0}
      controls={<CurrencyPicker currencies={currencies} value={currency} onChange={setChosen} />}
      chart={
        <BarChart
          h={240}
          data={data}
          dataKey="stage"
          withLegend
          valueFormatter={(v) => formatMoney({ amount: v, currency }, language, { notation: 'compact' })}
          series={[
            { name: 'sum', label: sum, color: 'blue.6' },
            { name: 'weighted', label: weighted, color: 'teal.6' },
          ]}
        />
      }
      figures={
        <FiguresTable
          title={title}
          columns={[t('dashboard.stage'), t('dashboard.value.currency'), t('dashboard.count'), sum, weighted]}
          rows={open.flatMap((stage) => {
            const entry = totals.get(stage.name);
            const label = `${stage.label} (${formatPercent(stage.probability, language)})`;
            // The chart's figures: its currency only (the picker shows the others).
            return (entry?.sums ?? [])
              .filter((s) => s.currency === currency)
              .map((s) => [
                label,
                s.currency ?? '—',
                formatNumber(counts.get(JSON.stringify([stage.name, s.currency])) ?? 0, language),
                money(s.sum, s.currency),
                money(s.weighted, s.currency),
              ]);
          })}
        />
      }
    />
  );
}
