import { Badge, Code } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { localized } from '../components/localized';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { graphql } from '../gql';
import type { RolesQuery } from '../gql/graphql';

const RolesDocument = graphql(`
  query Roles {
    roles {
      name
      label
      description
      rules
    }
  }
`);

type RoleRow = RolesQuery['roles'][number];

/** Placeholder of the roles matrix: the workspace's roles with their rule counts, read-only. */
export default function RolesPage() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: RolesDocument });
  return (
    <>
      <PageTitle text={t('roles.title')} />
      <QueryState fetching={fetching && !data} error={error} />
      {data && (
        <DataTable<RoleRow>
          caption={t('roles.title')}
          rows={data.roles}
          rowKey={(r) => r.name}
          columns={[
            { key: 'name', header: t('roles.name'), cell: (r) => <Code>{r.name}</Code> },
            { key: 'label', header: t('roles.label'), cell: (r) => localized(r.label, i18n.language, r.name) },
            { key: 'description', header: t('roles.description'), cell: (r) => r.description ?? '' },
            {
              key: 'rules',
              header: t('roles.rules'),
              cell: (r) => <Badge variant="light">{Array.isArray(r.rules) ? r.rules.length : 0}</Badge>,
            },
          ]}
        />
      )}
    </>
  );
}
