import type { Db } from '../../runtime/src/db/db';
import { ensureWorkspace } from '../../runtime/src/metadata/workspace';
import { createMany, createRecord, updateRecord } from '../../runtime/src/records/write';
import { workspaceWith } from '../support/workspace';

/**
 * A record's owner and createdBy must name users (runtime/src/metadata/user-references.ts): checked per
 * statement on insert and per row on update instead of by foreign keys, and set to null when a user is
 * deleted, as the foreign keys did.
 */
describe('user references of records', () => {
  let db: Db;
  let dispose: () => Promise<void>;
  let workspace: string;
  let schema: string;
  let ctx: Awaited<ReturnType<typeof workspaceWith>>['ctx'];
  const nobody = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    ({ db, workspace, schema, ctx, dispose } = await workspaceWith({
      objects: [{ name: 'lead', pluralName: 'leads', fields: [{ name: 'title', type: 'text' }] }],
    }));
  });
  afterAll(() => dispose());

  const newUser = async (name: string) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO stratum.users (id, email, name) VALUES (gen_random_uuid(), $1, $2) RETURNING id`,
        [`${name}.${workspace}@example.com`, name],
      )
    ).rows[0]!.id;
  const leadCount = async () =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".lead`)).rows[0]!.n);

  test('a batch naming an owner that is no user is refused whole, at the row', async () => {
    const before = await leadCount();
    const owner = await newUser('Owner');
    await expect(
      createMany(await ctx(), 'lead', [
        { title: 'Fine', owner },
        { title: 'Orphan', owner: nobody },
      ]),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'data[1].owner', message: `no user with id ${nobody}` }],
    });
    expect(await leadCount()).toBe(before);
    const [fine] = await createMany(await ctx(), 'lead', [{ title: 'Fine', owner }]);
    expect(fine!.owner).toBe(owner);
  });

  test('an update to an owner that is no user is refused; to a user, it is kept', async () => {
    const c = await ctx();
    const lead = await createRecord(c, 'lead', { title: 'Moved' });
    await expect(updateRecord(c, 'lead', lead.id as string, { owner: nobody })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const other = await newUser('Other');
    expect((await updateRecord(c, 'lead', lead.id as string, { owner: other })).owner).toBe(other);
    // SQL by hand is checked too.
    await expect(
      db.query(`UPDATE "${schema}".lead SET "createdBy" = $1 WHERE id = $2`, [nobody, lead.id]),
    ).rejects.toMatchObject({ code: '23503', constraint: 'createdBy' });
    await expect(
      db.query(`INSERT INTO "${schema}".lead (id, "createdBy") VALUES (gen_random_uuid(), $1)`, [nobody]),
    ).rejects.toMatchObject({ code: '23503', constraint: 'createdBy' });
  });

  test('deleting a user clears it from the records it owned or created', async () => {
    const gone = await newUser('Gone');
    const kept = await newUser('Kept');
    const c = await ctx();
    const owned = await createRecord({ ...c, actor: { kind: 'user', id: gone } }, 'lead', { title: 'Owned' });
    const other = await createRecord(c, 'lead', { title: 'Other', owner: kept });
    await db.query(`DELETE FROM stratum.users WHERE id = $1`, [gone]);
    const { rows } = await db.query<{ id: string; owner: string | null; createdBy: string | null }>(
      `SELECT id, owner, "createdBy" FROM "${schema}".lead WHERE id = ANY($1) ORDER BY title`,
      [[owned.id, other.id]],
    );
    expect(rows).toEqual([
      { id: other.id, owner: kept, createdBy: expect.any(String) },
      { id: owned.id, owner: null, createdBy: null },
    ]);
  });

  test('a user deleted while a record naming it is inserted is cleared from it after the insert commits', async () => {
    const racer = await newUser('Racer');
    let releaseInsert!: () => void;
    const insertHolds = new Promise<void>((resolve) => (releaseInsert = resolve));
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => (inserted = resolve));
    const insert = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO "${schema}".lead (id, title, owner) VALUES (gen_random_uuid(), 'Racing', $1)`, [
        racer,
      ]);
      inserted();
      await insertHolds;
    });
    await didInsert;
    // The delete waits for the insert's lock on the user, then clears the committed row.
    const remove = db.query(`DELETE FROM stratum.users WHERE id = $1`, [racer]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseInsert();
    await Promise.all([insert, remove]);
    const { rows } = await db.query(`SELECT owner FROM "${schema}".lead WHERE title = 'Racing'`);
    expect(rows).toEqual([{ owner: null }]);
  });

  test('a workspace whose tables had foreign keys to users gets the triggers instead, once', async () => {
    const table = `"${schema}".lead`;
    await db.exec(`DROP TRIGGER _user_refs ON ${table}; DROP TRIGGER _user_refs_update ON ${table};
      ALTER TABLE ${table} ADD FOREIGN KEY (owner) REFERENCES stratum.users (id) ON DELETE SET NULL,
                           ADD FOREIGN KEY ("createdBy") REFERENCES stratum.users (id) ON DELETE SET NULL`);
    const state = async () => {
      const { rows } = await db.query<{ fks: number; triggers: string | null }>(
        `SELECT (SELECT count(*) FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f')::int AS fks,
                (SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger
                  WHERE tgrelid = $1::regclass AND tgname LIKE '\\_user\\_refs%') AS triggers`,
        [table],
      );
      return rows[0];
    };
    expect(await state()).toEqual({ fks: 2, triggers: null });
    await ensureWorkspace(db, workspace);
    expect(await state()).toEqual({ fks: 0, triggers: '_user_refs,_user_refs_update' });
    await ensureWorkspace(db, workspace);
    expect(await state()).toEqual({ fks: 0, triggers: '_user_refs,_user_refs_update' });
    await expect(createMany(await ctx(), 'lead', [{ title: 'Still checked', owner: nobody }])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
