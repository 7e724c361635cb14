import {
  Alert,
  Group,
  Input,
  Loader,
  Modal,
  MultiSelect,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConditionBuilder, type ConditionField } from '../../components/ConditionBuilder';
import { ModalActions } from '../../components/ModalActions';
import { messagesAt, problemsOf, unclaimed, withoutPath, type Problem } from '../../graphql/problems';
import { FormProblems } from '../FormProblems';
import { LabelsInput } from '../LabelsInput';
import { METADATA_TYPENAMES } from '../metadata-typenames';
import { SaveValidationRulesDocument } from './documents';
import {
  ruleDraftProblems,
  ruleProblems,
  ruleValue,
  withRule,
  type RuleDraft,
  type RuleJson,
  type RuleKind,
} from './rule-draft';
import { useRuleCheck } from './use-rule-check';

/** The dialog's own paths: problems at any other are listed above its buttons. */
const PATHS = ['name', 'label', 'message', 'condition', 'script', 'fields', 'active'];

/**
 * Adding or editing one validation rule: its name, label and message, a condition (built with the condition
 * builder) or a script, the fields its failure is reported on, and whether it is on. The condition or script
 * is checked by the server as it is edited; saving sends the object's whole list of rules with this one in its
 * place, and the server's problems land on the inputs they name.
 */
export function RuleModal(props: {
  object: string;
  /** The object's rules as saved; `index` is the edited one's, -1 for a new rule. */
  rules: readonly RuleJson[];
  index: number;
  original: RuleDraft;
  conditionFields: ConditionField[];
  fields: readonly { value: string; label: string }[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [draft, setDraft] = useState(props.original);
  const [shown, setShown] = useState<readonly Problem[]>([]);
  const [{ fetching }, save] = useMutation(SaveValidationRulesDocument);
  const others = props.rules.filter((_, i) => i !== props.index);
  const title =
    props.index < 0 ? t('rules.dialog.newTitle') : t('rules.dialog.editTitle', { name: props.original.name });
  // Checked once there is something to check: a script's text, or a condition with at least one clause.
  const checkable = draft.kind === 'script' ? draft.script.trim() !== '' : draft.condition !== undefined;
  const live = useRuleCheck(props.object, checkable ? ruleValue(draft) : null);
  const liveAt = (path: string) => (live.checking ? undefined : messagesAt(live.problems ?? [], path));

  const change = (patch: Partial<RuleDraft>, path: string) => {
    setDraft((d) => ({ ...d, ...patch }));
    setShown((ps) => withoutPath(ps, path));
  };
  const close = () => {
    setShown([]);
    props.onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = ruleDraftProblems(draft, others, {
      name: t('rules.invalid.name'),
      taken: t('rules.invalid.taken'),
      message: t('rules.invalid.message'),
      script: t('rules.invalid.script'),
      condition: t('rules.invalid.condition'),
    });
    if (local.length) return setShown(local);
    const rules = withRule(props.rules, props.index, ruleValue(draft));
    const index = props.index < 0 ? rules.length - 1 : props.index;
    const result = await save({ name: props.object, rules }, { additionalTypenames: METADATA_TYPENAMES });
    if (result.error) setShown(ruleProblems(problemsOf(result.error), index));
    else close();
  };

  const at = (path: string) => messagesAt(shown, path);
  return (
    <Modal opened={props.opened} onClose={close} title={title} size="xl" fullScreen={phone}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('rules.dialog.name')}
              description={t('rules.dialog.nameHint')}
              name="name"
              required
              value={draft.name}
              onChange={(e) => change({ name: e.currentTarget.value }, 'name')}
              error={at('name')}
              miw={200}
            />
            <Switch
              label={t('rules.dialog.active')}
              description={t('rules.dialog.activeHint')}
              checked={draft.active}
              onChange={(e) => change({ active: e.currentTarget.checked }, 'active')}
              mt={{ base: 0, sm: 'md' }}
              miw={200}
            />
          </Group>
          <LabelsInput
            name="label"
            label={t('rules.dialog.label')}
            value={draft.label}
            onChange={(label) => change({ label }, 'label')}
            error={at('label')}
          />
          <TextInput
            label={t('rules.dialog.message')}
            description={t('rules.dialog.messageHint')}
            name="message"
            required
            value={draft.message}
            onChange={(e) => change({ message: e.currentTarget.value }, 'message')}
            error={at('message')}
          />
          <Input.Wrapper label={t('rules.dialog.kind')}>
            <SegmentedControl
              display="flex"
              mt={4}
              value={draft.kind}
              onChange={(kind) => change({ kind: kind as RuleKind }, 'kind')}
              data={[
                { value: 'condition', label: t('rules.kinds.condition') },
                { value: 'script', label: t('rules.kinds.script') },
              ]}
              aria-label={t('rules.dialog.kind')}
            />
          </Input.Wrapper>
          {draft.kind === 'condition' ? (
            <ConditionBuilder
              label={t('rules.dialog.condition')}
              fields={props.conditionFields}
              value={draft.condition}
              onChange={(condition) => change({ condition }, 'condition')}
              error={at('condition') ?? liveAt('condition')}
            />
          ) : (
            <Textarea
              label={t('rules.dialog.script')}
              description={t('rules.dialog.scriptHint')}
              name="script"
              required
              autosize
              minRows={4}
              value={draft.script}
              onChange={(e) => change({ script: e.currentTarget.value }, 'script')}
              error={at('script') ?? liveAt('script')}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              spellCheck={false}
            />
          )}
          <CheckStatus check={live} kind={draft.kind} />
          <MultiSelect
            label={t('rules.dialog.fields')}
            description={t('rules.dialog.fieldsHint')}
            data={props.fields.map((f) => ({ value: f.value, label: f.label }))}
            value={[...draft.fields]}
            onChange={(fields) => change({ fields }, 'fields')}
            searchable
            error={at('fields') ?? liveAt('fields')}
            comboboxProps={{ withinPortal: true }}
          />
          <FormProblems problems={unclaimed(shown, PATHS)} title={t('common.notSaved')} />
          <ModalActions action={t('rules.dialog.save')} onCancel={close} loading={fetching} />
        </Stack>
      </form>
    </Modal>
  );
}

/** What the server's check said: checking, valid, or problems no input shows (the rule as a whole). */
function CheckStatus({ check, kind }: { check: ReturnType<typeof useRuleCheck>; kind: RuleKind }) {
  const { t } = useTranslation();
  const general = unclaimed(check.problems ?? [], PATHS);
  return (
    <Stack gap={4} aria-live="polite" mih={24}>
      {check.checking && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('rules.check.checking')}
          </Text>
        </Group>
      )}
      {!check.checking && check.problems?.length === 0 && (
        <Text size="sm" c="green">
          {kind === 'script' ? t('rules.check.scriptOk') : t('rules.check.conditionOk')}
        </Text>
      )}
      {!check.checking && general.length > 0 && (
        <Alert color="red" role="alert" p="xs">
          {general.map((p, i) => (
            <div key={i}>{p.message}</div>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
