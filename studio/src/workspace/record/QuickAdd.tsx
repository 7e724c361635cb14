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
import { quickActionsOf, taskData, type QuickAction } from './quick-actions';
import { TimelineIcon } from './TimelineIcon';

/**
 * "Add note", "Add follow-up task", "Log a call" and "Log an email": a note (title, text), a task (title, due
 * date), or a call or email that happened (a task of that type, done, with what was said and when), created
 * through the API with its relation to this record, so it appears in the timeline (and in the related lists).
 * Offered only where the user may create the activity; the server checks again, and its refusal is shown.
 */
export function QuickAdd(props: {
  activities: Parameters<typeof quickActionsOf>[0];
  recordId: string;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<QuickAction | null>(null);
  const actions = quickActionsOf(props.activities);
  if (actions.length === 0) return null;
  return (
    <Group gap="xs">
      {actions.map((a) => (
        <Button
          key={a.kind}
          variant="light"
          size="xs"
          onClick={() => setOpen(a)}
          leftSection={a.kind === 'call' || a.kind === 'email' ? <TimelineIcon glyph={a.kind} size={18} /> : undefined}
        >
          {t(`record.quickAdd.${a.kind}`)}
        </Button>
      ))}
      {open && (
        <AddModal
          action={open}
          recordId={props.recordId}
          onClose={() => setOpen(null)}
          onAdded={() => (setOpen(null), props.onAdded())}
        />
      )}
    </Group>
  );
}

const NOW = () => dayjs().second(0).format('YYYY-MM-DD HH:mm:ss');
const TOMORROW = () => dayjs().add(1, 'day').hour(10).minute(0).second(0).format('YYYY-MM-DD HH:mm:ss');

function AddModal(props: { action: QuickAction; recordId: string; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { action } = props;
  const kind = action.kind;
  const logged = kind === 'call' || kind === 'email';
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [when, setWhen] = useState<string | null>(logged ? NOW() : TOMORROW());
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saving, create] = useMutation(createMutation(action.activity.target, 'id'));
  const whenField = logged ? 'completedAt' : 'dueDate';
  const textField = kind === 'note' ? 'body' : 'description';
  const submit = async () => {
    const result = await create({ data: taskData(action, props.recordId, { title, text, when }) });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    notifications.show({ color: 'green', message: t(`record.quickAdd.${kind}Added`) });
    props.onAdded();
  };
  const others = unclaimed(problems, ['data.title', `data.${textField}`, `data.${whenField}`]);
  const shows = (name: string) => action.activity.shown.includes(name);
  return (
    <Modal opened onClose={props.onClose} title={t(`record.quickAdd.${kind}`)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t(`record.quickAdd.${kind}Title`)}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required={kind !== 'note'}
            error={messagesAt(problems, 'data.title')}
            data-autofocus
          />
          {(kind === 'note' || (logged && shows('description'))) && (
            <Textarea
              label={t(`record.quickAdd.${kind}Body`)}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              required={kind === 'note'}
              autosize
              minRows={3}
              error={messagesAt(problems, `data.${textField}`)}
            />
          )}
          {kind !== 'note' && shows(whenField) && (
            <DateTimePicker
              label={t(logged ? 'record.quickAdd.when' : 'record.quickAdd.dueDate')}
              value={when}
              onChange={setWhen}
              clearable={!logged}
              error={messagesAt(problems, `data.${whenField}`)}
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
