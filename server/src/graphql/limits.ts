import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface QueryLimits {
  /** Deepest nesting of fields (`deals { edges { node { company { … } } } }` counts each level). */
  readonly maxDepth: number;
  readonly maxAliases: number;
  /** Estimated rows: every list multiplies its children by its page size (`first`, default 50). */
  readonly maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 100_000 };

const limitError = (message: string, node: FieldNode | undefined) =>
  new GraphQLError(message, { nodes: node, extensions: { limit: true } });

/**
 * Validation rules against abusive queries: depth, aliases and estimated cost, checked before anything
 * runs. Errors carry `extensions.limit`, which the error formatter turns into LIMIT_EXCEEDED.
 */
export function limitRules(limits: QueryLimits) {
  return [
    (context: ValidationContext): ASTVisitor => ({
      OperationDefinition(operation) {
        const fragments = Object.fromEntries(
          context
            .getDocument()
            .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
            .map((d) => [d.name.value, d]),
        );
        let aliases = 0;
        const walk = (set: SelectionSetNode, depth: number, seen: Set<string>): number => {
          let cost = 0;
          for (const selection of set.selections) {
            if (selection.kind === Kind.FIELD) {
              if (selection.alias) aliases++;
              if (depth > limits.maxDepth)
                throw limitError(`The query is nested deeper than ${limits.maxDepth} levels`, selection);
              const first = selection.arguments?.find((a) => a.name.value === 'first');
              const size = first?.value.kind === Kind.INT ? Number(first.value.value) : 50;
              const isList =
                selection.selectionSet !== undefined &&
                selection.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'edges');
              const inner = selection.selectionSet ? walk(selection.selectionSet, depth + 1, seen) : 0;
              cost += 1 + (isList ? size * Math.max(inner, 1) : inner);
            } else if (selection.kind === Kind.INLINE_FRAGMENT) {
              cost += walk(selection.selectionSet, depth, seen);
            } else {
              const fragment = fragments[selection.name.value];
              if (fragment && !seen.has(fragment.name.value))
                cost += walk(fragment.selectionSet, depth, new Set([...seen, fragment.name.value]));
            }
          }
          return cost;
        };
        try {
          const cost = walk(operation.selectionSet, 1, new Set());
          if (aliases > limits.maxAliases)
            context.reportError(
              limitError(`The query uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`, undefined),
            );
          else if (cost > limits.maxCost)
            context.reportError(
              limitError(
                `The query could return about ${cost} values; at most ${limits.maxCost} are allowed (lower "first")`,
                undefined,
              ),
            );
        } catch (error) {
          if (error instanceof GraphQLError) context.reportError(error);
          else throw error;
        }
        return false;
      },
    }),
  ];
}
