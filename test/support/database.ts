import { randomBytes } from 'node:crypto';
import { openPglite } from '../../runtime/src/db/pglite-db';
import { openPostgres } from '../../runtime/src/db/postgres-db';
import type { Db } from '../../runtime/src/db/db';

/**
 * The database tests run against: the PostgreSQL server in `TEST_DATABASE_URL` when set (CI sets it),
 * an in-memory PGlite otherwise. Never a mock.
 */
export async function openTestDatabase(): Promise<Db> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? openPostgres({ connectionString: url, max: 4 }) : openPglite();
}

/** A name no other test file uses, for schemas and workspaces (test files may run in parallel). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}
