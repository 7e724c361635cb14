import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, type RefObject } from 'react';
import type { WorkspaceField, WorkspaceObject } from '../record-api';
import type { CellContext } from './CellValue';
import { overscanByPace } from './overscan-by-pace';
import { RecordTableRow, type RowActions } from './RecordTableRow';
import type { RecordRow } from './use-record-pages';

/**
 * Every row's height in pixels (RecordTable gives it to the rows' CSS): a little more than a row of the
 * table's text, padding and border needs (39.8 px), so that rows of every kind of value are as tall as each
 * other and as the virtualizer expects. A row it measures taller (an error under a value) it places by its
 * measure.
 */
export const ROW_HEIGHT = 40;

export type RowVirtualizer = Virtualizer<HTMLDivElement, Element>;

export interface VirtualRowsProps {
  readonly object: WorkspaceObject;
  readonly columns: readonly WorkspaceField[];
  readonly rows: readonly RecordRow[];
  readonly ctx: CellContext;
  readonly selected: ReadonlySet<string>;
  readonly active: { readonly row: number; readonly col: number };
  readonly editing: { readonly id: string; readonly field: string } | null;
  readonly cellErrors: ReadonlyMap<string, string>;
  readonly actions: RowActions;
  /** The element that scrolls (the table's wrapper). */
  readonly scroller: RefObject<HTMLDivElement | null>;
  /** Set to the virtualizer, for the table's keyboard moves (`scrollToIndex`) and the rows' measuring. */
  readonly handle: { current: RowVirtualizer | null };
  /** Called when the last rendered row is near the last loaded one. */
  readonly onNearEnd: () => void;
}

/**
 * The rows of the table's body in view (and a few around them), with spacer rows keeping the scroll height.
 * The virtualizer lives here rather than in the table so that a scroll re-renders this body only: the table
 * around it (and Mantine's table context, which every cell reads) stays as it is, and the memoised rows
 * already shown do not render again; only rows coming into view do.
 */
export function VirtualRows(props: VirtualRowsProps) {
  const { rows, columns, active, editing, onNearEnd } = props;
  const rangeExtractor = useMemo(overscanByPace, []);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => props.scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows drawn beyond the view on each side: a row or two scrolls in per frame, so 4 are drawn before they
    // show. A fling (every frame on new rows) draws none (overscan-by-pace.ts).
    overscan: 4,
    rangeExtractor,
  });
  props.handle.current = virtualizer;
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  // Scrolling near the end loads the next page.
  useEffect(() => {
    if (last && last.index >= rows.length - 10) onNearEnd();
  }, [last, rows.length, onNearEnd]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const span = columns.length + 1;
  return (
    <>
      {paddingTop > 0 && (
        <tr aria-hidden style={{ height: paddingTop }}>
          <td colSpan={span} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index]!;
        return (
          <RecordTableRow
            key={row.id}
            object={props.object}
            columns={columns}
            row={row}
            index={item.index}
            ctx={props.ctx}
            selected={props.selected.has(row.id)}
            activeCol={active.row === item.index ? active.col : null}
            editingField={editing?.id === row.id ? editing.field : null}
            cellErrors={props.cellErrors}
            actions={props.actions}
          />
        );
      })}
      {paddingBottom > 0 && (
        <tr aria-hidden style={{ height: paddingBottom }}>
          <td colSpan={span} />
        </tr>
      )}
    </>
  );
}
