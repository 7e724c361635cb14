import { Badge, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { DataTable } from '../components/DataTable';
import { graphql } from '../gql';
import { problemsOf, type Problem } from '../graphql/problems';
import { ConfirmModal } from './ConfirmModal';
import { RoleBadges } from './RoleBadges';
import { PEOPLE_TYPENAMES, userName, type RoleOption, type TeamRow, type UserRow } from './people-types';
import { UserModal } from './UserModal';
import { intlLocales } from '../workspace/format';

const DeactivateUserDocument = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      active
    }
  }
`);

const ReactivateUserDocument = graphql(`
  mutation ReactivateUser($id: ID!) {
    updateUser(id: $id, input: { active: true }) {
      id
      active
    }
  }
`);

/** Users: who they are, their roles, teams and managers (their teams' leads); create, edit, deactivate. */
export function UsersTab(props: {
  users: readonly UserRow[];
  teams: readonly TeamRow[];
  roles: readonly RoleOption[];
  reread: () => void;
}) {
  const { t, i18n } = useTranslation();
  // undefined: closed; null: a new user.
  const [editing, setEditing] = useState<UserRow | null | undefined>(undefined);
  const [deactivating, setDeactivating] = useState<UserRow | undefined>(undefined);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [{ fetching }, deactivate] = useMutation(DeactivateUserDocument);
  const [, reactivate] = useMutation(ReactivateUserDocument);
  const when = new Intl.DateTimeFormat(intlLocales(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const teamsOf = (user: UserRow) => props.teams.filter((team) => team.memberIds.includes(user.id));
  const managersOf = (user: UserRow) =>
    teamsOf(user)
      .map((team) => props.users.find((u) => u.id === team.leadId && u.id !== user.id))
      .filter((u): u is UserRow => u !== undefined)
      .map(userName);

  const confirmDeactivate = async () => {
    if (!deactivating) return;
    const result = await deactivate({ id: deactivating.id }, { additionalTypenames: PEOPLE_TYPENAMES });
    if (result.error) {
      setProblems(problemsOf(result.error));
      props.reread();
    } else setDeactivating(undefined);
  };

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button variant="default" component={Link} to="/people/import">
          {t('peopleImport.open')}
        </Button>
        <Button onClick={() => setEditing(null)}>{t('access.users.new')}</Button>
      </Group>
      <DataTable<UserRow>
        caption={t('access.people.users')}
        rows={props.users}
        rowKey={(u) => u.email}
        columns={[
          { key: 'name', header: t('access.users.name'), cell: (u) => u.name ?? '' },
          { key: 'email', header: t('access.users.email'), cell: (u) => u.email },
          {
            key: 'roles',
            header: t('access.users.roles'),
            cell: (u) => <RoleBadges roles={u.roles} />,
          },
          {
            key: 'teams',
            header: t('access.users.teams'),
            cell: (u) =>
              teamsOf(u)
                .map((team) => team.name)
                .join(', '),
          },
          { key: 'manager', header: t('access.users.manager'), cell: (u) => managersOf(u).join(', ') },
          {
            key: 'active',
            header: t('access.users.active'),
            cell: (u) =>
              u.active ? (
                t('common.yes')
              ) : (
                <Badge color="gray" tt="none" miw="max-content">
                  {t('access.users.inactive')}
                </Badge>
              ),
          },
          {
            key: 'lastLogin',
            header: t('access.users.lastLogin'),
            cell: (u) => (u.lastLoginAt ? when.format(new Date(u.lastLoginAt)) : '—'),
          },
          {
            key: 'actions',
            header: t('access.people.actions'),
            cell: (u) => (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  aria-label={t('access.users.editTitle', { name: userName(u) })}
                  onClick={() => setEditing(u)}
                >
                  {t('access.people.edit')}
                </Button>
                {u.active ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('access.users.deactivateOne', { name: userName(u) })}
                    onClick={() => {
                      setProblems([]);
                      setDeactivating(u);
                    }}
                  >
                    {t('access.users.deactivate')}
                  </Button>
                ) : (
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={t('access.users.reactivateTitle', { name: userName(u) })}
                    onClick={() =>
                      void reactivate({ id: u.id }, { additionalTypenames: PEOPLE_TYPENAMES }).then(
                        (r) => r.error && props.reread(),
                      )
                    }
                  >
                    {t('access.users.reactivate')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <UserModal
          user={editing ?? undefined}
          teams={props.teams}
          roles={props.roles}
          onClose={() => setEditing(undefined)}
          reread={props.reread}
        />
      )}
      <ConfirmModal
        opened={deactivating !== undefined}
        title={t('access.users.deactivateTitle', { name: deactivating ? userName(deactivating) : '' })}
        text={t('access.users.deactivateExplained')}
        confirm={t('access.users.deactivate')}
        busy={fetching}
        problems={problems}
        onConfirm={() => void confirmDeactivate()}
        onClose={() => setDeactivating(undefined)}
      />
    </>
  );
}
