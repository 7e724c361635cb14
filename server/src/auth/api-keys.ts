import { randomBytes, randomUUID } from 'node:crypto';
import { badInput, type Db } from '@stratum/runtime';
import { audit } from './audit';
import { tokenHash } from './sessions';

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/**
 * Creates an API key bound to roles, for integrations. Only its hash is stored: the key is returned
 * once, here, and never again. It authenticates as `Authorization: Bearer sk_…`.
 */
export async function createApiKey(
  db: Db,
  workspace: string,
  createdBy: string,
  name: string,
  roles: readonly string[],
  knownRoles: readonly string[],
): Promise<ApiKey & { key: string }> {
  if (!/^\S.{0,99}$/.test(name)) throw badInput({ path: 'name', message: 'must be 1 to 100 characters' });
  roles.forEach((role, i) => {
    if (!knownRoles.includes(role)) throw badInput({ path: `roles[${i}]`, message: `unknown role "${role}"` });
  });
  const id = randomUUID();
  const key = `sk_${randomBytes(32).toString('base64url')}`;
  await db.query(
    `INSERT INTO stratum.api_keys (id, workspace, name, "keyHash", roles, "createdBy") VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, workspace, name, tokenHash(key), roles, createdBy],
  );
  await audit(db, { workspace, userId: createdBy, event: 'apiKeyCreated', subject: id, detail: { name, roles } });
  const [created] = await listApiKeys(db, workspace, id);
  return { ...created!, key };
}

export async function listApiKeys(db: Db, workspace: string, id?: string): Promise<ApiKey[]> {
  const { rows } = await db.query<ApiKey>(
    `SELECT id, name, roles, "createdAt", "lastUsedAt", "revokedAt" FROM stratum.api_keys WHERE workspace = $1 AND ($2::uuid IS NULL OR id = $2) ORDER BY "createdAt" DESC`,
    [workspace, id ?? null],
  );
  return rows;
}

export async function revokeApiKey(db: Db, workspace: string, id: string): Promise<void> {
  await db.query(
    `UPDATE stratum.api_keys SET "revokedAt" = now() WHERE workspace = $1 AND id = $2 AND "revokedAt" IS NULL`,
    [workspace, id],
  );
}

/** Records that a key was used, at most once a minute per key (a write per request would cost too much). */
export async function noteApiKeyUse(db: Db, workspace: string, id: string, userId: string): Promise<void> {
  const { rowCount } = await db.query(
    `UPDATE stratum.api_keys SET "lastUsedAt" = now() WHERE id = $1 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`,
    [id],
  );
  if (rowCount > 0) await audit(db, { workspace, userId, event: 'apiKeyUsed', subject: id });
}
