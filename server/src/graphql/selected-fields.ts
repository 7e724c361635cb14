import type { GraphQLResolveInfo, SelectionNode } from 'graphql';

/**
 * The fields a query selects on the records a resolver returns: on the record itself (`deal(id) { … }`), or
 * on a connection's `edges { node { … } }`, through fragments too. A field under `@skip` or
 * `@include` counts as selected: asking for one more value is harmless, leaving one out is not.
 *
 *   recordFieldsSelected(info, 'connection') // { deals { edges { node { title weighted } } } } → {title, weighted}
 */
export function recordFieldsSelected(info: GraphQLResolveInfo, shape: 'record' | 'connection'): Set<string> {
  const names = new Set<string>();
  const fields = (selections: readonly SelectionNode[], visit: (name: string, node: SelectionNode) => void) => {
    for (const selection of selections) {
      if (selection.kind === 'Field') visit(selection.name.value, selection);
      else if (selection.kind === 'InlineFragment') fields(selection.selectionSet.selections, visit);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) fields(fragment.selectionSet.selections, visit);
      }
    }
  };
  const record = (selections: readonly SelectionNode[]) => fields(selections, (name) => names.add(name));
  const inner = (node: SelectionNode) => (node.kind === 'Field' && node.selectionSet?.selections) || [];
  for (const node of info.fieldNodes) {
    const selections = node.selectionSet?.selections ?? [];
    if (shape === 'record') record(selections);
    else
      fields(selections, (name, edges) => {
        if (name === 'edges') fields(inner(edges), (edgeField, node) => edgeField === 'node' && record(inner(node)));
      });
  }
  return names;
}
