import { Badge, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DataTable } from '../components/DataTable';
import { graphql } from '../gql';
import { problemsOf, type Problem } from '../graphql/problems';
import { ApiKeyShownModal, NewApiKeyModal } from './ApiKeyModals';
import { ConfirmModal } from './ConfirmModal';
import { RoleBadges } from './RoleBadges';
import { PEOPLE_TYPENAMES, type KeyRow, type RoleOption } from './people-types';
import { intlLocales } from '../workspace/format';

const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id)
  }
`);

/** API keys: listed without the key; a new key is shown once; a key is revoked after a confirmation. */
export function ApiKeysTab(props: { keys: readonly KeyRow[]; roles: readonly RoleOption[]; reread: () => void }) {
  const { t, i18n } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ name: string; key: string } | undefined>(undefined);
  const [revoking, setRevoking] = useState<KeyRow | undefined>(undefined);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [{ fetching }, revoke] = useMutation(RevokeApiKeyDocument);
  const when = new Intl.DateTimeFormat(intlLocales(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const date = (value: unknown) => (typeof value === 'string' ? when.format(new Date(value)) : '—');

  const confirmRevoke = async () => {
    if (!revoking) return;
    const result = await revoke({ id: revoking.id }, { additionalTypenames: PEOPLE_TYPENAMES });
    // revokeApiKey answers a Boolean, which tells the cache nothing: the list is re-read either way.
    props.reread();
    if (result.error) setProblems(problemsOf(result.error));
    else setRevoking(undefined);
  };

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button onClick={() => setCreating(true)}>{t('access.keys.new')}</Button>
      </Group>
      <DataTable<KeyRow>
        caption={t('access.people.keys')}
        rows={props.keys}
        rowKey={(k) => k.id}
        columns={[
          { key: 'name', header: t('access.keys.name'), cell: (k) => k.name },
          {
            key: 'roles',
            header: t('access.keys.roles'),
            cell: (k) => <RoleBadges roles={k.roles} />,
          },
          { key: 'created', header: t('access.keys.created'), cell: (k) => date(k.createdAt) },
          { key: 'used', header: t('access.keys.lastUsed'), cell: (k) => date(k.lastUsedAt) },
          {
            key: 'actions',
            header: t('access.people.actions'),
            cell: (k) =>
              k.revokedAt ? (
                <Badge color="gray" tt="none" miw="max-content">
                  {t('access.keys.revoked')}
                </Badge>
              ) : (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('access.keys.revokeOne', { name: k.name })}
                  onClick={() => {
                    setProblems([]);
                    setRevoking(k);
                  }}
                >
                  {t('access.keys.revoke')}
                </Button>
              ),
          },
        ]}
      />
      {creating && (
        <NewApiKeyModal
          roles={props.roles}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setShown(created);
          }}
          reread={props.reread}
        />
      )}
      {shown && <ApiKeyShownModal name={shown.name} apiKey={shown.key} onClose={() => setShown(undefined)} />}
      <ConfirmModal
        opened={revoking !== undefined}
        title={t('access.keys.revokeTitle', { name: revoking?.name ?? '' })}
        text={t('access.keys.revokeExplained')}
        confirm={t('access.keys.revoke')}
        busy={fetching}
        problems={problems}
        onConfirm={() => void confirmRevoke()}
        onClose={() => setRevoking(undefined)}
      />
    </>
  );
}
