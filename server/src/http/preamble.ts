import type { Db } from '@stratum/runtime';
import { tokenHash } from '../auth/sessions';
import type { Caller } from '../graphql/context';

export interface Preamble {
  readonly revision: number;
  readonly caller: Caller | null;
  /** Set when the caller authenticated with an API key rather than a session. */
  readonly apiKeyId: string | null;
}

/**
 * What every API request needs before it runs, in ONE round trip: the workspace's current metadata
 * revision (so the request after a metadata change sees it, whichever process made it) and the caller
 * behind the bearer token, if the session is live and the user active and a member of the workspace.
 */
export async function requestPreamble(db: Db, workspace: string, token: string | undefined): Promise<Preamble> {
  const { rows } = await db.query<{
    revision: number;
    userId: string | null;
    email: string;
    name: string;
    roles: string[] | null;
    apiKeyId: string | null;
    teamIds: string[];
    subordinateIds: string[];
  }>(
    `SELECT w.revision, u.id AS "userId", u.email, u.name, k.id AS "apiKeyId",
            -- An API key acts with its own roles, for the member who created it (while they are a member).
            CASE WHEN m."userId" IS NULL THEN NULL WHEN k.id IS NOT NULL THEN k.roles ELSE m.roles END AS roles,
            ARRAY(SELECT tm."teamId" FROM stratum.team_members tm JOIN stratum.teams t ON t.id = tm."teamId"
                   WHERE tm."userId" = u.id AND t.workspace = w.name) AS "teamIds",
            ARRAY(SELECT DISTINCT tm."userId" FROM stratum.teams t JOIN stratum.team_members tm ON tm."teamId" = t.id
                   WHERE t."leadId" = u.id AND t.workspace = w.name) AS "subordinateIds"
       FROM stratum.workspaces w
       LEFT JOIN stratum.sessions s ON s."tokenHash" = $2 AND s."revokedAt" IS NULL AND s."expiresAt" > now()
       LEFT JOIN stratum.api_keys k ON k."keyHash" = $2 AND k."revokedAt" IS NULL AND k.workspace = w.name
       LEFT JOIN stratum.users u ON u.id = coalesce(s."userId", k."createdBy") AND u.active
       LEFT JOIN stratum.memberships m ON m."userId" = u.id AND m.workspace = w.name
      WHERE w.name = $1`,
    [workspace, token ? tokenHash(token) : null],
    // A fixed statement on fixed tables: prepared once per connection.
    { prepare: 'stratum_request_preamble_v2' },
  );
  const row = rows[0];
  // An unknown workspace answers like a bad token: no hint of which workspaces exist.
  if (!row) return { revision: 0, caller: null, apiKeyId: null };
  const caller =
    row.userId && row.roles
      ? {
          userId: row.userId,
          email: row.email,
          name: row.name,
          roles: row.roles,
          teamIds: row.teamIds,
          subordinateIds: row.subordinateIds,
        }
      : null;
  return { revision: row.revision, caller, apiKeyId: caller ? row.apiKeyId : null };
}

/** The token of `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
