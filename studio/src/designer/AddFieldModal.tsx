import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { FieldCreateInput } from '../gql/graphql';
import { messagesAt, problemsOf, unclaimed, withoutPath, type Problem } from '../graphql/problems';
import { CORE_FIELD_TYPES } from './field-types';
import { FormProblems } from './FormProblems';
import { METADATA_TYPENAMES } from './metadata-typenames';
import { newOption, OptionsEditor, type OptionDraft } from './OptionsEditor';

const CreateFieldDocument = graphql(`
  mutation CreateField($input: FieldCreateInput!) {
    createField(input: $input) {
      applied
      revision
      changes
    }
  }
`);

const PATHS = [
  'input.name',
  'input.type',
  'input.label',
  'input.required',
  'input.options',
  'input.target',
  'input.many',
];

/** The relation targets offered: the workspace's objects and its users. */
export interface Target {
  readonly value: string;
  readonly label: string;
}

/** "Add field": name, type, label, required, and the settings of the chosen type (options, relation target). */
export function AddFieldModal(props: {
  object: string;
  targets: readonly Target[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [type, setType] = useState<string | null>('text');
  const [label, setLabel] = useState('');
  const [required, setRequired] = useState(false);
  const [options, setOptions] = useState<readonly OptionDraft[]>(() => [newOption()]);
  const [target, setTarget] = useState<string | null>(null);
  const [many, setMany] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [{ fetching }, createField] = useMutation(CreateFieldDocument);
  const choice = type === 'select' || type === 'multiSelect';

  const close = () => {
    setName('');
    setType('text');
    setLabel('');
    setRequired(false);
    setOptions([newOption()]);
    setTarget(null);
    setMany(false);
    setProblems([]);
    props.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: FieldCreateInput = {
      object: props.object,
      name: name.trim(),
      type: type ?? '',
      ...(label.trim() ? { label: label.trim() } : {}),
      ...(required ? { required: true } : {}),
      ...(choice
        ? { options: options.map((o) => (o.color ? { value: o.value.trim(), color: o.color } : o.value.trim())) }
        : {}),
      ...(type === 'relation' ? { target: target ?? '', ...(many ? { many: true } : {}) } : {}),
    };
    const result = await createField({ input }, { additionalTypenames: METADATA_TYPENAMES });
    if (result.error) setProblems(problemsOf(result.error));
    else close();
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('fields.add.title')} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('fields.add.title')}>
        <Stack>
          <TextInput
            label={t('fields.name')}
            description={t('fields.add.nameHint')}
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
            label={t('fields.type')}
            data={CORE_FIELD_TYPES.map((value) => ({ value, label: t(`fieldTypes.${value}`) }))}
            value={type}
            onChange={(value) => {
              setType(value);
              setProblems((ps) => withoutPath(ps, 'input.type'));
            }}
            searchable
            allowDeselect={false}
            required
            error={messagesAt(problems, 'input.type')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('fields.label')}
            name="label"
            value={label}
            onChange={(e) => {
              setLabel(e.currentTarget.value);
              setProblems((ps) => withoutPath(ps, 'input.label'));
            }}
            error={messagesAt(problems, 'input.label')}
          />
          <Checkbox
            label={t('fields.required')}
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
            error={messagesAt(problems, 'input.required')}
          />
          {choice && (
            <OptionsEditor
              options={options}
              onChange={(next) => {
                setOptions(next);
                setProblems((ps) => withoutPath(ps, 'input.options'));
              }}
              problems={problems}
            />
          )}
          {type === 'relation' && (
            <>
              <Select
                label={t('fields.add.target')}
                data={props.targets.map((o) => ({ value: o.value, label: o.label }))}
                value={target}
                onChange={(value) => {
                  setTarget(value);
                  setProblems((ps) => withoutPath(ps, 'input.target'));
                }}
                searchable
                required
                error={messagesAt(problems, 'input.target')}
              />
              <Checkbox
                label={t('fields.add.many')}
                description={t('fields.add.manyHint')}
                checked={many}
                onChange={(e) => setMany(e.currentTarget.checked)}
                error={messagesAt(problems, 'input.many')}
              />
            </>
          )}
          <FormProblems problems={unclaimed(problems, PATHS)} title={t('common.notSaved')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('fields.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
