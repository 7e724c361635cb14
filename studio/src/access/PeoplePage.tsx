import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { graphql } from '../gql';
import type { UsersQuery } from '../gql/graphql';

const UsersDocument = graphql(`
  query Users {
    users {
      id
      email
      name
      roles
      active
      lastLoginAt
    }
  }
`);

type UserRow = UsersQuery['users'][number];

/** Placeholder of people management: the workspace's users, read-only. */
export default function PeoplePage() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: UsersDocument });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageTitle text={t('people.title')} />
      <QueryState fetching={fetching && !data} error={error} />
      {data && (
        <DataTable<UserRow>
          caption={t('people.title')}
          rows={data.users}
          rowKey={(u) => u.id}
          columns={[
            { key: 'name', header: t('people.name'), cell: (u) => u.name ?? '' },
            { key: 'email', header: t('people.email'), cell: (u) => u.email },
            {
              key: 'roles',
              header: t('people.roles'),
              cell: (u) => (
                <Group gap={4}>
                  {u.roles.map((role) => (
                    <Badge key={role} variant="light">
                      {role}
                    </Badge>
                  ))}
                </Group>
              ),
            },
            {
              key: 'active',
              header: t('people.active'),
              cell: (u) => (u.active ? t('common.yes') : t('common.no')),
            },
            {
              key: 'lastLogin',
              header: t('people.lastLogin'),
              cell: (u) => (u.lastLoginAt ? when.format(new Date(u.lastLoginAt)) : '—'),
            },
          ]}
        />
      )}
    </>
  );
}
