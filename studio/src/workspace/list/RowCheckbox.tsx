import { Checkbox, CheckIcon } from '@mantine/core';
import classes from './RecordTable.module.css';

const c = Checkbox.classes;

/**
 * A row's selection checkbox: what `<Checkbox aria-label={label} tabIndex={-1}>` renders (a native checkbox
 * input, Mantine's classes and check icon), as plain elements. A list renders one per row coming into view,
 * and Mantine's component costs a theme lookup, three style-resolving boxes, an id and an effect each time.
 * The size and colours Mantine sets on its root come from `.checkbox` (RecordTable.module.css).
 */
export function RowCheckbox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div
      className={`${c.root} ${classes.checkbox} mantine-Checkbox-root`}
      data-label-position="right"
      data-variant="filled"
      data-checked={props.checked || undefined}
    >
      <div className={`${c.body} mantine-Checkbox-body`}>
        <div className={`${c.inner} mantine-Checkbox-inner`} data-label-position="right">
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={props.label}
            checked={props.checked}
            onChange={(e) => props.onChange(e.currentTarget.checked)}
            className={`mantine-focus-auto ${c.input} mantine-Checkbox-input`}
          />
          <CheckIcon className={`${c.icon} mantine-Checkbox-icon`} />
        </div>
        <div className={`${c.labelWrapper} mantine-Checkbox-labelWrapper`} />
      </div>
    </div>
  );
}
