import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../access/ConfirmModal';
import type { Problem } from '../../graphql/problems';
import type { WorkspaceField } from '../record-api';
import { BulkEditModal } from './BulkEditModal';
import type { OptionLook } from './columns';
import type { BulkOutcome } from './use-list-edits';

type Open = 'none' | 'edit' | 'delete';

/**
 * What can be done with the selected records: set one field on all of them, delete them (after a question).
 * Each is offered only to a user who may do it to the object's records at all.
 */
export function BulkBar(props: {
  count: number;
  fields: readonly WorkspaceField[];
  options: ReadonlyMap<string, ReadonlyMap<string, OptionLook>>;
  /** Absent: the user may not update these records, and no Edit field is offered. */
  onEdit?: ((field: WorkspaceField, value: unknown) => Promise<BulkOutcome>) | undefined;
  /** Absent: the user may not delete these records, and no Delete is offered. */
  onDelete?: (() => Promise<BulkOutcome>) | undefined;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const { onEdit } = props;
  const [open, setOpen] = useState<Open>('none');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const close = () => {
    setOpen('none');
    setProblems([]);
  };
  const run = async (action: () => Promise<BulkOutcome>) => {
    setBusy(true);
    const outcome = await action();
    setBusy(false);
    if (outcome.ok) close();
    else setProblems(outcome.problems);
  };
  return (
    <Paper
      withBorder
      p="xs"
      mb="sm"
      role="region"
      aria-label={t('list.bulk.region')}
      bg="var(--mantine-color-blue-light)"
    >
      <Group justify="space-between" gap="xs">
        <Text fw={600} aria-live="polite">
          {t('list.bulk.selected', { count: props.count })}
        </Text>
        <Group gap="xs">
          {onEdit && (
            <Button size="xs" variant="default" onClick={() => setOpen('edit')}>
              {t('list.bulk.edit')}
            </Button>
          )}
          {props.onDelete && (
            <Button size="xs" color="red" variant="light" onClick={() => setOpen('delete')}>
              {t('list.bulk.delete')}
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={props.onClear}>
            {t('list.bulk.clear')}
          </Button>
        </Group>
      </Group>
      {open === 'edit' && onEdit && (
        <BulkEditModal
          opened
          count={props.count}
          fields={props.fields}
          options={props.options}
          busy={busy}
          problems={problems}
          onApply={(field, value) => void run(() => onEdit(field, value))}
          onClose={close}
        />
      )}
      <ConfirmModal
        opened={open === 'delete' && props.onDelete !== undefined}
        title={t('list.bulk.deleteTitle', { count: props.count })}
        text={t('list.bulk.deleteText')}
        confirm={t('list.bulk.deleteConfirm', { count: props.count })}
        busy={busy}
        problems={problems}
        onConfirm={() => props.onDelete && void run(props.onDelete)}
        onClose={close}
      />
    </Paper>
  );
}
