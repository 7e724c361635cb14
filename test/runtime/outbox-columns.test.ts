import type { Db } from '../../runtime/src/db/db';
import { ensureWorkspace } from '../../runtime/src/metadata/workspace';
import { createRecord } from '../../runtime/src/records/write';
import { workspaceWith } from '../support/workspace';

/**
 * The outbox's `before` and `after` are `json` (runtime/src/metadata/workspace.ts): a workspace made when they
 * were `jsonb` is converted when it is opened, keeping its events, and events written since read the same.
 */
describe('outbox columns', () => {
  let db: Db;
  let dispose: () => Promise<void>;
  let workspace: string;
  let schema: string;

  beforeAll(async () => {
    let ctx;
    ({ db, workspace, schema, ctx, dispose } = await workspaceWith({
      objects: [{ name: 'lead', pluralName: 'leads', fields: [{ name: 'title', type: 'text' }] }],
    }));
    await createRecord(await ctx(), 'lead', { title: 'Before' });
  });
  afterAll(() => dispose());

  const types = async () =>
    (
      await db.query<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns
          WHERE table_schema = $1 AND table_name = '_outbox' AND column_name IN ('before', 'after') ORDER BY 1`,
        [schema],
      )
    ).rows;

  test('a jsonb outbox is converted on open, its events kept', async () => {
    expect(await types()).toEqual([
      { name: 'after', type: 'json' },
      { name: 'before', type: 'json' },
    ]);
    await db.query(
      `ALTER TABLE "${schema}"._outbox ALTER COLUMN before TYPE jsonb USING before::jsonb, ALTER COLUMN after TYPE jsonb USING after::jsonb`,
    );
    await ensureWorkspace(db, workspace);
    expect(await types()).toEqual([
      { name: 'after', type: 'json' },
      { name: 'before', type: 'json' },
    ]);
    const { rows } = await db.query<{ event: string; after: { title: string; id: string } }>(
      `SELECT event, after FROM "${schema}"._outbox ORDER BY id`,
    );
    expect(rows).toEqual([{ event: 'created', after: expect.objectContaining({ title: 'Before' }) }]);
    // Opening it again changes nothing.
    await ensureWorkspace(db, workspace);
    expect(await types()).toHaveLength(2);
  });
});
