import { buildAccess } from '../../runtime/src/access/access';
import { countingDb, type Db } from '../../runtime/src/db/db';
import { StratumError } from '../../runtime/src/errors';
import { loadModel } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import { exportManifest } from '../../runtime/src/migrator/export';
import { updateObject } from '../../runtime/src/migrator/model-edits';
import { SYSTEM_ACTOR, type RecordContext } from '../../runtime/src/records/context';
import { countRecords, findOne } from '../../runtime/src/records/find';
import { deleteRecord, restoreRecord } from '../../runtime/src/records/lifecycle';
import { createMany, createRecord, updateMany, updateRecord } from '../../runtime/src/records/write';
import { createScriptRunner } from '../../runtime/src/scripts';
import { closeDefaultScriptRunner } from '../../runtime/src/validation/default-runner';
import { types, workspaceWith } from '../support/workspace';

/**
 * Validation rules on a real database: every create and update path (single and batch) checks the
 * record as it will be after the write — a patch merged into the stored record — with condition rules
 * in memory and script rules in the sandbox; a refused batch writes nothing; script failures are
 * SCRIPT_ERROR naming the rule; the system actor is checked too; rules are metadata only, round-trip
 * through export, and cost nothing on objects without active ones.
 */
const dealFields = [
  { name: 'name', type: 'text', required: true },
  { name: 'stage', type: 'select', options: ['new', 'won', 'lost'], default: 'new' },
  { name: 'lostReason', type: 'longText' },
  { name: 'discount', type: 'percent', min: 0, max: 100 },
  { name: 'amount', type: 'currency', currency: 'USD' },
];

const lostNeedsReason = {
  name: 'lostNeedsReason',
  message: 'A lost deal needs a reason',
  fields: ['lostReason'],
  condition: { $or: [{ stage: { $neq: 'lost' } }, { lostReason: { $isNull: false } }] },
};
const discountLimit = {
  name: 'discountLimit',
  message: 'Discounts above 50% are not allowed',
  fields: ['discount'],
  script:
    '// Big deals may go further.\nreturn record.discount === null || record.discount <= 50 || (record.amount !== null && record.amount.amount >= 10000)',
};
const wonStaysWon = {
  name: 'wonStaysWon',
  message: 'unused: the script says why',
  fields: ['stage'],
  script:
    "if (before && before.stage === 'won' && record.stage !== 'won') return 'A won deal stays won, not ' + record.stage;\nreturn true",
};
const ownerByOwner = {
  name: 'ownerByOwner',
  message: 'Only the system may give a deal to someone else',
  script: 'return user === null || record.owner === user.id',
};
const dormant = {
  name: 'dormant',
  message: 'Names start with Z',
  condition: { name: { $startsWith: 'Z' } },
  active: false,
};

const rules = [lostNeedsReason, discountLimit, wonStaysWon, ownerByOwner, dormant];

const objects = [
  { name: 'deal', pluralName: 'deals', fields: dealFields, validationRules: rules },
  { name: 'plain', pluralName: 'plains', fields: dealFields },
  { name: 'quiet', pluralName: 'quiets', fields: dealFields, validationRules: [dormant] },
  {
    name: 'gadget',
    pluralName: 'gadgets',
    fields: [{ name: 'name', type: 'text' }],
    validationRules: [
      {
        name: 'fragile',
        message: 'm',
        script:
          "if (record.name === 'boom') throw new TypeError('kaboom');\nif (record.name === 'loop') while (true) {}\nif (record.name === 'nothing') return;\nreturn true",
      },
    ],
  },
];
// Sellers see and change their own deals only.
const roles = [
  {
    name: 'seller',
    rules: [{ action: ['read', 'create', 'update'], subject: 'deal', conditions: { owner: '$user.id' } }],
  },
];
const manifest = { objects, roles };

let db: Db;
let workspace: string;
let ctx: RecordContext;
let userId: string;

beforeAll(async () => {
  const ws = await workspaceWith(manifest);
  ({ db, workspace, userId } = ws);
  ctx = await ws.ctx();
});

afterAll(async () => {
  await closeDefaultScriptRunner();
  await db.close();
});

async function refusal(write: Promise<unknown>): Promise<StratumError> {
  try {
    await write;
  } catch (error) {
    if (error instanceof StratumError) return error;
    throw error;
  }
  throw new Error('expected the write to be refused');
}

const failed = (rule: { name: string; message: string }, message = rule.message) =>
  `validation rule "${rule.name}" failed: ${message}`;

async function outboxCount(): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ws_${workspace}"._outbox`);
  return rows[0]!.n;
}

describe('create', () => {
  test('a single record that breaks a condition rule is refused at data.<field>, naming the rule', async () => {
    const before = await countRecords(ctx, 'deal');
    const error = await refusal(createRecord(ctx, 'deal', { name: 'Lost one', stage: 'lost' }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.problems).toEqual([
      { path: 'data.lostReason', message: failed(lostNeedsReason), rule: 'lostNeedsReason' },
    ]);
    expect(error.message).toBe(`data.lostReason: ${failed(lostNeedsReason)}`);
    expect(error.details).toEqual({ rules: ['lostNeedsReason'] });
    expect(await countRecords(ctx, 'deal')).toBe(before);
    await expect(
      createRecord(ctx, 'deal', { name: 'Lost two', stage: 'lost', lostReason: 'Price' }),
    ).resolves.toMatchObject({ stage: 'lost' });
  });

  test('a batch reports every failure at data[i] and creates nothing', async () => {
    const before = await countRecords(ctx, 'deal');
    const events = await outboxCount();
    const error = await refusal(
      createMany(ctx, 'deal', [
        { name: 'Fine', discount: 10 },
        { name: 'No reason', stage: 'lost' },
        { name: 'Too generous', discount: 60, amount: { amount: 500, currency: 'USD' } },
        { name: 'Both', stage: 'lost', discount: 90 },
      ]),
    );
    expect(error.problems).toEqual([
      { path: 'data[1].lostReason', message: failed(lostNeedsReason), rule: 'lostNeedsReason' },
      { path: 'data[2].discount', message: failed(discountLimit), rule: 'discountLimit' },
      { path: 'data[3].lostReason', message: failed(lostNeedsReason), rule: 'lostNeedsReason' },
      { path: 'data[3].discount', message: failed(discountLimit), rule: 'discountLimit' },
    ]);
    expect(error.details).toEqual({ rules: ['lostNeedsReason', 'discountLimit'] });
    expect(await countRecords(ctx, 'deal')).toBe(before);
    expect(await outboxCount()).toBe(events);
  });

  test('a script sees the record with its defaults and may let it through', async () => {
    const [big, small] = await createMany(ctx, 'deal', [
      { name: 'Big', discount: 60, amount: { amount: 25000, currency: 'USD' } },
      { name: 'Small', discount: 50 },
    ]);
    expect(big).toMatchObject({ discount: 60, stage: 'new' });
    expect(small).toMatchObject({ discount: 50 });
  });

  test('the system actor is checked too (rules are data integrity, not permissions)', async () => {
    const system = { ...ctx, actor: SYSTEM_ACTOR };
    const error = await refusal(createRecord(system, 'deal', { name: 'Imported', stage: 'lost' }));
    expect(error.problems.map((p) => p.rule)).toEqual(['lostNeedsReason']);
    // `user` is null for the system: it may give a deal to anyone.
    await expect(createRecord(system, 'deal', { name: 'Assigned', owner: userId })).resolves.toBeTruthy();
  });
});

describe('update', () => {
  test('the patch is merged into the stored record: untouched fields are checked as stored', async () => {
    const deal = await createRecord(ctx, 'deal', { name: 'Open', stage: 'new' });
    const error = await refusal(updateRecord(ctx, 'deal', deal.id, { stage: 'lost' }));
    expect(error.problems).toEqual([
      { path: 'data.lostReason', message: failed(lostNeedsReason), rule: 'lostNeedsReason' },
    ]);
    await updateRecord(ctx, 'deal', deal.id, { stage: 'lost', lostReason: 'Went quiet' });
    const cleared = await refusal(updateRecord(ctx, 'deal', deal.id, { lostReason: null }));
    expect(cleared.problems.map((p) => p.path)).toEqual(['data.lostReason']);
    expect(await findOne(ctx, 'deal', deal.id)).toMatchObject({ stage: 'lost', lostReason: 'Went quiet' });
    // A patch of another field keeps a valid record valid.
    await expect(updateRecord(ctx, 'deal', deal.id, { name: 'Renamed' })).resolves.toMatchObject({ name: 'Renamed' });
  });

  test('scripts see `before`, and may answer with their own message', async () => {
    const deal = await createRecord(ctx, 'deal', { name: 'Closing', stage: 'won' });
    const error = await refusal(updateRecord(ctx, 'deal', deal.id, { stage: 'new' }));
    expect(error.problems).toEqual([
      { path: 'data.stage', message: failed(wonStaysWon, 'A won deal stays won, not new'), rule: 'wonStaysWon' },
    ]);
  });

  test('scripts see `user`; a rule without fields is reported on the record', async () => {
    const other = (
      await db.query<{ id: string }>(
        `INSERT INTO stratum.users (id, email, name) VALUES (gen_random_uuid(), $1, 'Other') RETURNING id`,
        [`other-${workspace}@example.com`],
      )
    ).rows[0]!.id;
    const deal = await createRecord(ctx, 'deal', { name: 'Mine' });
    const error = await refusal(updateRecord(ctx, 'deal', deal.id, { owner: other }));
    expect(error.problems).toEqual([{ path: 'data', message: failed(ownerByOwner), rule: 'ownerByOwner' }]);
    await expect(
      updateRecord({ ...ctx, actor: SYSTEM_ACTOR }, 'deal', deal.id, { owner: other }),
    ).resolves.toMatchObject({ owner: other });
  });

  test('a batch with one failing record changes nothing at all', async () => {
    const [a, b, c] = await createMany(ctx, 'deal', [
      { name: 'A', discount: 5 },
      { name: 'B', discount: 5 },
      { name: 'C', discount: 5 },
    ]);
    const events = await outboxCount();
    const error = await refusal(
      updateMany(ctx, 'deal', [
        { id: a!.id, data: { discount: 20 } },
        { id: b!.id, data: { discount: 80 } },
        { id: c!.id, data: { name: 'C2' } },
      ]),
    );
    expect(error.problems).toEqual([
      { path: 'data[1].discount', message: failed(discountLimit), rule: 'discountLimit' },
    ]);
    for (const deal of [a, b, c])
      expect(await findOne(ctx, 'deal', deal!.id)).toMatchObject({ name: deal!.name, discount: 5 });
    expect(await outboxCount()).toBe(events);
    const { rows } = await db.query(`SELECT 1 FROM "ws_${workspace}"._history WHERE "recordId" = ANY($1::uuid[])`, [
      [a!.id, b!.id, c!.id],
    ]);
    expect(rows).toEqual([]);
  });

  test('under a role, a record outside its scope answers as before: the rules never speak of it', async () => {
    const access = buildAccess(ctx.model, types, { id: userId, teamIds: [], subordinateIds: [] }, ['seller']);
    const seller = { ...ctx, access };
    const mine = await createRecord(seller, 'deal', { name: 'Mine too' });
    const theirs = await createRecord({ ...ctx, actor: SYSTEM_ACTOR }, 'deal', { name: 'Theirs' });
    const own = await refusal(updateRecord(seller, 'deal', mine.id, { stage: 'lost' }));
    expect(own.problems.map((p) => p.rule)).toEqual(['lostNeedsReason']);
    expect((await refusal(updateRecord(seller, 'deal', theirs.id, { stage: 'lost' }))).code).toBe('NOT_FOUND');
  });

  test('a missing record still answers NOT_FOUND', async () => {
    const error = await refusal(updateRecord(ctx, 'deal', '00000000-0000-7000-8000-000000000000', { discount: 99 }));
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('script failures', () => {
  test('a script that throws, loops or returns nothing fails the write with SCRIPT_ERROR naming the rule', async () => {
    const thrown = await refusal(createRecord(ctx, 'gadget', { name: 'boom' }));
    expect(thrown.code).toBe('SCRIPT_ERROR');
    expect(thrown.message).toBe('validation rule "fragile" failed to run: TypeError: kaboom (line 1)');
    expect(thrown.details).toMatchObject({ rule: 'fragile', kind: 'error', line: 1 });

    const looped = await refusal(createMany(ctx, 'gadget', [{ name: 'fine' }, { name: 'loop' }]));
    expect(looped.code).toBe('SCRIPT_ERROR');
    expect(looped.details).toMatchObject({ rule: 'fragile', kind: 'timeout' });

    const nothing = await refusal(createRecord(ctx, 'gadget', { name: 'nothing' }));
    expect(nothing.code).toBe('SCRIPT_ERROR');
    expect(nothing.message).toBe('validation rule "fragile" must return true, false or a message, not undefined');

    expect(await countRecords(ctx, 'gadget')).toBe(0);
    const gadget = await createRecord(ctx, 'gadget', { name: 'fine' });
    const updated = await refusal(updateRecord(ctx, 'gadget', gadget.id, { name: 'boom' }));
    expect(updated.code).toBe('SCRIPT_ERROR');
    expect(await findOne(ctx, 'gadget', gadget.id)).toMatchObject({ name: 'fine' });
  });

  test("the context's own script runner is the one used", async () => {
    const runner = createScriptRunner({ workers: 1 });
    await runner.close();
    const error = await refusal(createRecord({ ...ctx, scripts: runner }, 'gadget', { name: 'fine' }));
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toContain('the script runner was closed');
  });
});

describe('rules as metadata', () => {
  test('applying the same manifest again, or its export, changes nothing', async () => {
    expect((await applyManifest(db, manifest, { workspace, types })).lines).toEqual([]);
    const model = await loadModel(db, workspace);
    const exported = exportManifest(model, types) as { objects: { name: string; validationRules?: unknown }[] };
    expect(exported.objects.find((o) => o.name === 'deal')!.validationRules).toEqual(rules);
    expect(exported.objects.find((o) => o.name === 'plain')).not.toHaveProperty('validationRules');
    expect((await applyManifest(db, exported, { workspace, types })).lines).toEqual([]);
  });

  test('turning a rule on is a metadata-only revision (no DDL) that applies to the next write', async () => {
    const zeta = await createRecord(ctx, 'quiet', { name: 'Alpha' });
    const counting = countingDb(db);
    const result = await updateObject(
      counting,
      'quiet',
      { validationRules: [{ ...dormant, active: true }] },
      { workspace, types },
    );
    expect(result.lines).toEqual(['~ object quiet (validation rules)']);
    expect(counting.statements.filter((s) => /\b(ALTER|CREATE|DROP)\b/i.test(s))).toEqual([]);
    const active = { ...ctx, model: await loadModel(db, workspace) };
    const error = await refusal(updateRecord(active, 'quiet', zeta.id, { discount: 1 }));
    expect(error.problems).toEqual([{ path: 'data.name', message: failed(dormant), rule: 'dormant' }]);
    // Restoring is not a write of values: a record stored before the rule comes back as it was.
    await deleteRecord(active, 'quiet', zeta.id);
    await expect(restoreRecord(active, 'quiet', zeta.id)).resolves.toMatchObject({ name: 'Alpha' });
    // `null` removes the key, and with it the rules.
    await updateObject(db, 'quiet', { validationRules: [dormant] }, { workspace, types });
    const off = { ...ctx, model: await loadModel(db, workspace) };
    await expect(updateRecord(off, 'quiet', zeta.id, { discount: 1 })).resolves.toMatchObject({ discount: 1 });
    await updateObject(db, 'quiet', { validationRules: null }, { workspace, types });
    expect((await loadModel(db, workspace)).objects.find((o) => o.name === 'quiet')).not.toHaveProperty(
      'validationRules',
    );
    await updateObject(db, 'quiet', { validationRules: [dormant] }, { workspace, types });
  });

  test('updateObject reports a bad rule at the input path and changes nothing', async () => {
    const revision = (await loadModel(db, workspace)).revision;
    const error = await refusal(
      updateObject(
        db,
        'plain',
        { validationRules: [{ name: 'typo', message: 'm', condition: { discont: 1 } }] },
        { workspace, types },
      ),
    );
    expect(error.problems).toEqual([
      { path: 'input.validationRules[0].condition.discont', message: expect.stringContaining('unknown field') },
    ]);
    expect((await loadModel(db, workspace)).revision).toBe(revision);
  });

  test('a rule added over stored records checks them on their next write, whatever the patch touches', async () => {
    const model = await loadModel(db, workspace);
    const plainCtx = { ...ctx, model };
    const stored = await createRecord(plainCtx, 'plain', { name: 'Generous', discount: 70 });
    await updateObject(db, 'plain', { validationRules: [discountLimit] }, { workspace, types });
    const withRule = { ...ctx, model: await loadModel(db, workspace) };
    const error = await refusal(updateRecord(withRule, 'plain', stored.id, { name: 'Generous, renamed' }));
    expect(error.problems).toEqual([{ path: 'data.discount', message: failed(discountLimit), rule: 'discountLimit' }]);
    await updateObject(db, 'plain', { validationRules: null }, { workspace, types });
  });
});

describe('cost', () => {
  test('no extra statement without active rules; one (the stored records, for the whole batch) with them', async () => {
    const counting = countingDb(db);
    const model = await loadModel(db, workspace);
    const on = { ...ctx, db: counting, model };
    const statementsOf = async (work: () => Promise<unknown>) => {
      counting.reset();
      await work();
      return counting.statements.length;
    };
    const row = { name: 'Row', discount: 5 };
    const counts = async (object: string) => {
      const [first, second] = await createMany(on, object, [row, row]);
      return {
        createOne: await statementsOf(() => createRecord(on, object, row)),
        createMany: await statementsOf(() => createMany(on, object, [row, row, row])),
        updateOne: await statementsOf(() => updateRecord(on, object, first!.id, { discount: 6 })),
        updateMany: await statementsOf(() =>
          updateMany(on, object, [
            { id: first!.id, data: { discount: 7 } },
            { id: second!.id, data: { discount: 8 } },
          ]),
        ),
      };
    };
    const plain = await counts('plain');
    expect(await counts('quiet')).toEqual(plain);
    expect(await counts('deal')).toEqual({
      ...plain,
      updateOne: plain.updateOne + 1,
      updateMany: plain.updateMany + 1,
    });
  });
});
