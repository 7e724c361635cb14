import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ModalActions } from '../components/ModalActions';
import { localized } from '../components/localized';
import { FormProblems } from '../designer/FormProblems';
import { messagesAt, problemsOf, unclaimed, type Problem } from '../graphql/problems';
import { CreateWorkflowDocument, WORKFLOW_TYPENAMES, WorkflowObjectsDocument } from './documents';
import { starterSettings } from './settings/starter';
import { useTypeLabel, type StepTypes } from './step-types';

const PATHS = ['input.name', 'input.label', 'input.trigger', 'input.steps'];

/**
 * "New workflow": name, label, trigger type and object, and the first step (the server stores no workflow
 * without a step). It is created inactive; the designer opens on it.
 */
export function NewWorkflowModal(props: { types: StepTypes; opened: boolean; onClose: (created?: string) => void }) {
  const { t, i18n } = useTranslation();
  const typeLabel = useTypeLabel();
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');
  const [triggerType, setTriggerType] = useState<string | null>(null);
  const [object, setObject] = useState<string | null>(null);
  const [stepType, setStepType] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [{ data: objects }] = useQuery({ query: WorkflowObjectsDocument });
  const [{ fetching }, createWorkflow] = useMutation(CreateWorkflowDocument);
  const { types } = props;
  const trigger = triggerType ?? types.triggerTypes[0] ?? '';
  const firstStep = stepType ?? (types.stepTypes.includes('createRecord') ? 'createRecord' : types.stepTypes[0]) ?? '';
  const needsObject = 'object' in (types.triggerForm(trigger).schema.properties ?? {});

  const close = (created?: string) => {
    setName('');
    setLabel('');
    setTriggerType(null);
    setObject(null);
    setStepType(null);
    setProblems([]);
    props.onClose(created);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const triggerObject = needsObject && object ? object : undefined;
    const input = {
      name: name.trim(),
      ...(label.trim() ? { label: label.trim() } : {}),
      trigger: { type: trigger, ...(triggerObject ? { object: triggerObject } : {}) },
      start: firstStep ? `${firstStep}1` : '',
      steps: firstStep
        ? [{ ...starterSettings(types.stepForm(firstStep), triggerObject), id: `${firstStep}1`, type: firstStep }]
        : [],
    };
    const result = await createWorkflow({ input }, { additionalTypenames: WORKFLOW_TYPENAMES });
    if (result.error) setProblems(problemsOf(result.error));
    else close(input.name);
  };

  return (
    <Modal opened={props.opened} onClose={() => close()} title={t('flow.new.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('flow.new.title')}>
        <Stack>
          <TextInput
            label={t('flow.new.name')}
            description={t('flow.new.nameHint')}
            name="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={messagesAt(problems, 'input.name')}
            data-autofocus
          />
          <TextInput
            label={t('flow.new.label')}
            name="label"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={messagesAt(problems, 'input.label')}
          />
          <Select
            label={t('flow.new.trigger')}
            data={types.triggerTypes.map((value) => ({ value, label: typeLabel.trigger(value) }))}
            value={trigger}
            onChange={setTriggerType}
            allowDeselect={false}
            required
            error={messagesAt(problems, 'input.trigger')}
          />
          {needsObject && (
            <Select
              label={t('flow.new.object')}
              data={(objects?.objects ?? []).map((o) => ({
                value: o.name,
                label: `${localized(o.label, i18n.language, o.name)} (${o.name})`,
              }))}
              value={object}
              onChange={setObject}
              searchable
              required
              error={messagesAt(problems, 'input.trigger.object')}
            />
          )}
          <Select
            label={t('flow.new.firstStep')}
            description={t('flow.new.firstStepHint')}
            data={types.stepTypes.map((value) => ({ value, label: typeLabel.step(value) }))}
            value={firstStep}
            onChange={setStepType}
            allowDeselect={false}
            required
            error={messagesAt(problems, 'input.steps') ?? messagesAt(problems, 'input.start')}
          />
          <FormProblems problems={unclaimed(problems, [...PATHS, 'input.start'])} title={t('common.notSaved')} />
          <ModalActions action={t('flow.new.create')} onCancel={() => close()} loading={fetching} />
        </Stack>
      </form>
    </Modal>
  );
}
