import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { localized } from '../../../components/localized';
import { ModalActions } from '../../../components/ModalActions';
import type { ConvertRecordMutation } from '../../../gql/graphql';
import { problemsOf, type Problem } from '../../../graphql/problems';
import type { WorkspaceObject } from '../../record-api';
import type { WorkspaceModel } from '../../use-workspace-model';
import { ConvertRecordDocument } from './conversion-api';
import {
  choicesOf,
  editableFields,
  generalProblems,
  initialState,
  problemsOfTarget,
  type Conversion,
  type TargetPreview,
  type TargetState,
} from './conversion-data';
import { TargetSection } from './TargetSection';

export type ConvertedTargets = ConvertRecordMutation['convertRecord']['targets'];

/**
 * The Convert dialog: one section per target of the object's conversion, then one `convertRecord` call that
 * makes everything or nothing. A refusal keeps the dialog open with each problem on its target's field.
 */
export function ConvertModal(props: {
  model: WorkspaceModel;
  object: WorkspaceObject;
  recordId: string;
  title: string;
  conversion: Conversion;
  previews: readonly TargetPreview[];
  onClose: () => void;
  onConverted: (targets: ConvertedTargets) => void;
}) {
  const { t, i18n } = useTranslation();
  const sections = useMemo(
    () =>
      props.conversion.targets.flatMap((target) => {
        const object = props.model.object(target.object);
        const preview = props.previews.find((p) => p.key === target.key);
        return object && preview ? [{ target, object, preview, fields: editableFields(target, object) }] : [];
      }),
    [props.conversion, props.model, props.previews],
  );
  const [states, setStates] = useState<Readonly<Record<string, TargetState>>>(() =>
    Object.fromEntries(sections.map((s) => [s.preview.key, initialState(s.preview, s.fields)])),
  );
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [converting, convert] = useMutation(ConvertRecordDocument);
  const labelOf = (key: string) => {
    const section = sections.find((s) => s.preview.key === key);
    return section ? localized(section.target.label, i18n.language, section.object.label) : key;
  };
  const linkedTo = (references: unknown) =>
    Object.values((references ?? {}) as Record<string, string>)
      .map((ref) => ref.slice(1))
      .filter((key) => key === 'source' || states[key]?.action !== 'skip')
      .map((key) => (key === 'source' ? props.title : labelOf(key)));

  const submit = async () => {
    const targets = choicesOf(sections.map((s) => ({ ...s, state: states[s.preview.key]! })));
    const result = await convert({ object: props.object.name, id: props.recordId, targets });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    props.onConverted(result.data!.convertRecord.targets);
  };
  const general = generalProblems(
    problems,
    sections.map((s) => s.preview.key),
  );

  return (
    <Modal opened onClose={props.onClose} title={t('convert.title', { title: props.title })} size="lg">
      {/* No <form> around: each target's create form is an rjsf <form> of its own. */}
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('convert.intro')}
        </Text>
        {sections.map((s) => (
          <TargetSection
            key={s.preview.key}
            model={props.model}
            object={s.object}
            target={s.target}
            preview={s.preview}
            fields={s.fields}
            state={states[s.preview.key]!}
            linkedTo={linkedTo(s.preview.references)}
            problems={problemsOfTarget(problems, s.preview.key)}
            onChange={(state) => {
              setStates((all) => ({ ...all, [s.preview.key]: state }));
              // What the server said about this target was about what it held before.
              setProblems((all) => all.filter((p) => !p.path.startsWith(`targets.${s.preview.key}.`)));
            }}
          />
        ))}
        {general.length > 0 && (
          <Alert color="red" role="alert" title={t('convert.failed')}>
            {general.map((p) => p.message).join('; ')}
          </Alert>
        )}
        {problems.length > 0 && general.length === 0 && (
          <Alert color="red" role="alert">
            {t('convert.failed')}
          </Alert>
        )}
        <ModalActions
          action={t('convert.submit')}
          onCancel={props.onClose}
          onConfirm={() => void submit()}
          loading={converting.fetching}
        />
      </Stack>
    </Modal>
  );
}
