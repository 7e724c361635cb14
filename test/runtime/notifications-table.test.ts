import type { Db } from '../../runtime/src/db/db';
import { ensureWorkspace } from '../../runtime/src/metadata/workspace';
import { workspaceSchema } from '../../runtime/src/model/physical-names';
import { myNotifications, notify } from '../../runtime/src/notifications/notifications';
import { openTestDatabase, uniqueName } from '../support/database';

/**
 * The `_notifications` system table for new and existing workspaces: a workspace made before
 * notifications had a title and a body (its table had `message`) keeps its rows, now as titles.
 */
let db: Db;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

test('an existing workspace with the older table gets titles, bodies and idempotency keys', async () => {
  const workspace = uniqueName('n');
  const schema = workspaceSchema(workspace);
  await ensureWorkspace(db, workspace);
  // The table as workspaces made before titles had it.
  await db.exec(`DROP TABLE "${schema}"._notifications;
    CREATE TABLE "${schema}"._notifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "userId" uuid NOT NULL, message text NOT NULL,
      object text, "recordId" uuid, "runId" uuid, "createdAt" timestamptz NOT NULL DEFAULT now(), "readAt" timestamptz);`);
  const userId = '4a0e7c4e-8f5e-4a57-9d43-7f0b8e0b1c11';
  await db.query(`INSERT INTO "${schema}"._notifications ("userId", message) VALUES ($1, 'Older')`, [userId]);

  await ensureWorkspace(db, workspace);
  await ensureWorkspace(db, workspace);
  expect(await notify(db, schema, [{ userId, title: 'Newer', body: 'With a body', key: 'run:step' }])).toBe(1);
  expect(await notify(db, schema, [{ userId, title: 'Newer', key: 'run:step' }])).toBe(0);
  const page = await myNotifications(db, schema, userId);
  expect(page.items.map((n) => [n.title, n.body])).toEqual([
    ['Newer', 'With a body'],
    ['Older', null],
  ]);
  expect(page.unreadCount).toBe(2);
});
