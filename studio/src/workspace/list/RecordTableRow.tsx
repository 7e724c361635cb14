import { Checkbox, Table, Text } from '@mantine/core';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordTitle, type WorkspaceField, type WorkspaceObject } from '../record-api';
import { CellEditor } from './CellEditor';
import { CellValue, type CellContext } from './CellValue';
import { editorOf } from './columns';
import type { RecordRow } from './use-record-pages';

/**
 * What a row asks of its table. The table hands the same object to every row on every render (its functions
 * call the table's latest state), so a row re-renders only when its own props change.
 */
export interface RowActions {
  cellKey(event: KeyboardEvent, index: number, col: number): void;
  rowClick(event: MouseEvent, row: RecordRow): void;
  startEdit(row: RecordRow, field: WorkspaceField): void;
  select(ids: readonly string[], selected: boolean): void;
  focusCell(index: number, col: number): void;
  save(row: RecordRow, field: WorkspaceField, value: unknown): void;
  stopEditing(): void;
  measure(element: HTMLTableRowElement | null): void;
}

export interface RecordTableRowProps {
  readonly object: WorkspaceObject;
  readonly columns: readonly WorkspaceField[];
  readonly row: RecordRow;
  readonly index: number;
  readonly ctx: CellContext;
  readonly selected: boolean;
  /** The column of the table's active cell when it is in this row, else null. */
  readonly activeCol: number | null;
  /** The field being edited in this row, else null. */
  readonly editingField: string | null;
  readonly cellErrors: ReadonlyMap<string, string>;
  readonly actions: RowActions;
}

/**
 * One record of the list. Memoised: while the list scrolls, the table re-renders on every frame, and only the
 * rows coming into view render (formatting a row's money, dates and badges is most of a frame's work).
 */
export const RecordTableRow = memo(function RecordTableRow(props: RecordTableRowProps) {
  const { t } = useTranslation();
  const { row, index, columns, actions } = props;
  const stop = (event: MouseEvent) => event.stopPropagation();
  return (
    <Table.Tr
      ref={actions.measure}
      data-index={index}
      data-row={row.id}
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      onClick={(e) => actions.rowClick(e, row)}
      style={{ cursor: 'pointer' }}
    >
      <Table.Td
        data-cell={`${index}:0`}
        tabIndex={props.activeCol === 0 ? 0 : -1}
        onKeyDown={(e) => actions.cellKey(e, index, 0)}
        onClick={stop}
      >
        <Checkbox
          tabIndex={-1}
          aria-label={t('list.select', { title: recordTitle(props.object, row) })}
          checked={props.selected}
          onChange={(e) => actions.select([row.id], e.currentTarget.checked)}
        />
      </Table.Td>
      {columns.map((field, i) => {
        const col = i + 1;
        const error = props.cellErrors.get(`${row.id}:${field.name}`);
        const editor = editorOf(field);
        const isEditing = props.editingField === field.name;
        return (
          <Table.Td
            key={field.name}
            data-cell={`${index}:${col}`}
            data-field={field.name}
            tabIndex={props.activeCol === col ? 0 : -1}
            aria-invalid={error ? true : undefined}
            onKeyDown={(e) => actions.cellKey(e, index, col)}
            onFocus={() => props.activeCol !== col && actions.focusCell(index, col)}
            onDoubleClick={() => actions.startEdit(row, field)}
            onClick={isEditing ? stop : undefined}
            style={{ minWidth: editor && isEditing ? 160 : undefined }}
          >
            {isEditing && editor ? (
              <CellEditor
                editor={editor}
                field={field}
                label={field.label}
                value={row[field.name]}
                options={props.ctx.options.get(field.name)}
                onSave={(value) => {
                  actions.stopEditing();
                  actions.save(row, field, value);
                }}
                onCancel={actions.stopEditing}
              />
            ) : field.name === props.object.titleField ? (
              <Text fw={600} size="sm" truncate="end" maw={{ base: 220, sm: 360 }}>
                {recordTitle(props.object, row)}
              </Text>
            ) : (
              <CellValue field={field} value={row[field.name]} ctx={props.ctx} />
            )}
            {error && (
              <Text size="xs" c="red" role="alert" style={{ whiteSpace: 'normal', maxWidth: 260 }}>
                {error}
              </Text>
            )}
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
});
