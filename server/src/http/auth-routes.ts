import { Router, type Request, type Response } from 'express';
import type { Db } from '@stratum/runtime';
import { verifyPassword } from '../auth/passwords';
import { audit, recentFailures } from '../auth/audit';
import { createSession, revokeSession } from '../auth/sessions';
import { bearerToken } from './preamble';

/** `POST /auth/login {email, password}` → `{ token }`; `POST /auth/logout` revokes the bearer token. */
/** Failed logins within LOCKOUT_MINUTES that lock an account for the rest of that window. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export function authRoutes(db: Db, workspace: string): Router {
  const router = Router();
  router.post('/auth/login', async (req: Request, res: Response) => {
    const { email, password } = (req.body ?? {}) as { email?: unknown; password?: unknown };
    if (typeof email !== 'string' || typeof password !== 'string') {
      res
        .status(400)
        .json({ error: { code: 'BAD_USER_INPUT', message: 'Send {"email": "…", "password": "…"} as JSON' } });
      return;
    }
    const subject = email.trim().toLowerCase();
    const ip = req.ip ?? null;
    // Temporary lockout: after LOCKOUT_FAILURES failed logins within the window, refuse every attempt for
    // that account (right or wrong) until the oldest failure leaves the window.
    if ((await recentFailures(db, subject, LOCKOUT_MINUTES)) >= LOCKOUT_FAILURES) {
      await audit(db, { workspace, event: 'loginLocked', subject, ip });
      res.status(429).json({
        error: {
          code: 'UNAUTHENTICATED',
          message: `Too many failed logins for this account; try again in ${LOCKOUT_MINUTES} minutes`,
        },
      });
      return;
    }
    const { rows } = await db.query<{ id: string; passwordHash: string | null }>(
      `SELECT id, "passwordHash" FROM stratum.users WHERE email = $1 AND active`,
      [subject],
    );
    // The same answer, and the same hashing work, whether the user exists or not.
    const ok = await verifyPassword(password, rows[0]?.passwordHash ?? DUMMY_HASH);
    if (!ok || !rows[0]) {
      await audit(db, { workspace, userId: rows[0]?.id ?? null, event: 'loginFailed', subject, ip });
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Wrong email or password' } });
      return;
    }
    await db.query(`UPDATE stratum.users SET "lastLoginAt" = now() WHERE id = $1`, [rows[0].id]);
    await audit(db, { workspace, userId: rows[0].id, event: 'login', subject, ip });
    const session = await createSession(db, rows[0].id);
    res.json({ token: session.token, expiresAt: session.expiresAt.toISOString() });
  });
  router.post('/auth/logout', async (req: Request, res: Response) => {
    const token = bearerToken(req.headers.authorization);
    if (token) await revokeSession(db, token);
    res.json({ ok: true });
  });
  return router;
}

// An argon2id hash of a random password: verifying against it costs what a real check costs.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c3RyYXR1bWR1bW15c2FsdA$0F4nVJQUgPSC1Rg/u3hU6cMx3r7bf2ZRm2vhyzZnNDI';
