import { Table, Text } from '@mantine/core';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { recordTitle, type WorkspaceField, type WorkspaceObject } from '../record-api';
import { preloadRecord } from '../record/load-record-page';
import { CellEditor } from './CellEditor';
import { CellValue, type CellContext } from './CellValue';
import { editorOf } from './columns';
import classes from './RecordTable.module.css';
import { RowCheckbox } from './RowCheckbox';
import type { RecordRow } from './use-record-pages';

/**
 * Rows and cells are plain `tr`/`td` elements with the classes and data attributes `Table.Tr`/`Table.Td` give
 * them in this table (hover; no column borders): the same look without a component, a theme lookup and the
 * table's context per cell. The row's border is `.row`'s (RecordTable.module.css), not Mantine's
 * `data-with-row-border`, whose rule for the last row (`:last-of-type`) made every row coming into view restyle
 * the rows beside it (a steady scroll's style time 1.8 → 0.6 ms a frame).
 */
const TR = `${Table.classes.tr} mantine-Table-tr ${classes.row}`;
const TD = `${Table.classes.td} mantine-Table-td`;

/** A cell being edited is wide enough for its editor. */
const EDITING_CELL = { minWidth: 160 };

/**
 * What a row asks of its table. The table hands the same object to every row on every render (its functions
 * call the table's latest state), so a row re-renders only when its own props change.
 */
export interface RowActions {
  cellKey(event: KeyboardEvent, index: number, col: number): void;
  rowClick(event: MouseEvent, row: RecordRow): void;
  startEdit(row: RecordRow, field: WorkspaceField): void;
  select(ids: readonly string[], selected: boolean): void;
  /** Opens the record's page. */
  open(id: string): void;
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
  const { row, index, columns, actions } = props;
  const { t } = props.ctx;
  const stop = (event: MouseEvent) => event.stopPropagation();
  // The title's link opens the record here (as the router's `Link` would, without its hooks in every row) unless
  // the browser is asked for a new tab or window.
  const openTitle = (event: MouseEvent) => {
    event.stopPropagation();
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    actions.open(row.id);
  };
  return (
    <tr
      className={TR}
      data-hover
      ref={actions.measure}
      data-index={index}
      data-row={row.id}
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      onClick={(e) => actions.rowClick(e, row)}
    >
      <td
        className={TD}
        data-cell={`${index}:0`}
        tabIndex={props.activeCol === 0 ? 0 : -1}
        onKeyDown={(e) => actions.cellKey(e, index, 0)}
        onClick={stop}
      >
        <RowCheckbox
          label={t('list.select', { title: recordTitle(props.object, row) })}
          checked={props.selected}
          onChange={(checked) => actions.select([row.id], checked)}
        />
      </td>
      {columns.map((field, i) => {
        const col = i + 1;
        const error = props.cellErrors.get(`${row.id}:${field.name}`);
        const editor = editorOf(field);
        const isEditing = props.editingField === field.name;
        return (
          <td
            className={TD}
            key={field.name}
            data-cell={`${index}:${col}`}
            data-field={field.name}
            tabIndex={props.activeCol === col ? 0 : -1}
            aria-invalid={error ? true : undefined}
            onKeyDown={(e) => actions.cellKey(e, index, col)}
            onFocus={() => props.activeCol !== col && actions.focusCell(index, col)}
            onDoubleClick={() => actions.startEdit(row, field)}
            onClick={isEditing ? stop : undefined}
            style={editor && isEditing ? EDITING_CELL : undefined}
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
              // A link: a click opens the record at once (a click elsewhere waits to see if it is a double-click,
              // which edits), a middle-click in a new tab. Out of the tab order: the cell has the focus. Pointing at it
              // fetches the code the record's page needs.
              <a
                href={`/o/${props.object.name}/${row.id}`}
                className={classes.title}
                tabIndex={-1}
                onClick={openTitle}
                onDoubleClick={stop}
                onPointerEnter={() => preloadRecord(props.object)}
                onFocus={() => preloadRecord(props.object)}
              >
                {recordTitle(props.object, row)}
              </a>
            ) : (
              <CellValue field={field} value={row[field.name]} ctx={props.ctx} />
            )}
            {error && (
              <Text size="xs" c="red" role="alert" style={{ whiteSpace: 'normal', maxWidth: 260 }}>
                {error}
              </Text>
            )}
          </td>
        );
      })}
    </tr>
  );
});
