import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

type Rect = { readonly left: number; readonly top: number; readonly bottom: number };

/**
 * How far a drop target is in the arrow's direction from the card (top-left corners), or undefined when it is
 * not in that direction. Sideways distance counts double, so →/← go to the neighbouring column (not to a zone
 * further down) and ↓ goes to the zone beneath.
 */
function distance(code: string, card: Rect, target: Rect): number | undefined {
  const dx = target.left - card.left;
  const dy = target.top - card.top;
  switch (code) {
    case KeyboardCode.Right:
      return dx > 1 ? dx + 2 * Math.abs(dy) : undefined;
    case KeyboardCode.Left:
      return dx < -1 ? -dx + 2 * Math.abs(dy) : undefined;
    case KeyboardCode.Down:
      return dy > 1 ? dy + 2 * Math.abs(dx) : undefined;
    case KeyboardCode.Up:
      return dy < -1 ? -dy + 2 * Math.abs(dx) : undefined;
    default:
      return undefined;
  }
}

/**
 * Keyboard dragging on the board jumps from drop target to drop target (the next column to the left or right,
 * the won/lost zones below) instead of moving the card a few pixels per key press. In a column the card keeps
 * its height where the column is long enough.
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;
  let best: { rect: Rect; score: number } | undefined;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect || container.id === over?.id) continue;
    const score = distance(event.code, collisionRect, rect);
    if (score !== undefined && (!best || score < best.score)) best = { rect, score };
  }
  if (!best) return undefined;
  event.preventDefault();
  const { rect } = best;
  const lowest = Math.max(rect.top + 8, rect.bottom - collisionRect.height - 8);
  return { x: rect.left + 8, y: Math.min(Math.max(currentCoordinates.y, rect.top + 8), lowest) };
};
