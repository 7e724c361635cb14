import { randomUUID } from 'node:crypto';
import { badInput, conflict, notFound, type Db, type Problem } from '@stratum/runtime';
import { hashPassword } from './passwords';
import { createUser } from './users';

/** People administration (admins only; the GraphQL layer checks). Users are global; membership and roles are per workspace. */
export interface UserAccount {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly active: boolean;
  readonly lastLoginAt: string | null;
}

export interface UserInput {
  readonly email?: string;
  readonly password?: string;
  readonly name?: string;
  readonly roles?: readonly string[];
  readonly active?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const MIN_PASSWORD = 10;

function validate(input: UserInput, knownRoles: readonly string[], creating: boolean): void {
  const problems: Problem[] = [];
  if (creating || input.email !== undefined) {
    if (!input.email || !EMAIL.test(input.email))
      problems.push({ path: 'input.email', message: 'must be an email address' });
  }
  if (creating || input.password !== undefined) {
    if (!input.password || [...input.password].length < MIN_PASSWORD)
      problems.push({ path: 'input.password', message: `must have at least ${MIN_PASSWORD} characters` });
  }
  (input.roles ?? []).forEach((role, i) => {
    if (!knownRoles.includes(role))
      problems.push({ path: `input.roles[${i}]`, message: `unknown role "${role}" (known: ${knownRoles.join(', ')})` });
  });
  if (problems.length) throw badInput(problems);
}

const SELECT = `SELECT u.id, u.email, u.name, m.roles, u.active, u."lastLoginAt" FROM stratum.users u JOIN stratum.memberships m ON m."userId" = u.id AND m.workspace = $1`;

export async function listUsers(db: Db, workspace: string): Promise<UserAccount[]> {
  const { rows } = await db.query<UserAccount>(`${SELECT} ORDER BY u.email`, [workspace]);
  return rows;
}

export async function createMember(
  db: Db,
  workspace: string,
  input: UserInput,
  knownRoles: readonly string[],
): Promise<UserAccount> {
  validate(input, knownRoles, true);
  let id: string;
  try {
    id = await createUser(db, workspace, {
      email: input.email!,
      password: input.password!,
      name: input.name ?? '',
      roles: input.roles ?? [],
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('A user with this email already exists', 'input.email');
    throw error;
  }
  return (await getUser(db, workspace, id))!;
}

export async function getUser(db: Db, workspace: string, id: string): Promise<UserAccount | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await db.query<UserAccount>(`${SELECT} WHERE u.id = $2`, [workspace, id]);
  return rows[0] ?? null;
}

/** Changes a member: name, roles, active, and (an admin-set reset) the password, which ends their sessions. */
export async function updateMember(
  db: Db,
  workspace: string,
  id: string,
  input: UserInput,
  knownRoles: readonly string[],
): Promise<UserAccount> {
  validate(input, knownRoles, false);
  const existing = await getUser(db, workspace, id);
  if (!existing) throw notFound(`No user with id ${id} in this workspace`);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE stratum.users SET email = coalesce(lower($2), email), name = coalesce($3, name), active = coalesce($4, active),
              "passwordHash" = coalesce($5, "passwordHash") WHERE id = $1`,
      [id, input.email ?? null, input.name ?? null, input.active ?? null, passwordHash ?? null],
    );
    if (input.roles)
      await tx.query(`UPDATE stratum.memberships SET roles = $3 WHERE workspace = $1 AND "userId" = $2`, [
        workspace,
        id,
        input.roles,
      ]);
    if (passwordHash || input.active === false) {
      await tx.query(`UPDATE stratum.sessions SET "revokedAt" = now() WHERE "userId" = $1 AND "revokedAt" IS NULL`, [
        id,
      ]);
    }
  });
  return (await getUser(db, workspace, id))!;
}

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly leadId: string | null;
  readonly memberIds: readonly string[];
}

export async function listTeams(db: Db, workspace: string): Promise<Team[]> {
  const { rows } = await db.query<Team>(
    `SELECT t.id, t.name, t."leadId", coalesce(array_agg(tm."userId") FILTER (WHERE tm."userId" IS NOT NULL), '{}') AS "memberIds"
       FROM stratum.teams t LEFT JOIN stratum.team_members tm ON tm."teamId" = t.id WHERE t.workspace = $1 GROUP BY t.id ORDER BY t.name`,
    [workspace],
  );
  return rows;
}

/** Creates or replaces a team: its lead and members (who must be members of the workspace). */
export async function saveTeam(
  db: Db,
  workspace: string,
  input: { id?: string; name: string; leadId?: string | null; memberIds: readonly string[] },
): Promise<Team> {
  const members = await listUsers(db, workspace);
  const known = new Set(members.map((m) => m.id));
  const problems: Problem[] = [];
  if (!/^\S.{0,99}$/.test(input.name)) problems.push({ path: 'input.name', message: 'must be 1 to 100 characters' });
  if (input.leadId && !known.has(input.leadId))
    problems.push({ path: 'input.leadId', message: 'is not a member of this workspace' });
  input.memberIds.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `input.memberIds[${i}]`, message: 'is not a member of this workspace' });
  });
  if (problems.length) throw badInput(problems);
  const id = input.id ?? randomUUID();
  try {
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO stratum.teams (id, workspace, name, "leadId") VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, "leadId" = excluded."leadId"`,
        [id, workspace, input.name, input.leadId ?? null],
      );
      await tx.query(`DELETE FROM stratum.team_members WHERE "teamId" = $1`, [id]);
      await tx.query(`INSERT INTO stratum.team_members ("teamId", "userId") SELECT $1, unnest($2::uuid[])`, [
        id,
        [...new Set(input.memberIds)],
      ]);
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict(`A team named "${input.name}" already exists`, 'input.name');
    throw error;
  }
  return (await listTeams(db, workspace)).find((t) => t.id === id)!;
}
