import type { Db } from '../db/db';
import { USER_REFERENCE_FUNCTIONS } from './user-references';

/** The schema holding metadata, users and revisions for every workspace. */
export const META_SCHEMA = 'stratum';

/**
 * Numbered migrations of the metadata schema itself. Append only: a deployed step never changes, so every
 * database, embedded or server, old or new, reaches the same shape by running the steps it has not run.
 */
const STEPS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS stratum.users (
     id uuid PRIMARY KEY,
     email text NOT NULL UNIQUE,
     name text NOT NULL DEFAULT '',
     active boolean NOT NULL DEFAULT true,
     "createdAt" timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE IF NOT EXISTS stratum.workspaces (
     name text PRIMARY KEY,
     schema text NOT NULL UNIQUE,
     revision integer NOT NULL DEFAULT 0,
     model jsonb NOT NULL,
     "createdAt" timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE IF NOT EXISTS stratum.revisions (
     workspace text NOT NULL REFERENCES stratum.workspaces(name) ON DELETE CASCADE,
     number integer NOT NULL,
     actor uuid,
     "createdAt" timestamptz NOT NULL DEFAULT now(),
     summary text NOT NULL,
     changes jsonb NOT NULL,
     "modelBefore" jsonb NOT NULL,
     "modelAfter" jsonb NOT NULL,
     PRIMARY KEY (workspace, number)
   );
   CREATE TABLE IF NOT EXISTS stratum.trash (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     workspace text NOT NULL REFERENCES stratum.workspaces(name) ON DELETE CASCADE,
     revision integer NOT NULL,
     kind text NOT NULL CHECK (kind IN ('object', 'field')),
     object text NOT NULL,
     field text,
     definition jsonb NOT NULL,
     physical jsonb NOT NULL,
     "removedAt" timestamptz NOT NULL DEFAULT now(),
     "restoredAt" timestamptz,
     "purgedAt" timestamptz
   );`,
  // Identity: password hashes, sessions (only a hash of each token is stored) and workspace membership.
  `ALTER TABLE stratum.users ADD COLUMN "passwordHash" text, ADD COLUMN "lastLoginAt" timestamptz;
   CREATE TABLE stratum.memberships (
     workspace text NOT NULL REFERENCES stratum.workspaces(name) ON DELETE CASCADE,
     "userId" uuid NOT NULL REFERENCES stratum.users(id) ON DELETE CASCADE,
     roles text[] NOT NULL DEFAULT '{}',
     PRIMARY KEY (workspace, "userId")
   );
   CREATE TABLE stratum.sessions (
     "tokenHash" text PRIMARY KEY,
     "userId" uuid NOT NULL REFERENCES stratum.users(id) ON DELETE CASCADE,
     "createdAt" timestamptz NOT NULL DEFAULT now(),
     "expiresAt" timestamptz NOT NULL,
     "revokedAt" timestamptz
   );
   CREATE INDEX sessions_user ON stratum.sessions ("userId");`,
  // Teams with a lead, per workspace: `$user.teamIds` and `$user.subordinateIds` in role conditions.
  `CREATE TABLE stratum.teams (
     id uuid PRIMARY KEY,
     workspace text NOT NULL REFERENCES stratum.workspaces(name) ON DELETE CASCADE,
     name text NOT NULL,
     "leadId" uuid REFERENCES stratum.users(id) ON DELETE SET NULL,
     UNIQUE (workspace, name)
   );
   CREATE INDEX teams_lead ON stratum.teams ("leadId");
   CREATE TABLE stratum.team_members (
     "teamId" uuid NOT NULL REFERENCES stratum.teams(id) ON DELETE CASCADE,
     "userId" uuid NOT NULL REFERENCES stratum.users(id) ON DELETE CASCADE,
     PRIMARY KEY ("teamId", "userId")
   );
   CREATE INDEX team_members_user ON stratum.team_members ("userId");`,
  // The audit log (logins, failures, denials, people and role changes, API key use) and API keys.
  `CREATE TABLE stratum.audit (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at timestamptz NOT NULL DEFAULT now(),
     workspace text,
     "userId" uuid,
     event text NOT NULL,
     subject text,
     detail jsonb NOT NULL DEFAULT '{}',
     ip text
   );
   CREATE INDEX audit_at ON stratum.audit (workspace, at DESC);
   CREATE INDEX audit_login_failures ON stratum.audit (subject, at) WHERE event = 'loginFailed';
   CREATE TABLE stratum.api_keys (
     id uuid PRIMARY KEY,
     workspace text NOT NULL REFERENCES stratum.workspaces(name) ON DELETE CASCADE,
     name text NOT NULL,
     "keyHash" text NOT NULL UNIQUE,
     roles text[] NOT NULL DEFAULT '{}',
     "createdBy" uuid REFERENCES stratum.users(id) ON DELETE SET NULL,
     "createdAt" timestamptz NOT NULL DEFAULT now(),
     "lastUsedAt" timestamptz,
     "revokedAt" timestamptz
   );`,
  // Records' owner and createdBy are checked by these functions' triggers instead of foreign keys.
  USER_REFERENCE_FUNCTIONS,
];

/** Creates or upgrades the metadata schema. Safe to call at every start, from several processes at once. */
export async function bootstrapMetaSchema(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // One process migrates at a time; the others wait here, then find nothing left to do.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('stratum.bootstrap'))`);
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${META_SCHEMA};
      CREATE TABLE IF NOT EXISTS stratum.meta_migrations (version integer PRIMARY KEY, "appliedAt" timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM stratum.meta_migrations',
    );
    for (let version = (rows[0]?.version ?? 0) + 1; version <= STEPS.length; version++) {
      await tx.exec(STEPS[version - 1]!);
      await tx.query('INSERT INTO stratum.meta_migrations (version) VALUES ($1)', [version]);
    }
  });
}
