import { Badge, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from '../../components/ModalActions';
import { FormProblems } from '../../designer/FormProblems';
import type { Problem } from '../../graphql/problems';
import type { SavedView, ViewOutcome } from './use-saved-views';
import type { useListView } from './use-list-view';
import { ViewFormModal } from './ViewFormModal';

type ListView = ReturnType<typeof useListView>;
type Dialog = 'saveAs' | 'rename' | 'delete' | null;

/**
 * The list's saved views: "All records", the user's own views and the shared ones to pick from; saving the
 * shown view, saving it as a new one (shared, for those who may share), renaming and deleting (after a
 * confirmation). A view someone may not change (a shared one, for most) can still be picked and adjusted,
 * then saved as their own.
 */
export function ViewsMenu({ list, objectsLabel }: { list: ListView; objectsLabel: string }) {
  const { t } = useTranslation();
  const { saved, active, modified } = list;
  const [dialog, setDialog] = useState<Dialog>(null);
  const mine = saved.views.filter((v) => !v.shared);
  const shared = saved.views.filter((v) => v.shared);

  const done = (outcome: ViewOutcome) => {
    if (!outcome.ok) return outcome.problems;
    list.showSaved(outcome.view);
    notifications.show({ message: t('views.saved', { name: outcome.view.name }), color: 'green' });
    setDialog(null);
    return null;
  };
  const store = async (meta: { id?: string; name: string; shared: boolean }) =>
    done(await saved.saveView(list.current, meta));
  const saveShown = async () => {
    if (!active) return;
    const refused = await store({ id: active.id, name: active.name, shared: active.shared });
    if (refused) notifications.show({ message: refused.map((p) => p.message).join('; '), color: 'red' });
  };
  const item = (view: SavedView) => (
    <Menu.Item
      key={view.id}
      onClick={() => list.choose(view.id)}
      aria-current={view.id === active?.id ? 'true' : undefined}
      fw={view.id === active?.id ? 600 : undefined}
      rightSection={
        view.shared ? (
          <Badge size="xs" variant="light">
            {t('views.sharedBadge')}
          </Badge>
        ) : undefined
      }
    >
      {view.name}
    </Menu.Item>
  );

  return (
    <>
      <Menu position="bottom-start" withinPortal closeOnItemClick>
        <Menu.Target>
          <Button variant={active ? 'light' : 'default'} title={t('views.menuLabel')}>
            <Group gap={6} wrap="nowrap">
              <span>{t('views.menu', { name: active?.name ?? t('views.all') })}</span>
              {modified && (
                <Badge size="xs" color="orange" variant="light">
                  {t('views.modified')}
                </Badge>
              )}
            </Group>
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={240}>
          <Menu.Item
            onClick={() => list.choose(null)}
            aria-current={active ? undefined : 'true'}
            fw={active ? undefined : 600}
          >
            {t('views.all')}
          </Menu.Item>
          {mine.length > 0 && <Menu.Label>{t('views.mine')}</Menu.Label>}
          {mine.map(item)}
          {shared.length > 0 && <Menu.Label>{t('views.shared')}</Menu.Label>}
          {shared.map(item)}
          <Menu.Divider />
          <Menu.Item disabled={!active?.editable || !modified} onClick={() => void saveShown()}>
            {t('views.save')}
          </Menu.Item>
          <Menu.Item onClick={() => setDialog('saveAs')}>{t('views.saveAs')}</Menu.Item>
          <Menu.Item disabled={!active?.editable} onClick={() => setDialog('rename')}>
            {t('views.rename')}
          </Menu.Item>
          <Menu.Item color="red" disabled={!active?.editable} onClick={() => setDialog('delete')}>
            {t('views.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'saveAs' && (
        <ViewFormModal
          title={t('views.form.createTitle')}
          name=""
          shared={false}
          canShare={saved.canShare}
          objectsLabel={objectsLabel}
          onSubmit={(name, isShared) => store({ name, shared: isShared })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'rename' && active && (
        <ViewFormModal
          title={t('views.form.renameTitle')}
          name={active.name}
          shared={active.shared}
          canShare={saved.canShare}
          objectsLabel={objectsLabel}
          onSubmit={async (name, isShared) => done(await saved.renameView(active, name, isShared))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && active && (
        <DeleteViewModal
          view={active}
          onDelete={async () => {
            const refused = await saved.deleteView(active.id);
            if (!refused) {
              setDialog(null);
              list.choose(null);
            }
            return refused;
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

function DeleteViewModal(props: {
  view: SavedView;
  onDelete: () => Promise<readonly Problem[] | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened onClose={props.onClose} title={t('views.remove.title', { name: props.view.name })}>
      <Stack>
        <Text size="sm">{t(props.view.shared ? 'views.remove.sharedText' : 'views.remove.personalText')}</Text>
        <FormProblems problems={problems} title={t('common.notSaved')} />
        <ModalActions
          action={t('views.remove.confirm')}
          color="red"
          loading={busy}
          onCancel={props.onClose}
          onConfirm={() => {
            setBusy(true);
            void props.onDelete().then((refused) => {
              setBusy(false);
              if (refused) setProblems(refused);
            });
          }}
        />
      </Stack>
    </Modal>
  );
}
