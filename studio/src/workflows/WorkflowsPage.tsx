import { Anchor, Badge, Button, Code, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { localized } from '../components/localized';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import type { WorkflowsQuery } from '../gql/graphql';
import { WorkflowsDocument } from './documents';
import { NewWorkflowModal } from './NewWorkflowModal';
import { useStepTypes, useTypeLabel } from './step-types';

type WorkflowRow = WorkflowsQuery['workflows'][number];

function triggerObject(trigger: unknown): string | undefined {
  const object = (trigger as { object?: unknown } | null)?.object;
  return typeof object === 'string' ? object : undefined;
}

function triggerType(trigger: unknown): string {
  const type = (trigger as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : '';
}

/** The workspace's workflows; a row's name opens its designer, "New workflow" creates one. */
export default function WorkflowsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const typeLabel = useTypeLabel();
  const [{ data, fetching, error }] = useQuery({ query: WorkflowsDocument });
  const { types } = useStepTypes();
  const [creating, { open, close }] = useDisclosure();
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle text={t('flow.list.title')} />
        <Button onClick={open} disabled={!types}>
          {t('flow.new.title')}
        </Button>
      </Group>
      <QueryState fetching={fetching && !data} error={error} />
      {data && (
        <DataTable<WorkflowRow>
          caption={t('flow.list.title')}
          rows={data.workflows}
          rowKey={(w) => w.name}
          columns={[
            {
              key: 'name',
              header: t('flow.list.name'),
              cell: (w) => (
                <Anchor component={Link} to={`/workflows/${encodeURIComponent(w.name)}`}>
                  <Code>{w.name}</Code>
                </Anchor>
              ),
            },
            { key: 'label', header: t('flow.list.label'), cell: (w) => localized(w.label, i18n.language, w.name) },
            {
              key: 'trigger',
              header: t('flow.list.trigger'),
              cell: (w) =>
                [typeLabel.trigger(triggerType(w.trigger)), triggerObject(w.trigger)].filter(Boolean).join(' · '),
            },
            {
              key: 'active',
              header: t('flow.list.active'),
              cell: (w) => (
                <Badge color={w.active ? 'green' : 'gray'} variant="light">
                  {w.active ? t('flow.status.active') : t('flow.status.inactive')}
                </Badge>
              ),
            },
          ]}
        />
      )}
      {types && (
        <NewWorkflowModal
          types={types}
          opened={creating}
          onClose={(created) => {
            close();
            if (created) void navigate(`/workflows/${encodeURIComponent(created)}`);
          }}
        />
      )}
    </>
  );
}
