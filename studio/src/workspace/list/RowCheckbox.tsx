import classes from './RecordTable.module.css';

/**
 * A row's selection checkbox: one native checkbox drawn by `.rowCheckbox` (RecordTable.module.css) as
 * Mantine's filled `Checkbox` of size sm looks. A list renders one per row coming into view; Mantine's is
 * four boxes, an input and an icon, each styled, which in a fling cost a tenth of every frame.
 */
export function RowCheckbox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <input
      type="checkbox"
      tabIndex={-1}
      aria-label={props.label}
      checked={props.checked}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
      className={`mantine-focus-auto ${classes.rowCheckbox}`}
    />
  );
}
