import { Tabs } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { localized } from '../components/localized';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { graphql } from '../gql';
import { ApiKeysTab } from './ApiKeysTab';
import { PEOPLE_TYPENAMES } from './people-types';
import { ADMIN_ROLE } from './role-draft';
import { TeamsTab } from './TeamsTab';
import { UsersTab } from './UsersTab';

const PeopleDocument = graphql(`
  query People {
    users {
      id
      email
      name
      roles
      active
      lastLoginAt
    }
    teams {
      id
      name
      leadId
      memberIds
    }
    apiKeys {
      id
      name
      roles
      createdAt
      lastUsedAt
      revokedAt
    }
    roles {
      name
      label
    }
  }
`);

const TABS = ['users', 'teams', 'keys'] as const;
type Tab = (typeof TABS)[number];

/** `/people`: users, teams and API keys, each on its tab (`?tab=teams`). */
export default function PeoplePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const context = useMemo(() => ({ additionalTypenames: PEOPLE_TYPENAMES }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PeopleDocument, context });
  const reread = () => reexecute({ requestPolicy: 'network-only' });
  const wanted = params.get('tab');
  const tab: Tab = TABS.includes(wanted as Tab) ? (wanted as Tab) : 'users';
  const roles = [
    { value: ADMIN_ROLE, label: `${t('access.roles.adminLabel')} (${ADMIN_ROLE})` },
    ...(data?.roles ?? []).map((r) => ({
      value: r.name,
      label: `${localized(r.label, i18n.language, r.name)} (${r.name})`,
    })),
  ];
  return (
    <>
      <PageTitle text={t('access.people.title')} />
      <QueryState fetching={fetching && !data} error={error} />
      {data && (
        <Tabs
          value={tab}
          onChange={(value) => setParams(value && value !== 'users' ? { tab: value } : {})}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="users">{t('access.people.users')}</Tabs.Tab>
            <Tabs.Tab value="teams">{t('access.people.teams')}</Tabs.Tab>
            <Tabs.Tab value="keys">{t('access.people.keys')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="users">
            <UsersTab users={data.users} teams={data.teams} roles={roles} reread={reread} />
          </Tabs.Panel>
          <Tabs.Panel value="teams">
            <TeamsTab users={data.users} teams={data.teams} reread={reread} />
          </Tabs.Panel>
          <Tabs.Panel value="keys">
            <ApiKeysTab keys={data.apiKeys} roles={roles} reread={reread} />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}
