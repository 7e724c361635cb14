import type { Db } from '../db/db';
import { run } from '../db/db';
import { ident, sql } from '../sql/sql';

/**
 * Drops what removed objects and fields left in the trash, for good. Only entries older than `olderThan`
 * (default: all) are purged; returns how many. Purging frees the names and, after PostgreSQL rewrites the
 * table (VACUUM FULL), the column slots.
 */
export async function purgeTrash(db: Db, workspace: string, options: { olderThan?: Date } = {}): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      id: number;
      kind: string;
      physical: { table?: string; columns?: string[]; junction?: string };
      schema: string;
    }>(
      `SELECT t.id::int AS id, t.kind, t.physical, w.schema FROM stratum.trash t JOIN stratum.workspaces w ON w.name = t.workspace
        WHERE t.workspace = $1 AND t."restoredAt" IS NULL AND t."purgedAt" IS NULL AND t."removedAt" <= $2 FOR UPDATE OF t`,
      [workspace, options.olderThan ?? new Date()],
    );
    for (const entry of rows) {
      const { table, columns = [], junction } = entry.physical;
      if (entry.kind === 'object' && table)
        await run(tx, sql`DROP TABLE IF EXISTS ${ident(entry.schema, table)} CASCADE`);
      if (entry.kind === 'field' && table) {
        for (const column of columns)
          await run(
            tx,
            sql`ALTER TABLE IF EXISTS ${ident(entry.schema, table)} DROP COLUMN IF EXISTS ${ident(column)}`,
          );
      }
      if (junction) await run(tx, sql`DROP TABLE IF EXISTS ${ident(entry.schema, junction)}`);
      await tx.query(`UPDATE stratum.trash SET "purgedAt" = now() WHERE id = $1`, [entry.id]);
    }
    return rows.length;
  });
}
