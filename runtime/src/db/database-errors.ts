import { StratumError, conflict, badInput } from '../errors';

interface DriverError {
  code?: string;
  message?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

/**
 * Driver errors (SQLSTATE codes) become typed domain errors in one place (STYLE.md, after Directus).
 * Callers that know more (which field a unique index belongs to) translate before calling this.
 */
export function translateDatabaseError(error: unknown, doing: string): Error {
  const e = error as DriverError;
  switch (e?.code) {
    case '23505':
      return conflict(`A value must be unique while ${doing}${e.detail ? `: ${e.detail}` : ''}`);
    case '23503':
      return badInput({
        path: '',
        message: `A referenced record does not exist or is still referenced while ${doing}`,
      });
    case '23502':
      return badInput({ path: e.column ?? '', message: `A required value is missing while ${doing}` });
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return badInput({ path: '', message: `A value has the wrong format while ${doing}: ${e.message}` });
    case '55P03':
      return new StratumError(
        'CONFLICT',
        `The tables are busy (a lock could not be taken in time) while ${doing}; try again`,
      );
    case '40001':
    case '40P01':
      return new StratumError('CONFLICT', `A concurrent change conflicted while ${doing}; try again`);
    case '54011':
      return new StratumError('LIMIT_EXCEEDED', `Too many columns while ${doing}: ${e.message}`);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
