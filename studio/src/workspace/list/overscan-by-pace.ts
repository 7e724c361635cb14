import type { Range } from '@tanstack/react-virtual';

/**
 * A virtualizer's `rangeExtractor` that draws its `overscan` rows beyond the view only while the view moves
 * less than that many rows from one range to the next.
 *
 * Terminology: the *view* is the rows the scroller shows (`startIndex` to `endIndex`); *overscan* rows are
 * drawn beyond it on each side so that a slow scroll finds the next rows already there. A fling moves the
 * view further than that between two frames: every frame shows rows never drawn, and the overscan rows drawn
 * for it are gone before they could show, which is a third of a frame's rows in a list. Without them a fling
 * draws only what it shows; once the pace drops (or the view stands still and something else changes, such
 * as the count) the overscan is back.
 *
 * Stateful (it remembers the last view's start): make one per virtualizer.
 *
 * @example
 *   const rangeExtractor = useMemo(overscanByPace, []);
 *   useVirtualizer({ count, overscan: 4, rangeExtractor, ... });
 */
export function overscanByPace(): (range: Range) => number[] {
  let lastStart: number | null = null;
  return (range) => {
    const moved = lastStart === null ? 0 : Math.abs(range.startIndex - lastStart);
    lastStart = range.startIndex;
    const overscan = moved > range.overscan ? 0 : range.overscan;
    const start = Math.max(range.startIndex - overscan, 0);
    const end = Math.min(range.endIndex + overscan, range.count - 1);
    return Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => start + i);
  };
}
