import { randomUUID } from 'node:crypto';
import { badInput, conflict, type Db, type Problem } from '@stratum/runtime';
import { generatePassword, hashPassword } from './passwords';
import {
  MAX_PEOPLE_ROWS,
  generatedEmail,
  isEmail,
  isEmailDomain,
  planPeopleImport,
  type KnownPeople,
  type PeopleImportError,
  type PeopleImportOptions,
  type PeopleImportPlan,
  type PeopleImportRow,
} from './people-import-plan';

export interface PeopleImportInput extends PeopleImportOptions {
  readonly rows: readonly PeopleImportRow[];
  /** Validate only: the report a real import would give, nothing written. */
  readonly dryRun?: boolean | null | undefined;
}

export interface PeopleImportResult {
  readonly dryRun: boolean;
  /** True when the people and teams are in the database. */
  readonly committed: boolean;
  /** New accounts (they sign in once an admin sets their password). */
  readonly created: number;
  /** Users of other workspaces who became members (they keep their password). */
  readonly joined: number;
  /** Rows that were already members: kept as they are. */
  readonly existing: number;
  /** Teams created or given members. */
  readonly teams: number;
  readonly errors: readonly PeopleImportError[];
}

/**
 * Imports people (a sales team export, an HR list) into a workspace in one transaction: new users, memberships for
 * users of other workspaces, and a team per manager with the people naming them. Any row error refuses the whole
 * import (nothing written), like the record import's default; a dry run reports without writing.
 *
 * @example
 *   await importPeople(db, 'main', {
 *     rows: [{ name: 'Anna Snelling', manager: 'Dustin Brinkmann' }],
 *     emailDomain: 'maven.example', roles: ['manager'], managerRoles: ['head'],
 *   }, ['admin', 'manager', 'head']);
 */
export async function importPeople(
  db: Db,
  workspace: string,
  input: PeopleImportInput,
  knownRoles: readonly string[],
): Promise<PeopleImportResult> {
  validateOptions(input, knownRoles);
  const dryRun = input.dryRun === true;
  try {
    return await db.transaction(async (tx) => {
      const known = await knownPeople(tx, workspace, input);
      const plan = planPeopleImport(input.rows, input, knownRoles, known);
      const result = {
        dryRun,
        committed: false,
        created: plan.people.filter((p) => !p.userId).length,
        joined: plan.people.filter((p) => p.userId).length,
        existing: plan.existing.length,
        teams: plan.teams.length,
        errors: plan.errors,
      };
      if (dryRun || plan.errors.length) return result;
      await writePlan(tx, workspace, plan, known);
      return { ...result, committed: true };
    });
  } catch (error) {
    // Another import (or createUser) took one of the emails between the check and the write.
    if ((error as { code?: string }).code === '23505')
      throw conflict('Someone else added one of these people meanwhile: check the file again', 'input.rows');
    throw error;
  }
}

function validateOptions(input: PeopleImportInput, knownRoles: readonly string[]): void {
  const problems: Problem[] = [];
  if (input.rows.length > MAX_PEOPLE_ROWS)
    problems.push({
      path: 'input.rows',
      message: `has ${input.rows.length} rows; at most ${MAX_PEOPLE_ROWS} people are imported at once (split the file)`,
    });
  const domain = (input.emailDomain ?? '').trim().toLowerCase();
  if (domain && !isEmailDomain(domain))
    problems.push({ path: 'input.emailDomain', message: `"${input.emailDomain}" is not a domain (e.g. example.com)` });
  for (const option of ['roles', 'managerRoles'] as const)
    (input[option] ?? []).forEach((role, i) => {
      if (!knownRoles.includes(role))
        problems.push({
          path: `input.${option}[${i}]`,
          message: `unknown role "${role}" (known: ${knownRoles.join(', ')})`,
        });
    });
  if (problems.length) throw badInput(problems);
}

/** Members, the users the file's emails (given or made) belong to, and the workspace's teams. */
async function knownPeople(db: Db, workspace: string, input: PeopleImportInput): Promise<KnownPeople> {
  const domain = (input.emailDomain ?? '').trim().toLowerCase();
  const emails = new Set<string>();
  for (const row of input.rows) {
    for (const value of [row.email, row.manager]) {
      const text = (value ?? '').trim().toLowerCase();
      if (isEmail(text)) emails.add(text);
    }
    for (const name of [row.name, row.manager]) {
      const made = name && domain ? generatedEmail(name.trim(), domain) : null;
      if (made) emails.add(made);
    }
  }
  // One after the other: a transaction is one connection.
  const members = await db.query<{ id: string; email: string; name: string }>(
    `SELECT u.id, u.email, u.name FROM stratum.users u JOIN stratum.memberships m ON m."userId" = u.id AND m.workspace = $1`,
    [workspace],
  );
  const users = await db.query<{ id: string; email: string; name: string }>(
    `SELECT u.id, u.email, u.name FROM stratum.users u WHERE u.email = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM stratum.memberships m WHERE m."userId" = u.id AND m.workspace = $1)`,
    [workspace, [...emails]],
  );
  const teams = await db.query<{ id: string; name: string; leadId: string | null }>(
    `SELECT id, name, "leadId" FROM stratum.teams WHERE workspace = $1`,
    [workspace],
  );
  return { members: members.rows, globalUsers: users.rows, teams: teams.rows };
}

/**
 * Writes a plan without errors, set-based: one insert of users, one of memberships, one of teams, one of team
 * members. New people share one password hash made from a random password nobody is told: they sign in once an
 * admin sets their password. (One argon2id hash takes ~0.1 s; a hash per person would make 10,000 rows take
 * twenty minutes, and a random password no one knows opens no account whatever its salt.)
 */
async function writePlan(db: Db, workspace: string, plan: PeopleImportPlan, known: KnownPeople): Promise<void> {
  const ids = new Map(known.members.map((m) => [m.email.toLowerCase(), m.id]));
  const people = plan.people.map((p) => ({ ...p, id: p.userId ?? randomUUID() }));
  people.forEach((p) => ids.set(p.email, p.id));
  const fresh = people.filter((p) => !p.userId);
  if (fresh.length) {
    const passwordHash = await hashPassword(generatePassword());
    await db.query(
      `INSERT INTO stratum.users (id, email, name, "passwordHash")
       SELECT (p->>'id')::uuid, p->>'email', p->>'name', $2 FROM jsonb_array_elements($1::jsonb) p`,
      [JSON.stringify(fresh.map(({ id, email, name }) => ({ id, email, name }))), passwordHash],
    );
  }
  if (people.length)
    await db.query(
      `INSERT INTO stratum.memberships (workspace, "userId", roles)
       SELECT $1, (p->>'id')::uuid, ARRAY(SELECT jsonb_array_elements_text(p->'roles')) FROM jsonb_array_elements($2::jsonb) p`,
      [workspace, JSON.stringify(people.map(({ id, roles }) => ({ id, roles })))],
    );
  if (!plan.teams.length) return;
  const teams = plan.teams.map((t) => ({
    id: t.id ?? randomUUID(),
    name: t.name,
    leadId: t.leadEmail ? (ids.get(t.leadEmail) ?? null) : null,
    memberIds: t.memberEmails.map((e) => ids.get(e)!),
  }));
  await db.query(
    `INSERT INTO stratum.teams (id, workspace, name, "leadId")
     SELECT (t->>'id')::uuid, $1, t->>'name', (t->>'leadId')::uuid FROM jsonb_array_elements($2::jsonb) t
     ON CONFLICT (id) DO UPDATE SET "leadId" = coalesce(excluded."leadId", stratum.teams."leadId")`,
    [workspace, JSON.stringify(teams)],
  );
  await db.query(
    `INSERT INTO stratum.team_members ("teamId", "userId")
     SELECT (t->>'id')::uuid, m::uuid FROM jsonb_array_elements($1::jsonb) t, jsonb_array_elements_text(t->'memberIds') m
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(teams)],
  );
}
