import type { ErrorCode } from '@stratum/runtime';

/** HTTP statuses of the contract's error codes, for the REST face (GraphQL answers 200 with `errors`). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 400,
  SCRIPT_ERROR: 422,
  INTERNAL: 500,
};
