import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@stratum/runtime';

const SESSION_DAYS = 30;

/** Only a hash of a token is stored: a database leak does not hand out sessions. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Creates a session and returns its bearer token (shown to the client once). */
export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = `st_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.query(`INSERT INTO stratum.sessions ("tokenHash", "userId", "expiresAt") VALUES ($1, $2, $3)`, [
    tokenHash(token),
    userId,
    expiresAt,
  ]);
  return { token, expiresAt };
}

export async function revokeSession(db: Db, token: string): Promise<void> {
  await db.query(`UPDATE stratum.sessions SET "revokedAt" = now() WHERE "tokenHash" = $1 AND "revokedAt" IS NULL`, [
    tokenHash(token),
  ]);
}
