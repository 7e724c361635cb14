import type { GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getNamedType,
  GraphQLError,
  isInputObjectType,
  Kind,
  type GraphQLInputObjectType,
  type TypeNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
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
function toGraphQLError(error: GraphQLError, ofRequest: boolean): GraphQLError {
  // Its errors pass `instanceof GraphQLError` but may lack `extensions`, which Apollo reads: rebuild them.
  const { path, originalError, extensions } = error as Partial<GraphQLError>;
  return new GraphQLError(error.message, {
    ...(path ? { path } : {}),
    ...(originalError ? { originalError } : {}),
    // An error of the request itself (a variable of the wrong type) is the caller's, as graphql-js reports it.
    extensions: { ...extensions, ...(ofRequest && !extensions?.code ? { code: 'BAD_USER_INPUT' } : {}) },
  });
}

/** The input object types that contain themselves, directly or through other input types. */
function selfContainingInputTypes(schema: GraphQLSchema): ReadonlySet<string> {
  const found = new Set<string>();
  const reaches = (from: GraphQLInputObjectType, target: string, seen: Set<string>): boolean =>
    Object.values(from.getFields()).some((field) => {
      const type = getNamedType(field.type);
      if (!isInputObjectType(type)) return false;
      if (type.name === target) return true;
      if (seen.has(type.name)) return false;
      seen.add(type.name);
      return reaches(type, target, seen);
    });
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInputObjectType(type) && reaches(type, type.name, new Set())) found.add(type.name);
  }
  return found;
}

/** `[DealFilter!]!` → `DealFilter` */
const namedTypeOf = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const recursiveInputs = selfContainingInputTypes(schema);
  const hasRecursiveVariable = (document: DocumentNode) =>
    document.definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION &&
        (definition.variableDefinitions ?? []).some((v) => recursiveInputs.has(namedTypeOf(v.type))),
    );
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
          // graphql-jit's variable compiler recurses without end on input types that contain themselves
          // (`DealFilter { and: [DealFilter!] }`): operations with such variables run on graphql-js.
          if (hasRecursiveVariable(request.document)) {
            return execute({
              schema,
              document: request.document,
              operationName: request.operationName ?? undefined,
              variableValues: request.request.variables ?? {},
              contextValue: request.context,
            });
          }
          const entry = compile(request.document, request.operationName ?? undefined);
          if (!isCompiledQuery(entry)) return entry;
          const result = await entry.query(undefined, request.context, request.request.variables ?? {});
          // No data at all: the operation never ran (its variables did not fit), so the errors are the request's.
          const ofRequest = result.data === undefined;
          return result.errors ? { ...result, errors: result.errors.map((e) => toGraphQLError(e, ofRequest)) } : result;
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
