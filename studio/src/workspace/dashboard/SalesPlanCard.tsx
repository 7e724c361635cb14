import { CompositeChart } from '@mantine/charts';
import { Group, Select, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMonth, formatShare } from '../format';
import type { WorkspaceObject } from '../record-api';
import { ChartCard, FiguresTable } from './ChartCard';
import { CurrencyPicker } from './CurrencyPicker';
import type { PipelineSubject, PlanSubject } from './dashboard-subjects';
import type { DashboardFilters } from './filters';
import { currenciesOf, monthSeries } from './sales-plan';
import { usePeopleNames } from './use-people-names';
import { useSalesPlan } from './use-sales-plan';

const ALL = '*';

/** (c) Won amounts per manager per month of the close date, against the sales plan (see ./sales-plan.ts). */
export function SalesPlanCard({
  subject,
  plan,
  objects,
  filters,
}: {
  subject: PipelineSubject;
  plan: PlanSubject | null;
  objects: readonly WorkspaceObject[];
  filters: DashboardFilters;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { object, amount, closeDate } = subject;
  const { rows, teams, names: known, loaded, error } = useSalesPlan(subject, plan, objects, filters);
  const managers = useMemo(() => [...new Set(rows.map((r) => r.manager))], [rows]);
  const names = usePeopleNames(object, managers, known);
  const nameOf = (id: string) =>
    id === ''
      ? t('dashboard.plan.nobody')
      : (names.get(id) ?? teams.find((team) => team.leadId === id)?.name ?? t('dashboard.plan.unknown'));
  const currencies = useMemo(() => currenciesOf(rows), [rows]);
  const [chosenCurrency, setCurrency] = useState<string | null | undefined>(undefined);
  const currency =
    chosenCurrency !== undefined && currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? null);
  const [chosenManager, setManager] = useState<string>(ALL);
  const manager = managers.includes(chosenManager) ? chosenManager : ALL;
  const series = monthSeries(rows, currency, manager === ALL ? undefined : manager);
  // The table holds the chart's figures: its currency, and its manager or each one.
  const shown = rows.filter((r) => r.currency === currency && (manager === ALL || r.manager === manager));
  const money = (value: number, code: string | null) =>
    formatMoney({ amount: value, currency: code }, language, { maximumFractionDigits: 0 });
  const title = t('dashboard.plan.title');
  const won = t('dashboard.plan.won');
  const planned = t('dashboard.plan.plan');
  if (!closeDate) {
    return (
      <ChartCard
        title={title}
        description={t('dashboard.plan.noDate', { objects: object.labelPlural })}
        state={{ fetching: false, error: undefined, loaded: true }}
        empty
        emptyText=""
        chart={null}
        figures={null}
      />
    );
  }
  return (
    <ChartCard
      title={title}
      description={t('dashboard.plan.description', { field: amount.label, date: closeDate.label })}
      state={{ fetching: !loaded, error, loaded }}
      empty={rows.length === 0}
      controls={
        <Group gap="sm" align="flex-end">
          {managers.length > 1 && (
            <Select
              label={t('dashboard.plan.manager')}
              size="xs"
              w={200}
              allowDeselect={false}
              value={manager}
              onChange={(v) => setManager(v ?? ALL)}
              data={[
                { value: ALL, label: t('dashboard.plan.allManagers') },
                ...managers.map((m) => ({ value: m, label: nameOf(m) })),
              ]}
            />
          )}
          <CurrencyPicker currencies={currencies} value={currency} onChange={setCurrency} />
        </Group>
      }
      chart={
        <CompositeChart
          h={240}
          data={series.map((p) => ({ ...p, month: formatMonth(p.month, language) }))}
          dataKey="month"
          withLegend
          valueFormatter={(v) => formatMoney({ amount: v, currency }, language, { notation: 'compact' })}
          series={[
            { name: 'won', label: won, color: 'teal.6', type: 'bar' },
            { name: 'plan', label: planned, color: 'orange.6', type: 'line' },
          ]}
        />
      }
      figures={
        <FiguresTable
          title={title}
          columns={[t('dashboard.plan.manager'), t('dashboard.month'), won, planned, t('dashboard.plan.attainment')]}
          rows={shown.map((r) => [
            nameOf(r.manager),
            formatMonth(r.month, language),
            money(r.won, r.currency),
            r.plan ? money(r.plan, r.currency) : '—',
            r.plan ? formatShare(r.won / r.plan, language) : '—',
          ])}
        />
      }
      footer={
        !plan && (
          <Text size="xs" c="dimmed">
            {t('dashboard.plan.noPlanObject')}
          </Text>
        )
      }
    />
  );
}
