import { run, type Db } from '../db/db';
import { badInput } from '../errors';
import { ident, raw, sql } from '../sql/sql';

/**
 * In-app notifications: a title and a body for one user, optionally linked to a record, stored in the
 * workspace's `_notifications` table. Workflows write them with the `notify` step; a user reads only
 * their own (newest first, keyset pages) and marks them read.
 *
 * Terminology: *unread* means `readAt` is null; a *key* is an idempotency key (a notify step's
 * `<runId>:<stepId>`) that makes a repeated insert for the same user a no-op.
 */
export interface Notification {
  readonly id: string;
  readonly userId: string;
  readonly title: string;
  readonly body: string | null;
  readonly object: string | null;
  readonly recordId: string | null;
  readonly runId: string | null;
  /** The approval it asks the user to decide (an approval step's notification). */
  readonly approvalId: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** One notification to write; many of them go in one statement. */
export interface NewNotification {
  readonly userId: string;
  readonly title: string;
  readonly body?: string | null | undefined;
  readonly object?: string | null | undefined;
  readonly recordId?: string | null | undefined;
  readonly runId?: string | null | undefined;
  readonly approvalId?: string | null | undefined;
  /** With a key, a second insert of the same key for the same user is ignored. */
  readonly key?: string | null | undefined;
}

export interface NotificationPage {
  readonly items: readonly Notification[];
  readonly unreadCount: number;
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

const TABLE = '_notifications';
const COLUMNS = `id::text AS id, "userId", title, body, object, "recordId", "runId", "approvalId", "createdAt", "readAt"`;

/**
 * Writes notifications set-based: one INSERT with one parameter, however many users and runs. Returns
 * how many rows were written (rows whose key was already there are skipped).
 *
 * @example
 *   await notify(tx, 'ws_default', [{ userId, title: 'Task due: Call Nino', object: 'task', recordId }]);
 */
export async function notify(db: Db, schema: string, items: readonly NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = items.map((n) => ({
    userId: n.userId,
    title: n.title,
    body: n.body ?? null,
    object: n.object ?? null,
    recordId: n.recordId ?? null,
    runId: n.runId ?? null,
    approvalId: n.approvalId ?? null,
    key: n.key ?? null,
  }));
  const { rowCount } = await run(
    db,
    sql`INSERT INTO ${ident(schema, TABLE)} ("userId", title, body, object, "recordId", "runId", "approvalId", key)
        SELECT x."userId", x.title, x.body, x.object, x."recordId", x."runId", x."approvalId", x.key
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
               AS x("userId" uuid, title text, body text, object text, "recordId" uuid, "runId" uuid,
                    "approvalId" uuid, key text)
        ON CONFLICT (key, "userId") WHERE key IS NOT NULL DO NOTHING`,
  );
  return rowCount;
}

/**
 * A page of the user's notifications, newest first (`createdAt`, then `id`), after a cursor from the
 * previous page, with the number of unread ones (all of them, not only this page's).
 */
export async function myNotifications(
  db: Db,
  schema: string,
  userId: string,
  options: { first?: number | null; after?: string | null; unreadOnly?: boolean | null } = {},
): Promise<NotificationPage> {
  const first = Math.min(Math.max(options.first ?? 20, 1), 200);
  const after = options.after ? decodeNotificationCursor(options.after) : null;
  const { rows } = await run<Notification & { at: string }>(
    db,
    sql`SELECT ${raw(COLUMNS)}, "createdAt"::text AS at FROM ${ident(schema, TABLE)}
         WHERE "userId" = ${userId} AND (NOT ${options.unreadOnly === true} OR "readAt" IS NULL)
           AND (${after === null} OR ("createdAt", id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::bigint))
         ORDER BY "createdAt" DESC, id DESC LIMIT ${first + 1}`,
  );
  const { rows: counts } = await run<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM ${ident(schema, TABLE)} WHERE "userId" = ${userId} AND "readAt" IS NULL`,
  );
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return {
    items: page.map(({ at: _at, ...n }) => n),
    unreadCount: counts[0]?.n ?? 0,
    hasNextPage: rows.length > first,
    endCursor: last ? encodeNotificationCursor(last.at, last.id) : null,
  };
}

/**
 * Marks the user's notifications read: the given ids, or all of them. Other users' ids are ignored (a
 * user can only ever touch their own). Returns how many changed.
 */
export async function markNotificationsRead(
  db: Db,
  schema: string,
  userId: string,
  which: { ids?: readonly string[] | null; all?: boolean | null },
): Promise<number> {
  if (!which.all && !which.ids)
    throw badInput({ path: 'ids', message: 'name the notifications to mark read, or say all: true' });
  const ids = which.all ? null : which.ids!.map((id, i) => notificationId(id, `ids[${i}]`));
  const { rowCount } = await run(
    db,
    sql`UPDATE ${ident(schema, TABLE)} SET "readAt" = now()
         WHERE "userId" = ${userId} AND "readAt" IS NULL AND (${ids === null} OR id = ANY(${ids}::bigint[]))`,
  );
  return rowCount;
}

function notificationId(id: string, path: string): string {
  if (!/^\d{1,18}$/.test(id)) throw badInput({ path, message: `"${id}" is not a notification id` });
  return id;
}

function encodeNotificationCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeNotificationCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof at === 'string' && /^\d{4}-\d\d-\d\d[ T]/.test(at) && typeof id === 'string')
      return { at, id: notificationId(id, 'after') };
  } catch {
    // Falls through to the problem below.
  }
  throw badInput({ path: 'after', message: 'is not a cursor from myNotifications' });
}
