import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { localized } from '../components/localized';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { graphql } from '../gql';
import { ADMIN_ROLE } from './role-draft';

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

interface RoleRow {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** null for the built-in admin, whose one rule is "everything". */
  readonly rules: number | null;
}

/** `/roles`: the workspace's roles with their rule counts; the built-in admin first, read-only. */
export default function RolesPage() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: RolesDocument });
  const rows: RoleRow[] = data
    ? [
        {
          name: ADMIN_ROLE,
          label: t('access.roles.adminLabel'),
          description: t('access.roles.adminExplained'),
          rules: null,
        },
        ...data.roles.map((r) => ({
          name: r.name,
          label: localized(r.label, i18n.language, r.name),
          description: r.description ?? '',
          rules: Array.isArray(r.rules) ? r.rules.length : 0,
        })),
      ]
    : [];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle text={t('access.roles.title')} />
        <Button component={Link} to="/roles/new">
          {t('access.roles.new')}
        </Button>
      </Group>
      <QueryState fetching={fetching && !data} error={error} />
      {data && (
        <DataTable<RoleRow>
          caption={t('access.roles.title')}
          rows={rows}
          rowKey={(r) => r.name}
          columns={[
            {
              key: 'name',
              header: t('access.roles.name'),
              cell: (r) => (
                <Anchor component={Link} to={`/roles/${r.name}`} ff="monospace" size="sm">
                  {r.name}
                </Anchor>
              ),
            },
            { key: 'label', header: t('access.roles.label'), cell: (r) => r.label },
            { key: 'description', header: t('access.roles.description'), cell: (r) => r.description },
            {
              key: 'rules',
              header: t('access.roles.rules'),
              cell: (r) =>
                r.rules === null ? (
                  <Text size="sm" c="dimmed">
                    {t('access.roles.builtIn')}
                  </Text>
                ) : (
                  <Badge variant="light">{r.rules}</Badge>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
