import { Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from '../../components/ModalActions';
import { FormProblems } from '../../designer/FormProblems';
import type { Problem } from '../../graphql/problems';
import type { WorkspaceField } from '../record-api';
import { ValueInput, initialDraft, inputValue } from './CellEditor';
import { editorOf, type OptionLook } from './columns';

/** One field set to one value on every selected record. */
export function BulkEditModal(props: {
  opened: boolean;
  count: number;
  fields: readonly WorkspaceField[];
  options: ReadonlyMap<string, ReadonlyMap<string, OptionLook>>;
  busy: boolean;
  problems: readonly Problem[];
  onApply: (field: WorkspaceField, value: unknown) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const editable = props.fields.filter((f) => editorOf(f));
  const [name, setName] = useState<string | null>(null);
  const [draft, setDraft] = useState<unknown>('');
  const field = editable.find((f) => f.name === name);
  const editor = field && editorOf(field);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('list.bulk.editTitle', { count: props.count })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (field && editor) props.onApply(field, inputValue(editor, field, draft, null));
        }}
      >
        <Stack>
          <Select
            label={t('list.bulk.field')}
            data={editable.map((f) => ({ value: f.name, label: f.label }))}
            value={name}
            onChange={(next) => {
              setName(next);
              const chosen = editable.find((f) => f.name === next);
              const kind = chosen && editorOf(chosen);
              setDraft(kind ? initialDraft(kind, null) : '');
            }}
            searchable
            data-autofocus
          />
          {field && editor && (
            <ValueInput
              editor={editor}
              field={field}
              label={t('list.bulk.value')}
              options={props.options.get(field.name)}
              draft={draft}
              onDraft={setDraft}
              size="sm"
              visibleLabel
            />
          )}
          <FormProblems problems={props.problems} title={t('common.notSaved')} />
          <ModalActions
            action={t('list.bulk.apply', { count: props.count })}
            onCancel={props.onClose}
            loading={props.busy}
            disabled={!field}
          />
        </Stack>
      </form>
    </Modal>
  );
}
