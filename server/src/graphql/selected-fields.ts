import type { GraphQLResolveInfo, SelectionNode } from 'graphql';

/**
 * The names of the fields a query selects at `path` below the resolver's field, through inline fragments and
 * named ones: `[]` for the resolver's own result, `['edges', 'node']` for the records of a connection. A field
 * under `@skip` or `@include` counts as selected: asking for one more value is harmless, leaving one out is not.
 *
 *   fieldsSelected(info, ['edges', 'node']) // { deals { edges { node { title weighted } } } } → {title, weighted}
 */
export function fieldsSelected(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  const walk = (selections: readonly SelectionNode[], depth: number) => {
    for (const selection of selections) {
      if (selection.kind === 'InlineFragment') walk(selection.selectionSet.selections, depth);
      else if (selection.kind === 'FragmentSpread') {
        const fragment = info.fragments[selection.name.value];
        if (fragment) walk(fragment.selectionSet.selections, depth);
      } else if (depth === path.length) names.add(selection.name.value);
      else if (selection.name.value === path[depth] && selection.selectionSet)
        walk(selection.selectionSet.selections, depth + 1);
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) walk(node.selectionSet.selections, 0);
  return names;
}
