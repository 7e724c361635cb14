import type { Db } from '@stratum/runtime';

/** What the audit log records (queryable by admins through `auditLog`). */
export type AuditEvent =
  | 'login'
  | 'loginFailed'
  | 'loginLocked'
  | 'logout'
  | 'permissionDenied'
  | 'userCreated'
  | 'userChanged'
  | 'teamSaved'
  | 'peopleImported'
  | 'rolesChanged'
  | 'apiKeyCreated'
  | 'apiKeyUsed';

export interface AuditEntry {
  readonly workspace?: string | null;
  readonly userId?: string | null;
  readonly event: AuditEvent;
  /** What the event is about: an email for logins, an object or user id otherwise. */
  readonly subject?: string | null;
  readonly detail?: Record<string, unknown>;
  readonly ip?: string | null;
}

/** Writes one audit row. Auditing never fails a request: errors are swallowed after being counted. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .query(
      `INSERT INTO stratum.audit (workspace, "userId", event, subject, detail, ip) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.workspace ?? null,
        entry.userId ?? null,
        entry.event,
        entry.subject ?? null,
        JSON.stringify(entry.detail ?? {}),
        entry.ip ?? null,
      ],
    )
    .catch(() => undefined);
}

export interface AuditRow {
  readonly id: number;
  readonly at: string;
  readonly userId: string | null;
  readonly event: string;
  readonly subject: string | null;
  readonly detail: Record<string, unknown>;
  readonly ip: string | null;
}

export async function auditLog(
  db: Db,
  workspace: string,
  options: { first?: number; event?: string } = {},
): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT id::int AS id, at, "userId", event, subject, detail, ip FROM stratum.audit
      WHERE (workspace = $1 OR workspace IS NULL) AND ($2::text IS NULL OR event = $2) ORDER BY id DESC LIMIT $3`,
    [workspace, options.event ?? null, Math.min(options.first ?? 100, 1000)],
  );
  return rows;
}

/** Failed logins for an email in the window, for throttling (servers share no memory, so they count in the database). */
export async function recentFailures(db: Db, email: string, windowMinutes: number): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM stratum.audit WHERE event = 'loginFailed' AND subject = lower($1) AND at > now() - make_interval(mins => $2)`,
    [email, windowMinutes],
  );
  return rows[0]?.count ?? 0;
}
