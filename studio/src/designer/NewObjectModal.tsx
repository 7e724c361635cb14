import { Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ModalActions } from '../components/ModalActions';
import { graphql } from '../gql';
import { messagesAt, problemsOf, unclaimed, withoutPath, type Problem } from '../graphql/problems';
import { FormProblems } from './FormProblems';
import { METADATA_TYPENAMES } from './metadata-typenames';

const CreateObjectDocument = graphql(`
  mutation CreateObject($input: ObjectInput!) {
    createObject(input: $input) {
      applied
      revision
      changes
    }
  }
`);

const PATHS = ['input.name', 'input.pluralName', 'input.label'] as const;

/** "New object": name, plural name and label; the server validates, its problems go on the fields they name. */
export function NewObjectModal({ opened, onClose }: { opened: boolean; onClose: (created?: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pluralName, setPluralName] = useState('');
  const [label, setLabel] = useState('');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [{ fetching }, createObject] = useMutation(CreateObjectDocument);

  const close = (created?: string) => {
    setName('');
    setPluralName('');
    setLabel('');
    setProblems([]);
    onClose(created);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: name.trim(),
      pluralName: pluralName.trim(),
      ...(label.trim() ? { label: label.trim() } : {}),
    };
    const result = await createObject({ input }, { additionalTypenames: METADATA_TYPENAMES });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    close(input.name);
  };

  return (
    <Modal opened={opened} onClose={() => close()} title={t('objects.new.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('objects.new.title')}>
        <Stack>
          <TextInput
            label={t('objects.new.name')}
            description={t('objects.new.nameHint')}
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
          <TextInput
            label={t('objects.new.pluralName')}
            name="pluralName"
            required
            value={pluralName}
            onChange={(e) => {
              setPluralName(e.currentTarget.value);
              setProblems((ps) => withoutPath(ps, 'input.pluralName'));
            }}
            error={messagesAt(problems, 'input.pluralName')}
          />
          <TextInput
            label={t('objects.new.label')}
            name="label"
            value={label}
            onChange={(e) => {
              setLabel(e.currentTarget.value);
              setProblems((ps) => withoutPath(ps, 'input.label'));
            }}
            error={messagesAt(problems, 'input.label')}
          />
          <FormProblems problems={unclaimed(problems, PATHS)} title={t('common.notSaved')} />
          <ModalActions action={t('objects.new.submit')} onCancel={() => close()} loading={fetching} />
        </Stack>
      </form>
    </Modal>
  );
}
