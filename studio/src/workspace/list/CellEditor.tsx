import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import type { WorkspaceField } from '../record-api';
import type { Editor, OptionLook } from './columns';
import type { Money } from '../format';

/** The value an input holds, as the update mutation takes it (an emptied input is null). */
export function inputValue(editor: Editor, field: WorkspaceField, draft: unknown, before: unknown): unknown {
  switch (editor) {
    case 'number':
      return typeof draft === 'number' ? draft : null;
    case 'currency': {
      if (typeof draft !== 'number') return null;
      const code =
        (before as Money | null)?.currency ?? (field.settings as { currency?: string } | null)?.currency ?? null;
      return code ? { amount: draft, currency: code } : { amount: draft };
    }
    case 'boolean':
      return draft === true;
    default:
      return typeof draft === 'string' && draft !== '' ? draft : null;
  }
}

/** What the input starts from: the amount of money, the text of the rest. */
export function initialDraft(editor: Editor, value: unknown): unknown {
  if (editor === 'currency') return (value as Money | null)?.amount ?? '';
  if (editor === 'number') return typeof value === 'number' ? value : '';
  if (editor === 'boolean') return value === true;
  return value ?? '';
}

export interface ValueInputProps {
  readonly editor: Editor;
  readonly field: WorkspaceField;
  readonly label: string;
  readonly options: ReadonlyMap<string, OptionLook> | undefined;
  readonly draft: unknown;
  readonly onDraft: (draft: unknown) => void;
  readonly onKeyDown?: (event: KeyboardEvent) => void;
  readonly autoFocus?: boolean;
  readonly size?: 'xs' | 'sm';
  /** Show the label above the input (in a form), not only to screen readers (in a cell). */
  readonly visibleLabel?: boolean;
}

/** An input for one value of a field, by the way its type is edited. */
export function ValueInput(props: ValueInputProps) {
  const { editor, field, draft, onDraft } = props;
  const common = {
    ...(props.visibleLabel ? { label: props.label } : { 'aria-label': props.label }),
    autoFocus: props.autoFocus,
    onKeyDown: props.onKeyDown,
    size: props.size ?? 'xs',
  };
  switch (editor) {
    case 'number':
    case 'currency':
      return (
        <NumberInput
          {...common}
          value={draft as number | string}
          onChange={(v) => onDraft(typeof v === 'number' ? v : '')}
          rightSection={editor === 'currency' ? undefined : null}
          hideControls
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={[...(props.options ?? new Map<string, OptionLook>())].map(([value, look]) => ({
            value,
            label: look.label,
          }))}
          value={typeof draft === 'string' && draft !== '' ? draft : null}
          onChange={(v) => onDraft(v ?? '')}
          clearable={!field.required}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          {...(props.visibleLabel ? { label: props.label } : { 'aria-label': props.label })}
          autoFocus={props.autoFocus}
          onKeyDown={props.onKeyDown}
          checked={draft === true}
          onChange={(e) => onDraft(e.currentTarget.checked)}
        />
      );
    case 'date':
      return (
        <TextInput {...common} type="date" value={String(draft)} onChange={(e) => onDraft(e.currentTarget.value)} />
      );
    case 'text':
      return <TextInput {...common} value={String(draft)} onChange={(e) => onDraft(e.currentTarget.value)} />;
  }
}

/** A cell being edited: Enter saves the draft, Escape gives up. */
export function CellEditor(props: {
  editor: Editor;
  field: WorkspaceField;
  label: string;
  value: unknown;
  options: ReadonlyMap<string, OptionLook> | undefined;
  onSave: (value: unknown) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(() => initialDraft(props.editor, props.value));
  const onKeyDown = (event: KeyboardEvent) => {
    // A select's own Enter picks an option while its list is open; the next Enter saves.
    if (event.key === 'Enter' && !(event.target as HTMLElement).getAttribute('aria-expanded')?.startsWith('true')) {
      event.preventDefault();
      event.stopPropagation();
      props.onSave(inputValue(props.editor, props.field, draft, props.value));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onCancel();
    }
  };
  return (
    <ValueInput
      editor={props.editor}
      field={props.field}
      label={props.label}
      options={props.options}
      draft={draft}
      onDraft={setDraft}
      onKeyDown={onKeyDown}
      autoFocus
    />
  );
}
