import { Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ModalActions } from '../components/ModalActions';
import { FormProblems } from '../designer/FormProblems';
import { graphql } from '../gql';
import type { TeamInput } from '../gql/graphql';
import { messagesAt, problemsOf, unclaimed, withoutPath, type Problem } from '../graphql/problems';
import { PEOPLE_TYPENAMES, userName, type TeamRow, type UserRow } from './people-types';

const SaveTeamDocument = graphql(`
  mutation SaveTeam($input: TeamInput!) {
    saveTeam(input: $input) {
      id
      name
      leadId
      memberIds
    }
  }
`);

/** `saveTeam` with the people lists refreshed after it. */
export function useSaveTeam() {
  const [, saveTeam] = useMutation(SaveTeamDocument);
  return (input: TeamInput) => saveTeam({ input }, { additionalTypenames: PEOPLE_TYPENAMES });
}

const CLAIMED = ['input.name', 'input.leadId', 'input.memberIds'];

/**
 * A new team or an existing one: its name, its lead (whose subordinates are the other members, the
 * `$user.subordinateIds` of role conditions) and its members.
 */
export function TeamModal(props: {
  team: TeamRow | undefined;
  users: readonly UserRow[];
  onClose: () => void;
  reread: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.team?.name ?? '');
  const [leadId, setLeadId] = useState<string | null>(props.team?.leadId ?? null);
  const [memberIds, setMemberIds] = useState<string[]>(props.team ? [...props.team.memberIds] : []);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const saveTeam = useSaveTeam();
  const people = props.users.map((u) => ({ value: u.id, label: userName(u) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await saveTeam({
      ...(props.team ? { id: props.team.id } : {}),
      name: name.trim(),
      leadId,
      memberIds,
    });
    setBusy(false);
    if (result.error) {
      setProblems(problemsOf(result.error));
      props.reread();
    } else props.onClose();
  };

  const title = props.team ? t('access.teams.editTitle', { name: props.team.name }) : t('access.teams.newTitle');
  return (
    <Modal opened onClose={props.onClose} title={title} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack>
          <TextInput
            label={t('access.teams.name')}
            name="name"
            required
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setProblems((ps) => withoutPath(ps, 'input.name'));
            }}
            error={messagesAt(problems, 'input.name')}
            data-autofocus
          />
          <Select
            label={t('access.teams.lead')}
            description={t('access.teams.leadHint')}
            data={people}
            value={leadId}
            onChange={(value) => {
              setLeadId(value);
              setProblems((ps) => withoutPath(ps, 'input.leadId'));
            }}
            error={messagesAt(problems, 'input.leadId')}
            searchable
            clearable
          />
          <MultiSelect
            label={t('access.teams.members')}
            data={people}
            value={memberIds}
            onChange={(value) => {
              setMemberIds(value);
              setProblems((ps) => withoutPath(ps, 'input.memberIds'));
            }}
            error={messagesAt(problems, 'input.memberIds')}
            searchable
          />
          <FormProblems problems={unclaimed(problems, CLAIMED)} title={t('common.notSaved')} />
          <ModalActions action={t('access.teams.save')} onCancel={props.onClose} loading={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
