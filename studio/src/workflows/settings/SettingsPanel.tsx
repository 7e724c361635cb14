import { Alert, Button, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { START_KEY, stepById, TRIGGER_NODE, type WorkflowDraft } from '../graph';
import { useTypeLabel, type StepTypes } from '../step-types';
import { SettingsForm } from './SettingsForm';
import { WebhookUrl } from './WebhookUrl';
import type { Variable } from './variables';

const STEP_ID = /^[a-zA-Z][a-zA-Z0-9_-]{0,62}$/;

export interface SettingsActions {
  readonly onStepSettings: (id: string, settings: Record<string, unknown>) => void;
  readonly onTriggerSettings: (settings: Record<string, unknown>) => void;
  readonly onLink: (source: string, key: string, target: string | null) => void;
  readonly onRename: (from: string, to: string) => void;
  readonly onDelete: (id: string) => void;
}

/** The step's id, renamed on Enter or when leaving the field (with every reference to it). */
function StepIdInput(props: { id: string; draft: WorkflowDraft; readOnly: boolean; onRename: (to: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.id);
  useEffect(() => setText(props.id), [props.id]);
  const taken = text !== props.id && props.draft.steps.some((s) => s.id === text);
  const error = !STEP_ID.test(text) ? t('flow.settings.idInvalid') : taken ? t('flow.settings.idTaken') : undefined;
  const commit = () => {
    if (!error && text !== props.id) props.onRename(text);
  };
  return (
    <TextInput
      label={t('flow.settings.id')}
      value={text}
      disabled={props.readOnly}
      error={error}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

/** The settings of the selected node: id, where its edges lead, its problems, and the form of its type. */
export function SettingsPanel(props: {
  nodeId: string;
  draft: WorkflowDraft;
  types: StepTypes;
  problems: readonly string[];
  variables: readonly Variable[];
  readOnly: boolean;
  actions: SettingsActions;
  /** The saved workflow's webhook path (null unless its saved trigger is a webhook). */
  webhookPath?: string | null | undefined;
  /** The trigger as saved: the URL is shown once the draft's webhook trigger is the saved one. */
  savedTriggerType?: string | undefined;
}) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const { draft, nodeId, types, actions } = props;
  const isTrigger = nodeId === TRIGGER_NODE;
  const step = isTrigger ? undefined : stepById(draft, nodeId);
  if (!isTrigger && !step) return null;
  const type = isTrigger ? draft.trigger.type : step!.type;
  const form = isTrigger ? types.triggerForm(type) : types.stepForm(type);
  const keys = isTrigger ? [START_KEY] : types.edgeKeysOf(type);
  const targets = draft.steps.filter((s) => s.id !== nodeId).map((s) => ({ value: s.id, label: s.id }));
  const linkOf = (key: string) => {
    const value = isTrigger ? draft.start : step![key];
    return typeof value === 'string' && value ? value : null;
  };
  return (
    <Stack gap="sm" aria-label={t('flow.settings.title')}>
      <Title order={3} size="h5">
        {isTrigger ? t('flow.settings.trigger', { type: typeLabel.trigger(type) }) : typeLabel.step(type)}
      </Title>
      {props.problems.length > 0 && (
        <Alert color="red" title={t('flow.problems.title', { count: props.problems.length })} role="alert">
          <List size="sm">
            {props.problems.map((message, i) => (
              <List.Item key={i}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {isTrigger && (
        <Select
          label={t('flow.settings.triggerType')}
          data={types.triggerTypes.map((value) => ({ value, label: typeLabel.trigger(value) }))}
          value={type}
          allowDeselect={false}
          disabled={props.readOnly}
          // Another type keeps the settings its schema also has (usually the object), drops the rest.
          onChange={(next) => {
            if (!next || next === type) return;
            const keep = Object.keys(types.triggerForm(next).schema.properties ?? {});
            const kept = Object.entries(draft.trigger).filter(([key]) => keep.includes(key));
            actions.onTriggerSettings({ ...Object.fromEntries(kept), type: next });
          }}
        />
      )}
      {isTrigger && type === 'webhook' && (
        <WebhookUrl path={props.webhookPath} saved={props.savedTriggerType === 'webhook'} />
      )}
      {step && (
        <StepIdInput
          id={step.id}
          draft={draft}
          readOnly={props.readOnly}
          onRename={(to) => actions.onRename(step.id, to)}
        />
      )}
      {keys.map((key) => (
        <Select
          key={key}
          label={t([`flow.keys.${key}`, `flow.edges.${key}`], { defaultValue: key })}
          description={t('flow.settings.edgeHint')}
          data={targets}
          value={linkOf(key)}
          onChange={(target) => actions.onLink(nodeId, key, target)}
          clearable
          searchable
          disabled={props.readOnly}
          placeholder={t('flow.settings.noEdge')}
        />
      ))}
      <SettingsForm
        key={`${nodeId}:${type}`}
        form={form}
        value={isTrigger ? draft.trigger : step!}
        variables={props.variables}
        readOnly={props.readOnly}
        onChange={(settings) =>
          isTrigger ? actions.onTriggerSettings({ ...settings, type }) : actions.onStepSettings(nodeId, settings)
        }
      />
      {step && !props.readOnly && (
        <Group>
          <Button color="red" variant="light" onClick={() => actions.onDelete(step.id)}>
            {t('flow.settings.delete', { id: step.id })}
          </Button>
        </Group>
      )}
      {isTrigger && (
        <Text size="xs" c="dimmed">
          {t('flow.settings.triggerHint')}
        </Text>
      )}
    </Stack>
  );
}
