/**
 * Conditions as one reader sees the data: a nested condition through a relation only looks at the
 * related rows the reader may see, and a computed field (formula, rollup) only reads those rows too. The
 * record service applies this to every filter a reader gives (and to the filters of rollups it computes
 * for them), so no condition can probe records hidden from its reader.
 */
import { and, type ConditionNode, type RelationNode } from './nodes';
import type { ComputedColumn, RowRestriction } from './target';

/** `node` with every relation limited to the rows `restrict` allows, and computed fields restricted too. */
export function restrictCondition(node: ConditionNode, restrict: RowRestriction): ConditionNode {
  switch (node.kind) {
    case 'comparison':
      if (!node.field.computed) return node;
      return Object.freeze({
        ...node,
        field: Object.freeze({ ...node.field, computed: restrictComputed(node.field.computed, restrict) }),
      });
    case 'relation': {
      const scope = restrict(node.target.object);
      const nested = restrictCondition(node.node, restrict);
      return Object.freeze({ ...node, node: scope ? and([nested, scope]) : nested }) as RelationNode;
    }
    case 'and':
    case 'or':
      return Object.freeze({
        kind: node.kind,
        nodes: Object.freeze(node.nodes.map((child) => restrictCondition(child, restrict))),
      });
    case 'not':
      return Object.freeze({ kind: 'not', node: restrictCondition(node.node, restrict) });
    case 'constant':
      return node;
  }
}

/** A computed column that always reads through `restrict`. */
export function restrictComputed(computed: ComputedColumn, restrict: RowRestriction): ComputedColumn {
  return Object.freeze({ sql: (alias: string) => computed.sql(alias, restrict) });
}
