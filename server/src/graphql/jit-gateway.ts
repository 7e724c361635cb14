import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Runs operations with graphql-jit: each distinct operation is compiled once into a function specialised
 * for its selection (no per-field interpretation of the query at run time). Apollo keeps parsing,
 * validation (with our limits) and its document cache; this "gateway" only serves one fixed schema and
 * the executor, which is the seam Apollo Server offers for a custom executor.
 */
/**
 * graphql-jit reports errors as its own plain objects; Apollo (and our error formatting) expect
 * graphql-js GraphQLError instances, with the resolver's error as `originalError`.
 */
function toGraphQLError(error: GraphQLError): GraphQLError {
  // Its errors pass `instanceof GraphQLError` but may lack `extensions`, which Apollo reads: rebuild them.
  const { path, originalError, extensions } = error as Partial<GraphQLError>;
  return new GraphQLError(error.message, {
    ...(path ? { path } : {}),
    ...(originalError ? { originalError } : {}),
    ...(extensions ? { extensions } : {}),
  });
}

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const compile = (document: DocumentNode, operationName: string | undefined) => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let entry = byOperation.get(key);
    if (!entry) {
      entry = compileQuery(schema, document, operationName);
      byOperation.set(key, entry);
    }
    return entry;
  };
  return {
    async load() {
      return {
        executor: async (request) => {
          const entry = compile(request.document, request.operationName ?? undefined);
          if (!isCompiledQuery(entry)) return entry;
          const result = await entry.query(undefined, request.context, request.request.variables ?? {});
          return result.errors ? { ...result, errors: result.errors.map(toGraphQLError) } : result;
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}
