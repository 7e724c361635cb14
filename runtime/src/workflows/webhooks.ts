import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/db';

/**
 * Webhook triggers: each webhook workflow has a secret, made the first time it is asked for and kept in
 * the engine's state. The URL carries it (`/hooks/<workspace>/<workflow>/<secret>`); with `hmac: true`
 * the sender must also sign the raw body: `X-Stratum-Signature: sha256=<hex HMAC-SHA256(secret, body)>`.
 */
export async function webhookSecret(db: Db, schema: string, workflow: string): Promise<string> {
  const { rows } = await db.query<{ secret: string }>(
    `INSERT INTO "${schema}"._wf_state (workflow, key, value) VALUES ($1, 'webhookSecret', to_jsonb($2::text))
     ON CONFLICT (workflow, key) DO UPDATE SET value = _wf_state.value
     RETURNING value #>> '{}' AS secret`,
    [workflow, randomBytes(24).toString('base64url')],
  );
  return rows[0]!.secret;
}

/** Compares in constant time. */
export function secretMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function signatureMatches(secret: string, body: Buffer, header: string | undefined): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(body).digest('hex');
  return secretMatches(expected, match[1]!.toLowerCase());
}
