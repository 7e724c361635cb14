import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { userName, type TeamRow, type UserRow } from './people-types';
import { TeamModal } from './TeamModal';

/** Teams: name, lead, members; a new team or an edited one is saved with `saveTeam`. */
export function TeamsTab(props: { users: readonly UserRow[]; teams: readonly TeamRow[]; reread: () => void }) {
  const { t } = useTranslation();
  // undefined: closed; null: a new team.
  const [editing, setEditing] = useState<TeamRow | null | undefined>(undefined);
  const nameOf = (id: string) => {
    const user = props.users.find((u) => u.id === id);
    return user ? userName(user) : id;
  };
  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button onClick={() => setEditing(null)}>{t('access.teams.new')}</Button>
      </Group>
      <DataTable<TeamRow>
        caption={t('access.people.teams')}
        rows={props.teams}
        rowKey={(team) => team.name}
        columns={[
          { key: 'name', header: t('access.teams.name'), cell: (team) => team.name },
          { key: 'lead', header: t('access.teams.lead'), cell: (team) => (team.leadId ? nameOf(team.leadId) : '—') },
          {
            key: 'members',
            header: t('access.teams.members'),
            cell: (team) => team.memberIds.map(nameOf).join(', ') || '—',
          },
          {
            key: 'actions',
            header: t('access.people.actions'),
            cell: (team) => (
              <Button
                size="xs"
                variant="light"
                aria-label={t('access.teams.editTitle', { name: team.name })}
                onClick={() => setEditing(team)}
              >
                {t('access.people.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <TeamModal
          team={editing ?? undefined}
          users={props.users}
          onClose={() => setEditing(undefined)}
          reread={props.reread}
        />
      )}
    </>
  );
}
