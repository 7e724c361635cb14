import { Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from '../../components/ModalActions';
import { FormProblems } from '../../designer/FormProblems';
import { messagesAt, withoutPath, type Problem } from '../../graphql/problems';

/**
 * Names a view (a new one, or a rename) and, for those who may share, says whether it is shared. The
 * server's problems go under the control they name (`name`, `shared`); any other above the buttons.
 */
export function ViewFormModal(props: {
  title: string;
  name: string;
  shared: boolean;
  canShare: boolean;
  objectsLabel: string;
  onSubmit: (name: string, shared: boolean) => Promise<readonly Problem[] | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.name);
  const [shared, setShared] = useState(props.shared);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const others = problems.filter((p) => p.path !== 'name' && p.path !== 'shared');
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void props.onSubmit(name, shared).then((refused) => {
            setBusy(false);
            if (refused) setProblems(refused);
          });
        }}
      >
        <Stack>
          <TextInput
            label={t('views.form.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setProblems((before) => withoutPath(before, 'name'));
            }}
            error={messagesAt(problems, 'name')}
            required
            data-autofocus
          />
          <Switch
            label={t('views.form.shared', { objects: props.objectsLabel })}
            description={props.canShare ? undefined : t('views.form.sharedHint')}
            checked={shared}
            disabled={!props.canShare}
            onChange={(e) => setShared(e.currentTarget.checked)}
            error={messagesAt(problems, 'shared')}
          />
          <FormProblems problems={others} title={t('common.notSaved')} />
          <ModalActions action={t('views.form.submit')} onCancel={props.onClose} loading={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
