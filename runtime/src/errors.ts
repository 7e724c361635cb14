/**
 * Typed errors of the runtime. Every error Stratum shows a user is a StratumError with a code from the
 * public contract and, for bad input, the path of what was wrong (`objects[0].fields[2].type`, `data.email`).
 * The server maps codes to GraphQL `extensions.code` and HTTP statuses in one place.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'LIMIT_EXCEEDED'
  | 'SCRIPT_ERROR'
  | 'INTERNAL';

/** One problem with an input, at a path. */
export interface Problem {
  readonly path: string;
  readonly message: string;
  /** The validation rule the input failed, when that is the problem (clients show or match on it). */
  readonly rule?: string | undefined;
}

export class StratumError extends Error {
  readonly code: ErrorCode;
  /** Every problem found, each at its path; the message names the first ones. */
  readonly problems: readonly Problem[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    problems: readonly Problem[] = [],
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StratumError';
    this.code = code;
    this.problems = problems;
    this.details = details;
  }

  /** The path of the first problem, if the error is about an input. */
  get path(): string | undefined {
    return this.problems[0]?.path;
  }
}

/** Bad input at one or more paths; the message lists them (`objects[0].name: must match ^[a-z]…`). */
export function badInput(problems: readonly Problem[] | Problem, details: Record<string, unknown> = {}): StratumError {
  const list = Array.isArray(problems) ? problems : [problems as Problem];
  const shown = list.slice(0, 5).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const more = list.length > 5 ? ` (and ${list.length - 5} more)` : '';
  return new StratumError('BAD_USER_INPUT', shown.join('; ') + more, list, details);
}

export function notFound(message: string, details: Record<string, unknown> = {}): StratumError {
  return new StratumError('NOT_FOUND', message, [], details);
}

export function conflict(message: string, path?: string, details: Record<string, unknown> = {}): StratumError {
  return new StratumError('CONFLICT', message, path ? [{ path, message }] : [], details);
}

/** Not allowed. Messages name the action and the object or field, never a value the user may not see. */
export function forbidden(message: string, path?: string): StratumError {
  return new StratumError('FORBIDDEN', message, path ? [{ path, message }] : []);
}

export function limitExceeded(message: string, details: Record<string, unknown> = {}): StratumError {
  return new StratumError('LIMIT_EXCEEDED', message, [], details);
}

/** A user script failed: its message, and the line in the script when known. */
export function scriptError(message: string, details: Record<string, unknown> = {}): StratumError {
  return new StratumError('SCRIPT_ERROR', message, [], details);
}

export function isStratumError(error: unknown): error is StratumError {
  return error instanceof StratumError;
}

/** Joins path segments the way users read them: `objects[0].fields[2].type`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}
