import { Alert, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { ModalActions } from '../../components/ModalActions';
import { messagesAt, problemsOf, unclaimed, withoutPath, type Problem } from '../../graphql/problems';
import { createMutation } from '../record-api';
import type { WorkspaceStage } from '../use-workspace-model';
import { defaultCurrency } from './board-model';
import type { CardShape } from './RecordCard';

/**
 * A small form at the top of a column: the title and the amount of a new record, created at that stage. The
 * server's problems show on the fields they name (`data.<field>`), others above the buttons.
 */
export function QuickCreate({
  shape,
  stage,
  onClose,
  onCreated,
}: {
  shape: CardShape;
  stage: WorkspaceStage | null;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const { object, pipeline, amount } = shape;
  const titleField = object.fields.find((f) => f.name === object.titleField);
  const currency = amount?.type === 'currency' ? defaultCurrency(amount) : undefined;
  const [title, setTitle] = useState('');
  const [value, setValue] = useState<number | string>('');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saving, setSaving] = useState(false);

  const close = () => {
    setTitle('');
    setValue('');
    setProblems([]);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!stage) return;
    if (titleField?.required && title.trim() === '') {
      setProblems([{ path: `data.${titleField.name}`, message: t('board.create.required') }]);
      return;
    }
    const data: Record<string, unknown> = { [pipeline.field]: stage.name };
    if (titleField && title.trim() !== '') data[titleField.name] = title.trim();
    if (amount && typeof value === 'number') {
      data[amount.name] = amount.type === 'currency' ? { amount: value, ...(currency ? { currency } : {}) } : value;
    }
    setSaving(true);
    const result = await client.mutation(createMutation(object, 'id'), { data }).toPromise();
    setSaving(false);
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    notifications.show({
      color: 'green',
      message: t('board.create.created', { title: title.trim(), stage: stage.label }),
      autoClose: 2500,
      closeButtonProps: { 'aria-label': t('board.dismiss') },
    });
    close();
    onCreated();
  };

  const claimed = [titleField, amount].filter((f) => f !== undefined).map((f) => `data.${f.name}`);
  const rest = unclaimed(problems, claimed);
  return (
    <Modal
      opened={stage !== null}
      onClose={close}
      title={stage ? t('board.create.title', { object: object.label, stage: stage.label }) : ''}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {titleField && (
            <TextInput
              label={titleField.label}
              name={titleField.name}
              required={titleField.required}
              value={title}
              onChange={(event) => {
                setTitle(event.currentTarget.value);
                setProblems((current) => withoutPath(current, `data.${titleField.name}`));
              }}
              error={messagesAt(problems, `data.${titleField.name}`)}
              data-autofocus
            />
          )}
          {amount && (
            <NumberInput
              label={amount.label}
              name={amount.name}
              value={value}
              onChange={(next) => {
                setValue(next);
                setProblems((current) => withoutPath(current, `data.${amount.name}`));
              }}
              min={0}
              thousandSeparator
              rightSection={currency}
              rightSectionWidth={currency ? 56 : undefined}
              error={messagesAt(problems, `data.${amount.name}`)}
            />
          )}
          {rest.length > 0 && (
            <Alert color="red" title={t('board.create.failed')} role="alert">
              {rest.map((p) => p.message).join('; ')}
            </Alert>
          )}
          <ModalActions action={t('board.create.submit')} onCancel={close} loading={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
