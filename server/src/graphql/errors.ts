import type { GraphQLFormattedError } from 'graphql';
import { isStratumError } from '@stratum/runtime';

const CONTRACT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'SCRIPT_ERROR',
  'LIMIT_EXCEEDED',
]);

/**
 * The one place errors become GraphQL errors (CONTRACT.md codes): runtime errors keep their code, message
 * and the path of the bad input; GraphQL's own parse and validation errors are bad input; anything else is
 * an internal error whose details go to the log, never to the client.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void,
): GraphQLFormattedError {
  const original = rootCause(error);
  if (isStratumError(original)) {
    const problems = original.problems.length ? { problems: original.problems } : {};
    return {
      ...formatted,
      message: original.message,
      extensions: {
        code: original.code,
        ...(original.path !== undefined ? { field: original.path } : {}),
        ...problems,
        ...original.details,
      },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (formatted.extensions?.limit) return { ...formatted, extensions: { code: 'LIMIT_EXCEEDED' } };
  if (
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === 'GRAPHQL_PARSE_FAILED' ||
    code === 'BAD_USER_INPUT' ||
    code === 'BAD_REQUEST'
  ) {
    return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (code && CONTRACT_CODES.has(code)) return formatted;
  log(original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** The error a resolver threw, under the layers GraphQL executors and Apollo wrap around it. */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current as { originalError?: unknown } | null)?.originalError;
    if (!inner) break;
    current = inner;
  }
  return current;
}
