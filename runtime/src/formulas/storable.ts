/**
 * Which rollups are stored in a column of their row, and the column's name (`stored-rollups.ts` keeps
 * them; the analysis marks them on the rollup's node, so every reader of a formula tree knows).
 */
import type { ConditionNode } from '../conditions/nodes';
import type { FieldDef } from '../model/model';
import { walk, type FormulaNode } from './expression';

/** The column that keeps a rollup's amount (or its currency code). */
export function storedRollupColumn(field: FieldDef, part: 'amount' | 'code'): string {
  return `_rollup_${field.key}${part === 'code' ? '_code' : ''}`;
}

/**
 * Whether a rollup can be stored: its value, currency code and filter read only the related row's own
 * columns (no path to a third record, no formula through one, no rollup) and not the clock (`TODAY()`),
 * so changes to the related rows are all that can change it.
 */
export function isStorable(parts: {
  readonly value?: FormulaNode | undefined;
  readonly code?: FormulaNode | undefined;
  readonly filter?: ConditionNode | undefined;
}): boolean {
  const pure = (node: FormulaNode | undefined) =>
    !node ||
    [...walk(node)].every(
      (n) => n.kind !== 'path' && n.kind !== 'rollup' && !(n.kind === 'call' && (n.op === 'today' || n.op === 'now')),
    );
  return pure(parts.value) && pure(parts.code) && (!parts.filter || plainCondition(parts.filter));
}

function plainCondition(node: ConditionNode): boolean {
  switch (node.kind) {
    case 'comparison':
      return !node.field.computed;
    case 'relation':
      return false;
    case 'and':
    case 'or':
      return node.nodes.every(plainCondition);
    case 'not':
      return plainCondition(node.node);
    case 'constant':
      return true;
  }
}
