import { Center, Checkbox, Loader, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordTitle, type WorkspaceField, type WorkspaceObject } from '../record-api';
import { CellEditor } from './CellEditor';
import { CellValue, type CellContext } from './CellValue';
import { editorOf, isSortable } from './columns';
import type { RecordRow } from './use-record-pages';

export interface Sort {
  readonly field: string;
  readonly direction: 'ASC' | 'DESC';
}

export interface RecordTableProps {
  readonly object: WorkspaceObject;
  readonly columns: readonly WorkspaceField[];
  readonly rows: readonly RecordRow[];
  readonly totalCount: number | null;
  readonly hasNextPage: boolean;
  readonly loading: boolean;
  readonly loadMore: () => void;
  readonly sort: Sort | null;
  readonly onSort: (field: string) => void;
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (ids: readonly string[], selected: boolean) => void;
  readonly ctx: CellContext;
  /** The server's message for a refused edit, by `rowId:field`. */
  readonly cellErrors: ReadonlyMap<string, string>;
  readonly onSave: (row: RecordRow, field: WorkspaceField, value: unknown) => void;
  readonly onEditStart: (row: RecordRow, field: WorkspaceField) => void;
  readonly onOpen: (id: string) => void;
}

const ROW_HEIGHT = 41;
/** A single click waits this long for a second one, which edits instead of opening the record. */
const DOUBLE_CLICK_MS = 250;

interface Position {
  readonly row: number;
  readonly col: number;
}

/**
 * The records of a list as a real table (so screen readers read rows and columns), virtualised: only the rows
 * in view (and a few around them) are in the DOM, with spacer rows keeping the scroll height; `aria-rowcount`
 * and `aria-rowindex` say where the shown rows sit in the whole list. Arrow keys move between cells; Enter
 * edits an editable cell or opens the record; a click opens it and a double-click edits.
 */
export function RecordTable(props: RecordTableProps) {
  const { t } = useTranslation();
  const { rows, columns } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState<Position>({ row: 0, col: 1 });
  const [editing, setEditing] = useState<{ id: string; field: string } | null>(null);
  const clickTimer = useRef<number | undefined>(undefined);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  // Scrolling near the end loads the next page.
  useEffect(() => {
    if (last && last.index >= rows.length - 10 && props.hasNextPage && !props.loading) props.loadMore();
  }, [last, rows.length, props]);

  // Keyboard focus follows the active cell once the table has it, and comes back to the cell after an edit.
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !table.current) return;
    if (!refocus.current && !table.current.contains(document.activeElement)) return;
    refocus.current = false;
    table.current.querySelector<HTMLElement>(`[data-cell="${active.row}:${active.col}"]`)?.focus();
  }, [active, editing]);
  const stopEditing = () => {
    refocus.current = true;
    setEditing(null);
  };

  useEffect(() => () => window.clearTimeout(clickTimer.current), []);

  const pageIds = rows.map((r) => r.id);
  const allSelected = pageIds.length > 0 && pageIds.every((id) => props.selected.has(id));
  const someSelected = pageIds.some((id) => props.selected.has(id));

  const move = (to: Position) => {
    const row = Math.max(0, Math.min(rows.length - 1, to.row));
    const col = Math.max(0, Math.min(columns.length, to.col));
    virtualizer.scrollToIndex(row);
    setActive({ row, col });
  };

  const startEdit = (row: RecordRow, field: WorkspaceField) => {
    if (!editorOf(field)) return;
    window.clearTimeout(clickTimer.current);
    props.onEditStart(row, field);
    setEditing({ id: row.id, field: field.name });
  };

  const onCellKey = (event: KeyboardEvent, index: number, col: number) => {
    const row = rows[index];
    if (!row || editing) return;
    const field = col > 0 ? columns[col - 1] : undefined;
    const moves: Record<string, Position> = {
      ArrowDown: { row: index + 1, col },
      ArrowUp: { row: index - 1, col },
      ArrowLeft: { row: index, col: col - 1 },
      ArrowRight: { row: index, col: col + 1 },
      Home: { row: index, col: 0 },
      End: { row: index, col: columns.length },
      PageDown: { row: index + 10, col },
      PageUp: { row: index - 10, col },
    };
    const to = moves[event.key];
    if (to) {
      event.preventDefault();
      move(to);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (field && editorOf(field)) startEdit(row, field);
      else props.onOpen(row.id);
    } else if (event.key === ' ' && col === 0) {
      event.preventDefault();
      props.onSelect([row.id], !props.selected.has(row.id));
    }
  };

  const onRowClick = (event: MouseEvent, row: RecordRow) => {
    if (event.detail > 1) return;
    window.clearTimeout(clickTimer.current);
    clickTimer.current = window.setTimeout(() => props.onOpen(row.id), DOUBLE_CLICK_MS);
  };

  const stop = (event: MouseEvent) => event.stopPropagation();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const span = columns.length + 1;

  return (
    <div
      ref={scroller}
      style={{ overflow: 'auto', maxHeight: 'calc(100dvh - 220px)', minHeight: 240 }}
      data-testid="list-scroller"
    >
      <Table
        ref={table}
        stickyHeader
        highlightOnHover
        withTableBorder
        aria-label={props.object.labelPlural}
        aria-rowcount={(props.totalCount ?? rows.length) + 1}
        style={{ whiteSpace: 'nowrap' }}
      >
        <Table.Thead style={{ zIndex: 2 }}>
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col" w={40}>
              <Checkbox
                aria-label={t('list.selectAll')}
                checked={allSelected}
                indeterminate={!allSelected && someSelected}
                onChange={(e) => props.onSelect(pageIds, e.currentTarget.checked)}
              />
            </Table.Th>
            {columns.map((field) => {
              const sorted = props.sort?.field === field.name ? props.sort.direction : undefined;
              return (
                <Table.Th
                  key={field.name}
                  scope="col"
                  aria-sort={sorted === 'ASC' ? 'ascending' : sorted === 'DESC' ? 'descending' : undefined}
                >
                  {isSortable(field) ? (
                    <UnstyledButton
                      onClick={() => props.onSort(field.name)}
                      fw={700}
                      fz="sm"
                      title={t('list.sortBy', { field: field.label })}
                    >
                      {field.label}
                      <span aria-hidden> {sorted === 'ASC' ? '▲' : sorted === 'DESC' ? '▼' : '↕'}</span>
                    </UnstyledButton>
                  ) : (
                    field.label
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 && (
            <tr aria-hidden style={{ height: paddingTop }}>
              <td colSpan={span} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            const isActive = (col: number) => active.row === item.index && active.col === col;
            return (
              <Table.Tr
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-row={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={props.selected.has(row.id)}
                onClick={(e) => onRowClick(e, row)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td
                  data-cell={`${item.index}:0`}
                  tabIndex={isActive(0) ? 0 : -1}
                  onKeyDown={(e) => onCellKey(e, item.index, 0)}
                  onClick={stop}
                >
                  <Checkbox
                    tabIndex={-1}
                    aria-label={t('list.select', { title: recordTitle(props.object, row) })}
                    checked={props.selected.has(row.id)}
                    onChange={(e) => props.onSelect([row.id], e.currentTarget.checked)}
                  />
                </Table.Td>
                {columns.map((field, i) => {
                  const col = i + 1;
                  const key = `${row.id}:${field.name}`;
                  const error = props.cellErrors.get(key);
                  const editor = editorOf(field);
                  const isEditing = editing?.id === row.id && editing.field === field.name;
                  return (
                    <Table.Td
                      key={field.name}
                      data-cell={`${item.index}:${col}`}
                      data-field={field.name}
                      tabIndex={isActive(col) ? 0 : -1}
                      aria-invalid={error ? true : undefined}
                      onKeyDown={(e) => onCellKey(e, item.index, col)}
                      onFocus={() => !isActive(col) && setActive({ row: item.index, col })}
                      onDoubleClick={() => startEdit(row, field)}
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
                            stopEditing();
                            props.onSave(row, field, value);
                          }}
                          onCancel={stopEditing}
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
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden style={{ height: paddingBottom }}>
              <td colSpan={span} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {props.loading && (
        <Center p="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {!props.loading && rows.length === 0 && (
        <Text c="dimmed" p="md">
          {t('list.empty')}
        </Text>
      )}
    </div>
  );
}
