import { randomUUID } from 'node:crypto';
import type { Db } from '@stratum/runtime';
import { generatePassword, hashPassword } from './passwords';

export interface NewUser {
  readonly email: string;
  readonly password: string;
  readonly name?: string;
  readonly roles: readonly string[];
}

/** Creates a user with a hashed password and a membership in a workspace. */
export async function createUser(db: Db, workspace: string, user: NewUser): Promise<string> {
  const id = randomUUID();
  const passwordHash = await hashPassword(user.password);
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO stratum.users (id, email, name, "passwordHash") VALUES ($1, lower($2), $3, $4)`, [
      id,
      user.email,
      user.name ?? '',
      passwordHash,
    ]);
    await tx.query(`INSERT INTO stratum.memberships (workspace, "userId", roles) VALUES ($1, $2, $3)`, [
      workspace,
      id,
      user.roles,
    ]);
  });
  return id;
}

/**
 * The first admin of a fresh workspace, from STRATUM_ADMIN_EMAIL / STRATUM_ADMIN_PASSWORD, or generated.
 * Returns the credentials when it created the admin (to print once), null when the workspace has members.
 * An existing user with that email becomes the workspace's admin without a new password.
 */
export async function ensureFirstAdmin(
  db: Db,
  workspace: string,
  config: { adminEmail?: string | undefined; adminPassword?: string | undefined },
): Promise<{ id: string; email: string; password: string; generated: boolean } | null> {
  const { rows } = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM stratum.memberships WHERE workspace = $1',
    [workspace],
  );
  if ((rows[0]?.count ?? 0) > 0) return null;
  const email = (config.adminEmail ?? 'admin@stratum.local').toLowerCase();
  const existing = await db.query<{ id: string }>('SELECT id FROM stratum.users WHERE email = $1', [email]);
  if (existing.rows[0]) {
    await db.query(`INSERT INTO stratum.memberships (workspace, "userId", roles) VALUES ($1, $2, '{admin}')`, [
      workspace,
      existing.rows[0].id,
    ]);
    return null;
  }
  const password = config.adminPassword ?? generatePassword();
  const id = await createUser(db, workspace, { email, password, name: 'Administrator', roles: ['admin'] });
  return { id, email, password, generated: !config.adminPassword };
}
