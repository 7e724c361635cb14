import { TextInput } from '@mantine/core';
import { useCallback, useRef, type ReactNode } from 'react';
import { VariablePicker } from './VariablePicker';
import { insertTemplate, type Variable } from './variables';

/** A text input that may hold `{{…}}` templates, with a variable picker that inserts one at the cursor. */
export function TemplateInput(props: {
  id: string;
  label: ReactNode;
  accessibleLabel: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  variables: readonly Variable[];
  required?: boolean;
  disabled?: boolean;
  error?: ReactNode;
  description?: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const { value, onChange } = props;
  const pick = useCallback(
    (path: string) => {
      const element = input.current;
      const next = insertTemplate(value, path, element?.selectionStart ?? null, element?.selectionEnd ?? null);
      onChange(next.value);
      // After React has rendered the new value: the cursor goes right after the inserted template.
      requestAnimationFrame(() => {
        element?.focus();
        element?.setSelectionRange(next.cursor, next.cursor);
      });
    },
    [value, onChange],
  );
  return (
    <TextInput
      ref={input}
      id={props.id}
      name={props.id}
      label={props.label}
      description={props.description}
      required={props.required}
      disabled={props.disabled}
      error={props.error}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={props.onBlur}
      rightSection={
        <VariablePicker
          variables={props.variables}
          fieldLabel={props.accessibleLabel}
          onPick={pick}
          disabled={props.disabled}
        />
      }
      rightSectionPointerEvents="all"
    />
  );
}
