import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from '../components/ModalActions';
import { asLabels } from '../designer/labels';
import { newStage, type PipelineDraft, type StageDraft } from './stage-draft';
import { API_NAME } from './stage-validation';

export interface ObjectChoice {
  readonly name: string;
  readonly label: string;
  readonly fields: readonly { readonly name: string; readonly type: string; readonly settings: unknown }[];
  /** Fields that already have a pipeline. */
  readonly pipelined: readonly string[];
}

/** The options of an existing select field, as the first stages of a pipeline put on it. */
function stagesFromOptions(settings: unknown): StageDraft[] {
  const options = (settings as { options?: unknown } | null)?.options;
  if (!Array.isArray(options)) return [];
  return options.map((o: unknown) => {
    if (typeof o === 'string') return newStage(o);
    const option = o as { value?: unknown; label?: unknown; color?: unknown };
    return {
      ...newStage(typeof option.value === 'string' ? option.value : ''),
      labels: asLabels(option.label),
      color: typeof option.color === 'string' ? option.color : '',
    };
  });
}

/**
 * "New pipeline": the object, the select field that holds the stage (new, or an existing select field
 * without a pipeline, whose options become the first stages) and a label. Nothing is saved here: the
 * pipeline opens in the editor, and its first save creates it.
 */
export function NewPipelineModal(props: {
  opened: boolean;
  objects: readonly ObjectChoice[];
  object: string | null;
  onClose: () => void;
  onCreate: (draft: PipelineDraft, fieldIsNew: boolean) => void;
}) {
  const { t } = useTranslation();
  const [object, setObject] = useState<string | null>(props.object);
  const [field, setField] = useState('');
  const [label, setLabel] = useState('');
  const [tried, setTried] = useState(false);
  const chosen = props.objects.find((o) => o.name === (object ?? props.object));
  const existing = chosen?.fields.find((f) => f.name === field.trim());

  const fieldError = (): string | undefined => {
    const name = field.trim();
    if (!name) return tried ? t('pipelines.invalid.required') : undefined;
    if (!API_NAME.test(name)) return t('pipelines.invalid.name');
    if (chosen?.pipelined.includes(name)) return t('pipelines.new.taken');
    if (existing && existing.type !== 'select') return t('pipelines.new.notSelect', { type: existing.type });
    return undefined;
  };

  const close = () => {
    setObject(null);
    setField('');
    setLabel('');
    setTried(false);
    props.onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!chosen || !field.trim() || fieldError()) return;
    props.onCreate(
      {
        object: chosen.name,
        field: field.trim(),
        labels: label.trim() || null,
        stages: existing ? stagesFromOptions(existing.settings) : [],
      },
      !existing,
    );
    close();
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('pipelines.new.title')}>
      <form onSubmit={submit} noValidate aria-label={t('pipelines.new.title')}>
        <Stack>
          <Select
            label={t('pipelines.object')}
            data={props.objects.map((o) => ({ value: o.name, label: `${o.label} (${o.name})` }))}
            value={object ?? props.object}
            onChange={setObject}
            allowDeselect={false}
            searchable
            required
            error={tried && !chosen ? t('pipelines.invalid.required') : undefined}
          />
          <TextInput
            label={t('pipelines.new.field')}
            description={t('pipelines.new.fieldHint')}
            name="field"
            required
            value={field}
            onChange={(e) => setField(e.currentTarget.value)}
            error={fieldError()}
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label={t('pipelines.new.label')}
            name="label"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
          />
          <ModalActions action={t('pipelines.new.submit')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
