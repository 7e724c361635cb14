import {
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { messagesAt, problemsOf, unclaimed, withoutPath, type Problem } from '../graphql/problems';
import { draftProblems, fieldChanges, fieldInput, graphqlInput, newFieldDraft, type FieldDraft } from './field-draft';
import { isComputedType, settingsOf } from './field-types';
import { DefaultInput, TypeSettings } from './FieldSettings';
import { FormProblems } from './FormProblems';
import { LabelsInput } from './LabelsInput';
import { METADATA_TYPENAMES } from './metadata-typenames';
import type { ObjectInfo } from './model-info';
import { PlanView, type PlanShape } from './PlanView';
import { useFieldTypes } from './use-field-types';

const CreateFieldDocument = graphql(`
  mutation CreateField($input: FieldCreateInput!) {
    createField(input: $input) {
      applied
      revision
      changes
    }
  }
`);

const UpdateFieldDocument = graphql(`
  mutation UpdateField(
    $object: String!
    $name: String!
    $input: FieldUpdateInput!
    $dryRun: Boolean
    $allowDestructive: Boolean
  ) {
    updateField(object: $object, name: $name, input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {
      applied
      revision
      changes
      destructive
    }
  }
`);

const FLAGS = ['required', 'unique', 'indexed', 'searchable'] as const;

/** The form paths that have their own input; other problems are listed above the buttons. */
function claimedPaths(type: string): string[] {
  return [
    'input.name',
    'input.type',
    'input.label',
    'input.description',
    'input.default',
    ...FLAGS.map((f) => `input.${f}`),
    ...settingsOf(type).map((key) => `input.${key}`),
  ];
}

/** A type without a settings panel here (a plugin's): which settings it has, to be set in the manifest. */
function ManifestOnlySettings(props: { type: string; fieldTypes: ReturnType<typeof useFieldTypes> }) {
  const { t } = useTranslation();
  const keys = Object.keys(props.fieldTypes.find((f) => f.name === props.type)?.settings.properties ?? {});
  if (settingsOf(props.type).length > 0 || keys.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      {t('objects.field.manifestOnly', { keys: keys.join(', ') })}
    </Text>
  );
}

/**
 * Adding a field (`original` undefined) or editing one: name, type, labels, description, the flags, the
 * default and the settings of its type. An edit sends only what changed (`updateField`); when the server's
 * dry run says the change is destructive (a type change, removed options), its plan is shown to confirm.
 */
export function FieldModal(props: {
  object: ObjectInfo;
  objects: readonly ObjectInfo[];
  targets: readonly { value: string; label: string }[];
  /** The field being edited, as its draft; undefined to add one. */
  original: FieldDraft | undefined;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const editing = props.original !== undefined;
  const [draft, setDraft] = useState<FieldDraft>(() => props.original ?? newFieldDraft());
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [plan, setPlan] = useState<PlanShape | null>(null);
  const fieldTypes = useFieldTypes();
  const [created, createField] = useMutation(CreateFieldDocument);
  const [updated, updateField] = useMutation(UpdateFieldDocument);
  const title = editing ? t('objects.field.editTitle', { name: props.original!.name }) : t('fields.add.title');

  const change = (patch: Partial<FieldDraft>, paths: readonly string[]) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((ps) => paths.reduce((rest, path) => withoutPath(rest, path), ps));
    setPlan(null);
  };
  const changeSettings = (patch: Partial<FieldDraft>) =>
    change(patch, [
      ...Object.keys(patch.settings ?? {})
        .filter((k) => JSON.stringify(patch.settings?.[k]) !== JSON.stringify(draft.settings[k]))
        .map((k) => `input.${k}`),
      ...(patch.options ? ['input.options'] : []),
      ...('default' in patch ? ['input.default'] : []),
    ]);

  const close = () => {
    setDraft(newFieldDraft());
    setProblems([]);
    setPlan(null);
    props.onClose();
  };

  const update = async (allowDestructive: boolean, dryRun: boolean) => {
    const input = graphqlInput(fieldChanges(props.original!, draft));
    const vars = { object: props.object.name, name: props.original!.name, input, dryRun, allowDestructive };
    const result = await updateField(vars, dryRun ? {} : { additionalTypenames: METADATA_TYPENAMES });
    if (result.error) {
      setProblems(problemsOf(result.error));
      setPlan(null);
      return null;
    }
    return result.data!.updateField;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = draftProblems(draft);
    if (found.length > 0) {
      setProblems(found.map((p) => ({ path: p.path, message: t(`objects.field.check.${p.key}`, { n: p.n }) })));
      return;
    }
    if (!editing) {
      const input = { object: props.object.name, ...graphqlInput(fieldInput(draft)) };
      const result = await createField({ input: input as never }, { additionalTypenames: METADATA_TYPENAMES });
      if (result.error) setProblems(problemsOf(result.error));
      else close();
      return;
    }
    if (Object.keys(fieldChanges(props.original!, draft)).length === 0) return close();
    if (plan) {
      // The user confirmed the destructive plan shown.
      if (await update(true, false)) close();
      return;
    }
    const planned = await update(false, true);
    if (!planned) return;
    if (planned.destructive.length > 0) setPlan(planned);
    else if (await update(false, false)) close();
  };

  const computed = isComputedType(draft.type);
  const settingsProps = {
    draft,
    onChange: changeSettings,
    problems,
    object: props.object,
    objects: props.objects,
    targets: props.targets,
    saved: props.original?.name,
  };
  return (
    <Modal opened={props.opened} onClose={close} title={title} size="xl" fullScreen={phone}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('fields.name')}
              description={editing ? t('objects.field.renameHint') : t('fields.add.nameHint')}
              name="name"
              required
              value={draft.name}
              onChange={(e) => change({ name: e.currentTarget.value }, ['input.name'])}
              error={messagesAt(problems, 'input.name')}
              data-autofocus
            />
            <Select
              label={t('fields.type')}
              description={editing ? t('objects.field.typeHint') : undefined}
              // Plugins' types have no translation here: their name is their label.
              data={fieldTypes.map(({ name }) => ({
                value: name,
                label: t(`fieldTypes.${name}`, { defaultValue: name }),
              }))}
              value={draft.type}
              onChange={(value) => value && change({ type: value }, ['input.type'])}
              searchable
              allowDeselect={false}
              required
              error={messagesAt(problems, 'input.type')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <LabelsInput
            name="label"
            label={t('fields.label')}
            value={draft.label}
            onChange={(label) => change({ label }, ['input.label'])}
            error={messagesAt(problems, 'input.label')}
          />
          <Textarea
            label={t('objects.description')}
            name="description"
            autosize
            minRows={1}
            value={draft.description}
            onChange={(e) => change({ description: e.currentTarget.value }, ['input.description'])}
            error={messagesAt(problems, 'input.description')}
          />
          <Divider
            label={t('objects.field.typeSettings', {
              type: t(`fieldTypes.${draft.type}`, { defaultValue: draft.type }),
            })}
            labelPosition="left"
          />
          <div data-testid="type-settings">
            <TypeSettings {...settingsProps} />
            <ManifestOnlySettings type={draft.type} fieldTypes={fieldTypes} />
          </div>
          {!computed && (
            <>
              <DefaultInput {...settingsProps} />
              <Group gap="lg">
                {FLAGS.map((flag) => (
                  <Checkbox
                    key={flag}
                    label={t(flag === 'required' ? 'fields.required' : `objects.field.${flag}`)}
                    checked={draft[flag]}
                    onChange={(e) => change({ [flag]: e.currentTarget.checked }, [`input.${flag}`])}
                    error={messagesAt(problems, `input.${flag}`)}
                  />
                ))}
              </Group>
            </>
          )}
          {plan && <PlanView plan={plan} title={t('objects.plan.title')} />}
          <FormProblems problems={unclaimed(problems, claimedPaths(draft.type))} title={t('common.notSaved')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={created.fetching || updated.fetching} color={plan ? 'red' : undefined}>
              {plan
                ? t('objects.field.confirmDestructive')
                : editing
                  ? t('objects.field.save')
                  : t('fields.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
