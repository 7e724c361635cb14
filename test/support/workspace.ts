import type { Db } from '../../runtime/src/db/db';
import { createFieldTypeRegistry } from '../../runtime/src/fields/registry';
import { ensureWorkspace, loadModel } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import type { RecordContext } from '../../runtime/src/records/context';
import { openTestDatabase, uniqueName } from './database';

export const types = createFieldTypeRegistry();

/**
 * A fresh workspace (its own schema) on the test database, with a manifest applied. `dispose` drops it (its
 * schema and its row, so a workflow engine never looks for it again) and closes the database if this opened it.
 */
export async function workspaceWith(
  manifest: unknown,
  db?: Db,
): Promise<{
  db: Db;
  workspace: string;
  schema: string;
  ctx: () => Promise<RecordContext>;
  userId: string;
  dispose: () => Promise<void>;
}> {
  const database = db ?? (await openTestDatabase());
  const workspace = uniqueName('t');
  await ensureWorkspace(database, workspace);
  await applyManifest(database, manifest, { workspace, types });
  const userId = (
    await database.query<{ id: string }>(
      `INSERT INTO stratum.users (id, email, name) VALUES (gen_random_uuid(), $1, 'Test user') RETURNING id`,
      [`${workspace}@example.com`],
    )
  ).rows[0]!.id;
  const { schema } = await loadModel(database, workspace);
  return {
    db: database,
    workspace,
    schema,
    userId,
    dispose: async () => {
      await database.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await database.query('DELETE FROM stratum.workspaces WHERE name = $1', [workspace]);
      if (!db) await database.close();
    },
    ctx: async () => ({
      db: database,
      model: await loadModel(database, workspace),
      types,
      actor: { kind: 'user', id: userId },
    }),
  };
}

/** The columns of a workspace table whose names start with `prefix` (`_rollup_`, `_path_`), sorted. */
export async function columnsStartingWith(db: Db, schema: string, table: string, prefix: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 AND starts_with(column_name, $3) ORDER BY 1`,
    [schema, table, prefix],
  );
  return rows.map((r) => r.name);
}
