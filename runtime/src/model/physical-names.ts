import { createHash, randomBytes } from 'node:crypto';

/**
 * Physical names of what the migrator creates. API names become table and column names as they are
 * (they already match a strict pattern); everything the runtime adds (indexes, junction tables, sequences,
 * trash) is named after a short random *key* given to each object and field when it is created, so that
 * renames never leave two things competing for one name and no name exceeds PostgreSQL's 63 bytes.
 */
export const MAX_IDENTIFIER_BYTES = 63;
/** PostgreSQL's limit of columns per table; dropped columns keep their slot until the table is rewritten. */
export const MAX_COLUMNS_PER_TABLE = 1600;

export function newKey(): string {
  return 'k' + randomBytes(5).toString('hex');
}

/** The column of a field's column with a suffix (`price` + `_currency`), shortened with a hash if too long. */
export function columnName(field: string, suffix: string): string {
  const name = field + suffix;
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${field.slice(0, MAX_IDENTIFIER_BYTES - suffix.length - 9)}_${hash}${suffix}`;
}

export const workspaceSchema = (workspace: string) => `ws_${workspace}`;
export const indexName = (key: string, kind: 'idx' | 'uq' | 'fts' | 'fk') => `${kind}_${key}`;
export const junctionName = (fieldKey: string) => `_m2m_${fieldKey}`;
export const sequenceName = (fieldKey: string) => `_seq_${fieldKey}`;
export const trashName = (key: string, revision: number, suffix = '') =>
  `_trash_${key}_r${revision}${suffix ? '_' + suffix : ''}`;

export const WORKSPACE_NAME = /^[a-z][a-z0-9_]{0,39}$/;
