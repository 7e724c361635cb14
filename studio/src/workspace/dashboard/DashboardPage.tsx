import '@mantine/charts/styles.css';
import { SimpleGrid, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { MeDocument } from '../../shell/me-document';
import { useWorkspaceModel } from '../use-workspace-model';
import { DashboardFiltersBar, subjectKey } from './DashboardFiltersBar';
import { leadsSubject, pipelineSubjects, planSubject } from './dashboard-subjects';
import type { DashboardFilters } from './filters';
import { FunnelCard } from './FunnelCard';
import { LeadSourcesCard } from './LeadSourcesCard';
import { LifecycleCard } from './LifecycleCard';
import { PERIODS, periodRange, type OwnerScope, type Period } from './period';
import { PipelineValueCard } from './PipelineValueCard';
import { SalesPlanCard } from './SalesPlanCard';
import { StageTimeCard } from './StageTimeCard';

/**
 * `/dashboard`: the sales statistics — funnel, pipeline value, won against plan, time in stage, leads by source and
 * life cycle — from the aggregation API, under the user's own read scope (a manager sees their team's numbers). The
 * filters live in the URL (`?period=quarter&owner=me&pipeline=deal.stage`), so a view can be shared.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [{ data: meData, error: meError }] = useQuery({ query: MeDocument });
  const { model, fetching, error } = useWorkspaceModel();
  const subjects = useMemo(() => (model ? pipelineSubjects(model) : []), [model]);
  const leads = useMemo(() => (model ? leadsSubject(model) : null), [model]);
  const plan = useMemo(() => (model ? planSubject(model) : null), [model]);
  const period = (PERIODS as readonly string[]).includes(search.get('period') ?? '')
    ? (search.get('period') as Period)
    : 'year';
  const owner: OwnerScope = search.get('owner') === 'me' ? 'me' : 'everyone';
  const me = meData?.me.id;
  const seesAll = meData?.me.roles.includes('admin') ?? false;
  // One range per period choice (recomputed on a new day only through a reload, as the page's figures are).
  const range = useMemo(() => periodRange(period), [period]);
  const filters = useMemo<DashboardFilters>(() => ({ range, owner, me, seesAll }), [range, owner, me, seesAll]);
  const set = (key: string, value: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const title = t('dashboard.title');
  if (!model || !meData) {
    return (
      <>
        <PageTitle text={title} />
        <QueryState fetching={fetching || !meData} error={error ?? meError} />
      </>
    );
  }
  const subject = subjects.find((s) => subjectKey(s) === search.get('pipeline')) ?? subjects[0];
  if (!subject) {
    return (
      <>
        <PageTitle text={title} />
        <Text>{t('dashboard.nothing')}</Text>
      </>
    );
  }
  return (
    <>
      <PageTitle text={title} />
      <DashboardFiltersBar
        subjects={subjects}
        subject={subject}
        onSubject={(key) => set('pipeline', key)}
        period={period}
        onPeriod={(p) => set('period', p)}
        owner={owner}
        onOwner={(o) => set('owner', o)}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" verticalSpacing="md" key={subjectKey(subject)}>
        <FunnelCard subject={subject} filters={filters} />
        <PipelineValueCard subject={subject} filters={filters} />
        <SalesPlanCard subject={subject} plan={plan} objects={model.objects} filters={filters} />
        <StageTimeCard subject={subject} filters={filters} />
        {leads?.source && (
          <LeadSourcesCard object={leads.object} source={leads.source} pipelines={model.pipelines} filters={filters} />
        )}
        {leads?.status && (
          <LifecycleCard
            object={leads.object}
            status={leads.status}
            converted={leads.converted}
            pipelines={model.pipelines}
            filters={filters}
          />
        )}
      </SimpleGrid>
    </>
  );
}
