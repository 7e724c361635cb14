import path from 'node:path';
import type { Db } from './db';
import { lockDataDir } from './embedded-lock';
import { openPglite } from './pglite-db';
import { openPostgres } from './postgres-db';

export interface DatabaseConfig {
  /** A PostgreSQL server; when absent, the embedded database in `dataDir` is used. */
  readonly databaseUrl?: string | undefined;
  /** Where the embedded database lives (default `./data`); `memory://` keeps it in memory. */
  readonly dataDir?: string | undefined;
}

/**
 * Opens the configured database: a server when `DATABASE_URL` is set, PGlite in `DATA_DIR/pg` otherwise.
 *
 * @example
 *   const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
 */
export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  if (config.databaseUrl) return openPostgres({ connectionString: config.databaseUrl });
  const dataDir = config.dataDir ?? './data';
  if (dataDir === 'memory://') return openPglite();
  const dir = path.resolve(dataDir, 'pg');
  const unlock = lockDataDir(dir);
  try {
    const db = await openPglite(dir);
    return { ...db, close: () => db.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}
