import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ModalActions } from '../components/ModalActions';
import { graphql } from '../gql';
import { messagesAt, problemsOf, unclaimed, withoutPath, type Problem } from '../graphql/problems';
import { FormProblems } from './FormProblems';
import { LabelsInput } from './LabelsInput';
import { METADATA_TYPENAMES } from './metadata-typenames';
import { objectChanges, renames, type ObjectDraft } from './object-draft';
import { PlanView, type PlanShape } from './PlanView';

const UpdateObjectDocument = graphql(`
  mutation UpdateObject($name: String!, $input: ObjectUpdateInput!, $dryRun: Boolean) {
    updateObject(name: $name, input: $input, dryRun: $dryRun) {
      ...PlanFields
    }
  }
`);

const PATHS = [
  'input.name',
  'input.pluralName',
  'input.label',
  'input.labelPlural',
  'input.description',
  'input.titleField',
];

/**
 * Editing an object: labels (singular and plural, in each language), description, title field, and its API
 * names. A rename is planned first (dry run) and applied after the user confirms the plan.
 */
export function ObjectEditModal(props: {
  original: ObjectDraft;
  fields: readonly { name: string; label: string }[];
  opened: boolean;
  onClose: (renamedTo?: string) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [draft, setDraft] = useState(props.original);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [plan, setPlan] = useState<PlanShape | null>(null);
  const [{ fetching }, updateObject] = useMutation(UpdateObjectDocument);
  const title = t('objects.edit.title', { name: props.original.name });

  const change = (patch: Partial<ObjectDraft>, path: string) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((ps) => withoutPath(ps, path));
    setPlan(null);
  };
  const close = (renamedTo?: string) => {
    setProblems([]);
    setPlan(null);
    props.onClose(renamedTo);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = objectChanges(props.original, draft);
    if (Object.keys(input).length === 0) return close();
    const apply = !renames(input) || plan !== null;
    const result = await updateObject(
      { name: props.original.name, input, dryRun: !apply },
      apply ? { additionalTypenames: METADATA_TYPENAMES } : {},
    );
    if (result.error) {
      setProblems(problemsOf(result.error));
      setPlan(null);
    } else if (!apply) setPlan(result.data!.updateObject);
    else close(typeof input['name'] === 'string' ? input['name'] : undefined);
  };

  return (
    <Modal opened={props.opened} onClose={() => close()} title={title} size="xl" fullScreen={phone}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('objects.new.name')}
              description={t('objects.edit.renameHint')}
              name="name"
              required
              value={draft.name}
              onChange={(e) => change({ name: e.currentTarget.value }, 'input.name')}
              error={messagesAt(problems, 'input.name')}
            />
            <TextInput
              label={t('objects.new.pluralName')}
              name="pluralName"
              required
              value={draft.pluralName}
              onChange={(e) => change({ pluralName: e.currentTarget.value }, 'input.pluralName')}
              error={messagesAt(problems, 'input.pluralName')}
            />
          </SimpleGrid>
          <LabelsInput
            name="label"
            label={t('objects.label')}
            value={draft.label}
            onChange={(label) => change({ label }, 'input.label')}
            error={messagesAt(problems, 'input.label')}
          />
          <LabelsInput
            name="labelPlural"
            label={t('objects.edit.labelPlural')}
            value={draft.labelPlural}
            onChange={(labelPlural) => change({ labelPlural }, 'input.labelPlural')}
            error={messagesAt(problems, 'input.labelPlural')}
          />
          <Textarea
            label={t('objects.description')}
            name="description"
            autosize
            minRows={2}
            value={draft.description}
            onChange={(e) => change({ description: e.currentTarget.value }, 'input.description')}
            error={messagesAt(problems, 'input.description')}
          />
          <Select
            label={t('objects.edit.titleField')}
            description={t('objects.edit.titleFieldHint')}
            data={props.fields.map((f) => ({ value: f.name, label: `${f.label} (${f.name})` }))}
            value={draft.titleField}
            onChange={(titleField) => change({ titleField }, 'input.titleField')}
            clearable
            searchable
            error={messagesAt(problems, 'input.titleField')}
            comboboxProps={{ withinPortal: true }}
          />
          {plan && <PlanView plan={plan} title={t('objects.plan.title')} />}
          <FormProblems problems={unclaimed(problems, PATHS)} title={t('common.notSaved')} />
          <ModalActions
            action={plan ? t('objects.edit.confirmRename') : t('objects.edit.save')}
            onCancel={() => close()}
            loading={fetching}
            color={plan ? 'orange' : undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}
