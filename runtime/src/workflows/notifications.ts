import type { Db } from '../db/db';

/** An in-app notification (from a `notify` step), newest first in `notifications`. */
export interface Notification {
  readonly id: number;
  readonly message: string;
  readonly object: string | null;
  readonly recordId: string | null;
  readonly runId: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export async function notifications(
  db: Db,
  schema: string,
  userId: string,
  options: { unreadOnly?: boolean; first?: number } = {},
): Promise<Notification[]> {
  const { rows } = await db.query<Notification>(
    `SELECT id, message, object, "recordId", "runId", "createdAt", "readAt" FROM "${schema}"._notifications
      WHERE "userId" = $1 AND (NOT $2 OR "readAt" IS NULL) ORDER BY id DESC LIMIT $3`,
    [userId, options.unreadOnly === true, Math.min(Math.max(options.first ?? 50, 1), 200)],
  );
  return rows;
}

/** Marks a user's notifications read (the given ones, or all); returns how many changed. */
export async function markNotificationsRead(db: Db, schema: string, userId: string, ids?: readonly number[]) {
  const { rowCount } = await db.query(
    `UPDATE "${schema}"._notifications SET "readAt" = now()
      WHERE "userId" = $1 AND "readAt" IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
    [userId, ids ? [...ids] : null],
  );
  return rowCount;
}
