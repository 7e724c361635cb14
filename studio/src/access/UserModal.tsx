import { Modal, MultiSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ModalActions } from '../components/ModalActions';
import { FormProblems } from '../designer/FormProblems';
import { graphql } from '../gql';
import { messagesAt, problemsOf, unclaimed, withoutPath, type Problem } from '../graphql/problems';
import { PEOPLE_TYPENAMES, userName, type RoleOption, type TeamRow, type UserRow } from './people-types';
import { useSaveTeam } from './TeamModal';

const CreateUserDocument = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
      name
      roles
      active
    }
  }
`);

const UpdateUserDocument = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      email
      name
      roles
      active
    }
  }
`);

const CLAIMED = ['input.email', 'input.name', 'input.password', 'input.roles'];

/** Creating a user, or editing one: email, name, password (an admin reset when editing), roles and teams. */
export function UserModal(props: {
  user: UserRow | undefined;
  teams: readonly TeamRow[];
  roles: readonly RoleOption[];
  onClose: () => void;
  reread: () => void;
}) {
  const { t } = useTranslation();
  const { user } = props;
  const memberOf = (id: string) => props.teams.filter((team) => team.memberIds.includes(id)).map((team) => team.id);
  const [email, setEmail] = useState(user?.email ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(user ? [...user.roles] : []);
  const [teamIds, setTeamIds] = useState<string[]>(user ? memberOf(user.id) : []);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [{ fetching: creating }, createUser] = useMutation(CreateUserDocument);
  const [{ fetching: updating }, updateUser] = useMutation(UpdateUserDocument);
  const saveTeam = useSaveTeam();

  const change = (path: string, set: () => void) => {
    set();
    setProblems((ps) => withoutPath(ps, path));
  };

  /** Team membership lives on teams: each team the user joins or leaves is saved with its new members. */
  const saveTeams = async (id: string): Promise<readonly Problem[]> => {
    const before = new Set(user ? memberOf(user.id) : []);
    for (const team of props.teams) {
      const wanted = teamIds.includes(team.id);
      if (wanted === before.has(team.id)) continue;
      const memberIds = wanted ? [...team.memberIds, id] : team.memberIds.filter((m) => m !== id);
      const result = await saveTeam({ id: team.id, name: team.name, leadId: team.leadId ?? null, memberIds });
      if (result.error) return problemsOf(result.error);
    }
    return [];
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const common = { email: email.trim(), name: name.trim() || null, roles };
    const result = user
      ? await updateUser(
          { id: user.id, input: { ...common, ...(password ? { password } : {}) } },
          { additionalTypenames: PEOPLE_TYPENAMES },
        )
      : await createUser({ input: { ...common, password } }, { additionalTypenames: PEOPLE_TYPENAMES });
    if (result.error) {
      setProblems(problemsOf(result.error));
      props.reread();
      return;
    }
    const id = user?.id ?? (result.data && 'createUser' in result.data ? result.data.createUser.id : undefined);
    const teamProblems = id ? await saveTeams(id) : [];
    if (teamProblems.length) {
      setProblems(teamProblems);
      props.reread();
      return;
    }
    props.onClose();
  };

  const title = user ? t('access.users.editTitle', { name: userName(user) }) : t('access.users.newTitle');
  return (
    <Modal opened onClose={props.onClose} title={title} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack>
          <TextInput
            label={t('access.users.email')}
            name="email"
            type="email"
            required
            value={email}
            onChange={(e) => change('input.email', () => setEmail(e.currentTarget.value))}
            error={messagesAt(problems, 'input.email')}
            data-autofocus
          />
          <TextInput
            label={t('access.users.name')}
            name="name"
            value={name}
            onChange={(e) => change('input.name', () => setName(e.currentTarget.value))}
            error={messagesAt(problems, 'input.name')}
          />
          <PasswordInput
            label={user ? t('access.users.newPassword') : t('access.users.password')}
            description={user ? t('access.users.resetHint') : t('access.users.passwordHint')}
            name="password"
            required={!user}
            autoComplete="new-password"
            value={password}
            onChange={(e) => change('input.password', () => setPassword(e.currentTarget.value))}
            error={messagesAt(problems, 'input.password')}
          />
          <MultiSelect
            label={t('access.users.roles')}
            data={props.roles.map((r) => ({ value: r.value, label: r.label }))}
            value={roles}
            onChange={(value) => change('input.roles', () => setRoles(value))}
            error={messagesAt(problems, 'input.roles')}
            searchable
          />
          <MultiSelect
            label={t('access.users.teams')}
            description={t('access.users.teamsHint')}
            data={props.teams.map((team) => ({ value: team.id, label: team.name }))}
            value={teamIds}
            onChange={setTeamIds}
            searchable
          />
          {user && (
            <Text size="sm" c="dimmed">
              {t('access.users.managerHint')}
            </Text>
          )}
          <FormProblems problems={unclaimed(problems, CLAIMED)} title={t('common.notSaved')} />
          <ModalActions
            action={user ? t('access.users.save') : t('access.users.create')}
            onCancel={props.onClose}
            loading={creating || updating}
          />
        </Stack>
      </form>
    </Modal>
  );
}
