import { Alert, Button, Code, CopyButton, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ModalActions } from '../components/ModalActions';
import { FormProblems } from '../designer/FormProblems';
import { graphql } from '../gql';
import { messagesAt, problemsOf, unclaimed, type Problem } from '../graphql/problems';
import { PEOPLE_TYPENAMES, type RoleOption } from './people-types';

const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($name: String!, $roles: [String!]!) {
    createApiKey(name: $name, roles: $roles) {
      id
      name
      roles
      key
      createdAt
    }
  }
`);

/** A new key: its name and the roles it acts with. The created key goes to `onCreated`, to be shown once. */
export function NewApiKeyModal(props: {
  roles: readonly RoleOption[];
  onClose: () => void;
  onCreated: (created: { name: string; key: string }) => void;
  reread: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [{ fetching }, createApiKey] = useMutation(CreateApiKeyDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createApiKey({ name: name.trim(), roles }, { additionalTypenames: PEOPLE_TYPENAMES });
    const created = result.data?.createApiKey;
    if (result.error || !created?.key) {
      setProblems(result.error ? problemsOf(result.error) : [{ path: '', message: t('access.keys.noKey') }]);
      props.reread();
      return;
    }
    props.onCreated({ name: created.name, key: created.key });
  };

  return (
    <Modal opened onClose={props.onClose} title={t('access.keys.newTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('access.keys.newTitle')}>
        <Stack>
          <TextInput
            label={t('access.keys.name')}
            description={t('access.keys.nameHint')}
            name="name"
            required
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setProblems([]);
            }}
            error={messagesAt(problems, 'name')}
            data-autofocus
          />
          <MultiSelect
            label={t('access.keys.roles')}
            data={props.roles.map((r) => ({ value: r.value, label: r.label }))}
            value={roles}
            onChange={setRoles}
            error={messagesAt(problems, 'roles')}
            searchable
          />
          <FormProblems problems={unclaimed(problems, ['name', 'roles'])} title={t('common.notSaved')} />
          <ModalActions action={t('access.keys.create')} onCancel={props.onClose} loading={fetching} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The key itself, shown this once (the server keeps only its hash), with a copy button. */
export function ApiKeyShownModal(props: { name: string; apiKey: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={props.onClose} title={t('access.keys.shownTitle', { name: props.name })} size="lg">
      <Stack>
        <Alert color="yellow" title={t('access.keys.onceTitle')}>
          {t('access.keys.once')}
        </Alert>
        <Code block aria-label={t('access.keys.theKey')} data-testid="api-key" style={{ wordBreak: 'break-all' }}>
          {props.apiKey}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={props.apiKey}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? t('access.keys.copied') : t('access.keys.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={props.onClose}>{t('access.keys.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
