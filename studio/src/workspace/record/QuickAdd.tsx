import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { ModalActions } from '../../components/ModalActions';
import '@mantine/dates/styles.css';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { messagesAt, problemsOf, unclaimed, type Problem } from '../../graphql/problems';
import { createMutation } from '../record-api';
import type { Activity } from './timeline-query';

/**
 * "Add note" and "Add follow-up task": a note (title, text) or a task (title, due date) created through the
 * API with its relation to this record, so it appears in the timeline (and in the related lists).
 */
export function QuickAdd(props: { activities: readonly Activity[]; recordId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Activity | null>(null);
  const addable = props.activities.filter((a) => a.backReference);
  if (addable.length === 0) return null;
  return (
    <Group gap="xs">
      {addable.map((a) => (
        <Button key={a.kind} variant="light" size="xs" onClick={() => setOpen(a)}>
          {t(a.kind === 'note' ? 'record.quickAdd.note' : 'record.quickAdd.task')}
        </Button>
      ))}
      {open && (
        <AddModal
          activity={open}
          recordId={props.recordId}
          onClose={() => setOpen(null)}
          onAdded={() => (setOpen(null), props.onAdded())}
        />
      )}
    </Group>
  );
}

function AddModal(props: { activity: Activity; recordId: string; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const note = props.activity.kind === 'note';
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [due, setDue] = useState<string | null>(
    dayjs().add(1, 'day').hour(10).minute(0).second(0).format('YYYY-MM-DD HH:mm:ss'),
  );
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saving, create] = useMutation(createMutation(props.activity.target, 'id'));
  const submit = async () => {
    const data: Record<string, unknown> = { [props.activity.backReference!.name]: props.recordId };
    if (title.trim()) data['title'] = title.trim();
    if (note) data['body'] = body;
    else if (due) data['dueDate'] = dayjs(due).toISOString();
    const result = await create({ data });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    notifications.show({
      color: 'green',
      message: t(note ? 'record.quickAdd.noteAdded' : 'record.quickAdd.taskAdded'),
    });
    props.onAdded();
  };
  const others = unclaimed(problems, ['data.title', 'data.body', 'data.dueDate']);
  return (
    <Modal opened onClose={props.onClose} title={t(note ? 'record.quickAdd.note' : 'record.quickAdd.task')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t(note ? 'record.quickAdd.noteTitle' : 'record.quickAdd.taskTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required={!note}
            error={messagesAt(problems, 'data.title')}
            data-autofocus
          />
          {note ? (
            <Textarea
              label={t('record.quickAdd.noteBody')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              required
              autosize
              minRows={3}
              error={messagesAt(problems, 'data.body')}
            />
          ) : (
            <DateTimePicker
              label={t('record.quickAdd.dueDate')}
              value={due}
              onChange={setDue}
              clearable
              error={messagesAt(problems, 'data.dueDate')}
            />
          )}
          {others.length > 0 && (
            <Alert color="red" role="alert">
              {others.map((p) => p.message).join('; ')}
            </Alert>
          )}
          <ModalActions action={t('record.quickAdd.add')} onCancel={props.onClose} loading={saving.fetching} />
        </Stack>
      </form>
    </Modal>
  );
}
