import { Center, Checkbox, Loader, Table, Text, UnstyledButton } from '@mantine/core';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceField, WorkspaceObject } from '../record-api';
import type { CellContext } from './CellValue';
import { editorOf, isSortable } from './columns';
import classes from './RecordTable.module.css';
import type { RowActions } from './RecordTableRow';
import type { RecordRow } from './use-record-pages';
import { ROW_HEIGHT, VirtualRows, type RowVirtualizer } from './VirtualRows';

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
  /** False when the user may not update the object's records at all: no cell is edited in place. */
  readonly editable: boolean;
  readonly onOpen: (id: string) => void;
}

/** Gives `.row` (RecordTable.module.css) the height the virtualizer counts with. */
const ROW_HEIGHT_VAR = { '--list-row-height': `${ROW_HEIGHT}px` } as CSSProperties;

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
 * edits an editable cell or opens the record; a click on the title opens it at once, a click elsewhere opens it
 * unless a second click follows, which edits that cell. Without `editable` no cell is: Enter opens the record.
 */
export function RecordTable(props: RecordTableProps) {
  const { t } = useTranslation();
  const { rows, columns } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState<Position>({ row: 0, col: 1 });
  const [editing, setEditing] = useState<{ id: string; field: string } | null>(null);
  const clickTimer = useRef<number | undefined>(undefined);

  const virtualizer = useRef<RowVirtualizer | null>(null);

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

  // Over every loaded row (10,000 after a long scroll): computed when the rows or the selection change, not per frame.
  const { pageIds, allSelected, someSelected } = useMemo(() => {
    const ids = rows.map((r) => r.id);
    const chosen = ids.filter((id) => props.selected.has(id)).length;
    return { pageIds: ids, allSelected: ids.length > 0 && chosen === ids.length, someSelected: chosen > 0 };
  }, [rows, props.selected]);

  const move = (to: Position) => {
    const row = Math.max(0, Math.min(rows.length - 1, to.row));
    const col = Math.max(0, Math.min(columns.length, to.col));
    virtualizer.current?.scrollToIndex(row);
    setActive({ row, col });
  };

  const editorFor = (field: WorkspaceField) => (props.editable ? editorOf(field) : undefined);

  const startEdit = (row: RecordRow, field: WorkspaceField) => {
    if (!editorFor(field)) return;
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
      if (field && editorFor(field)) startEdit(row, field);
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

  // The rows get one object for all renders; its functions call this render's handlers (RecordTableRow is memoised).
  const latest = useRef({ onCellKey, onRowClick, startEdit, stopEditing, setActive, props });
  latest.current = { onCellKey, onRowClick, startEdit, stopEditing, setActive, props };
  const actions = useMemo<RowActions>(
    () => ({
      cellKey: (event, index, col) => latest.current.onCellKey(event, index, col),
      rowClick: (event, row) => latest.current.onRowClick(event, row),
      startEdit: (row, field) => latest.current.startEdit(row, field),
      select: (ids, selected) => latest.current.props.onSelect(ids, selected),
      open: (id) => latest.current.props.onOpen(id),
      focusCell: (row, col) => latest.current.setActive({ row, col }),
      save: (row, field, value) => latest.current.props.onSave(row, field, value),
      stopEditing: () => latest.current.stopEditing(),
      measure: (element) => virtualizer.current?.measureElement(element),
    }),
    [],
  );
  const nearEnd = useCallback(() => {
    const { hasNextPage, loading, loadMore } = latest.current.props;
    if (hasNextPage && !loading) loadMore();
  }, []);

  return (
    <div ref={scroller} className={classes.scroller} data-testid="list-scroller">
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
        <Table.Tbody style={ROW_HEIGHT_VAR}>
          <VirtualRows
            object={props.object}
            columns={columns}
            rows={rows}
            ctx={props.ctx}
            selected={props.selected}
            active={active}
            editing={editing}
            cellErrors={props.cellErrors}
            actions={actions}
            scroller={scroller}
            handle={virtualizer}
            onNearEnd={nearEnd}
          />
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
