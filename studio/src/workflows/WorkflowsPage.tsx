import { Badge, Code } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { localized } from '../components/localized';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { graphql } from '../gql';
import type { WorkflowsQuery } from '../gql/graphql';

const WorkflowsDocument = graphql(`
  query Workflows {
    workflows {
      name
      label
      active
      trigger
    }
  }
`);

type WorkflowRow = WorkflowsQuery['workflows'][number];

function triggerText(trigger: unknown): string {
  if (!trigger || typeof trigger !== 'object') return '';
  const { type, object } = trigger as { type?: unknown; object?: unknown };
  return [type, object].filter((part) => typeof part === 'string').join(' · ');
}

/** Placeholder of the workflow designer: the workspace's workflows, read-only. */
export default function WorkflowsPage() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: WorkflowsDocument });
  return (
    <>
      <PageTitle text={t('workflows.title')} />
      <QueryState fetching={fetching && !data} error={error} />
      {data && (
        <DataTable<WorkflowRow>
          caption={t('workflows.title')}
          rows={data.workflows}
          rowKey={(w) => w.name}
          columns={[
            { key: 'name', header: t('workflows.name'), cell: (w) => <Code>{w.name}</Code> },
            { key: 'label', header: t('workflows.label'), cell: (w) => localized(w.label, i18n.language, w.name) },
            { key: 'trigger', header: t('workflows.trigger'), cell: (w) => triggerText(w.trigger) },
            {
              key: 'active',
              header: t('workflows.active'),
              cell: (w) => (
                <Badge color={w.active ? 'green' : 'gray'} variant="light">
                  {w.active ? t('common.yes') : t('common.no')}
                </Badge>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
