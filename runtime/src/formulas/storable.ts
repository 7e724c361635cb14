/**
 * Which computed values are stored in a column of their row, and the column's name (`stored-rollups.ts` and
 * `stored-paths.ts` keep them; the analysis marks them on the node, so every reader of a formula tree knows).
 */
import type { ConditionNode } from '../conditions/nodes';
import type { FieldDef } from '../model/model';
import { walk, type FormulaNode, type PathNode } from './expression';
import { hash } from './stored-columns';

/** The column that keeps a rollup's amount (or its currency code). */
export function storedRollupColumn(field: FieldDef, part: 'amount' | 'code'): string {
  return `_rollup_${field.key}${part === 'code' ? '_code' : ''}`;
}

/** Whether a formula tree reads only its row's own columns, and not the clock (`TODAY()`). */
function readsOwnRowOnly(node: FormulaNode | undefined): boolean {
  return (
    !node ||
    [...walk(node)].every(
      (n) => n.kind !== 'path' && n.kind !== 'rollup' && !(n.kind === 'call' && (n.op === 'today' || n.op === 'now')),
    )
  );
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
  return readsOwnRowOnly(parts.value) && readsOwnRowOnly(parts.code) && (!parts.filter || plainCondition(parts.filter));
}

/**
 * The tree with its storable paths marked with their column: one hop to a record of the workspace (not to a
 * user: the users table is shared by every workspace) whose value reads only that record's own columns, so
 * changes to the row's foreign key and to that record are all that can change it. Only the formula's own
 * paths are marked: the paths inside another object's formulas it uses were marked on that object.
 */
export function withStoredPaths(node: FormulaNode): FormulaNode {
  switch (node.kind) {
    case 'call': {
      const args = node.args.map(withStoredPaths);
      return args.every((arg, i) => arg === node.args[i])
        ? node
        : Object.freeze({ ...node, args: Object.freeze(args) });
    }
    case 'path':
      return node.stored || !isStorablePath(node) ? node : Object.freeze({ ...node, stored: storedPathColumn(node) });
    default:
      return node;
  }
}

function isStorablePath(node: PathNode): boolean {
  const [hop, ...more] = node.hops;
  return more.length === 0 && hop!.object !== 'user' && readsOwnRowOnly(node.node);
}

/** A stored path's column, named after what it keeps: one column per distinct path of a table. */
function storedPathColumn(node: PathNode): string {
  const [hop] = node.hops;
  const what = JSON.stringify({ table: hop!.table, foreignKey: hop!.foreignKey, node: node.node });
  return `_path_${hash(what).slice(0, 24)}`;
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
