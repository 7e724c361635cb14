import type { Db } from '../db/db';
import { forbidden } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import type { Model } from '../model/model';
import { buildAccess, type Access } from './access';

/**
 * The access of a workspace member, read from the database: their roles in the workspace, their teams
 * and the members of the teams they lead. For code that acts as a user outside a request (workflow runs,
 * scripts); requests get the same values from their preamble.
 *
 * @example
 *   const access = await memberAccess(db, model, types, userId);
 *   await findMany({ db, model, types, actor: { kind: 'user', id: userId }, access }, 'deal');
 */
export async function memberAccess(db: Db, model: Model, types: FieldTypeRegistry, userId: string): Promise<Access> {
  const { rows } = await db.query<{ email: string; roles: string[]; teamIds: string[]; subordinateIds: string[] }>(
    `SELECT u.email, m.roles,
            ARRAY(SELECT tm."teamId" FROM stratum.team_members tm JOIN stratum.teams t ON t.id = tm."teamId"
                   WHERE tm."userId" = u.id AND t.workspace = m.workspace) AS "teamIds",
            ARRAY(SELECT DISTINCT tm."userId" FROM stratum.teams t JOIN stratum.team_members tm ON tm."teamId" = t.id
                   WHERE t."leadId" = u.id AND t.workspace = m.workspace) AS "subordinateIds"
       FROM stratum.users u JOIN stratum.memberships m ON m."userId" = u.id AND m.workspace = $1
      WHERE u.id = $2 AND u.active`,
    [model.workspace, userId],
  );
  const row = rows[0];
  if (!row) throw forbidden(`User ${userId} is not an active member of workspace "${model.workspace}"`);
  return buildAccess(
    model,
    types,
    { id: userId, email: row.email, teamIds: row.teamIds, subordinateIds: row.subordinateIds },
    row.roles,
  );
}
