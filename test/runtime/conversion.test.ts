import { buildAccess } from '../../runtime/src/access/access';
import type { Db } from '../../runtime/src/db/db';
import { StratumError } from '../../runtime/src/errors';
import { parseManifest } from '../../runtime/src/manifest/parse-manifest';
import { exportManifest } from '../../runtime/src/migrator/export';
import { deleteField, updateField, updateObject } from '../../runtime/src/migrator/model-edits';
import type { RecordContext } from '../../runtime/src/records/context';
import { conversionPreview } from '../../runtime/src/records/conversion-preview';
import { convertRecord } from '../../runtime/src/records/convert';
import { countRecords, findOne } from '../../runtime/src/records/find';
import { recordHistory } from '../../runtime/src/records/history';
import { createRecord } from '../../runtime/src/records/write';
import { conversionManifest } from '../support/conversion';
import { types, workspaceWith } from '../support/workspace';

/**
 * Lead conversion in the runtime against a real database: one transaction makes the company, the contact
 * and the deal, links them and marks the lead converted; a refusal anywhere leaves every table as it was.
 */
let db: Db;
let ctx: RecordContext;
let userId: string;

beforeAll(async () => {
  const ws = await workspaceWith(conversionManifest);
  db = ws.db;
  userId = ws.userId;
  ctx = await ws.ctx();
});
afterAll(() => db.close());

const newLead = (suffix: string, extra: Record<string, unknown> = {}) =>
  createRecord(ctx, 'lead', {
    title: `Fit-out ${suffix}`,
    firstName: 'Nino',
    lastName: `Beridze ${suffix}`,
    email: `nino.${suffix}@example.com`,
    companyName: `Iveria ${suffix}`,
    budget: { amount: 12000, currency: 'GEL' },
    source: 'event',
    ...extra,
  });

const counts = async (c: RecordContext = ctx) => ({
  company: await countRecords(c, 'company'),
  contact: await countRecords(c, 'contact'),
  deal: await countRecords(c, 'deal'),
});

async function refusal(promise: Promise<unknown>): Promise<StratumError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StratumError);
  return error as StratumError;
}

test('creates the company, contact and deal, links them, marks the lead converted, and writes history', async () => {
  const lead = await newLead('a');
  const result = await convertRecord(ctx, 'lead', lead.id, []);
  expect(result.targets.map((t) => [t.key, t.created])).toEqual([
    ['company', true],
    ['contact', true],
    ['deal', true],
  ]);
  const [company, contact, deal] = result.targets.map((t) => t.id!);
  expect(await findOne(ctx, 'company', company!)).toMatchObject({ name: 'Iveria a' });
  expect(await findOne(ctx, 'contact', contact!)).toMatchObject({
    firstName: 'Nino',
    lastName: 'Beridze a',
    email: 'nino.a@example.com',
    company,
  });
  expect(await findOne(ctx, 'deal', deal!)).toMatchObject({
    name: 'Fit-out a',
    amount: { amount: 12000, currency: 'GEL' },
    source: 'event',
    company,
    contact,
    lead: lead.id,
    owner: userId,
  });
  expect(result.source).toMatchObject({ id: lead.id, status: 'converted' });
  const history = await recordHistory(ctx, 'lead', lead.id);
  expect(history.map((h) => [h.field, h.oldValue, h.newValue])).toContainEqual(['status', 'new', 'converted']);
});

test('uses an existing company that the preview offers by name, edits the contact, skips the deal', async () => {
  const acme = await createRecord(ctx, 'company', { name: 'Acme Holdings' });
  const lead = await newLead('b', { companyName: 'acme' });
  const preview = await conversionPreview(ctx, 'lead', lead.id);
  expect(preview.converted).toBe(false);
  expect(preview.targets[0]).toMatchObject({ key: 'company', data: { name: 'acme' }, canCreate: true });
  expect(preview.targets[0]!.matches.map((m) => m.id)).toEqual([acme.id]);
  expect(preview.targets[2]!.references).toEqual({ company: '$company', contact: '$contact', lead: '$source' });
  const before = await counts();
  const result = await convertRecord(ctx, 'lead', lead.id, [
    { key: 'company', action: 'use', id: acme.id },
    { key: 'contact', action: 'create', data: { firstName: 'Nina' } },
    { key: 'deal', action: 'skip' },
  ]);
  expect(result.targets).toEqual([
    { key: 'company', object: 'company', id: acme.id, created: false },
    { key: 'contact', object: 'contact', id: expect.any(String), created: true },
    { key: 'deal', object: 'deal', id: null, created: false },
  ]);
  expect(await findOne(ctx, 'contact', result.targets[1]!.id!)).toMatchObject({ firstName: 'Nina', company: acme.id });
  expect(await counts()).toEqual({ ...before, contact: before.contact + 1 });
});

test('an error in the contact rolls everything back and names the target and field', async () => {
  await createRecord(ctx, 'contact', { lastName: 'Taken', email: 'taken@example.com' });
  const lead = await newLead('c', { email: 'taken@example.com' });
  const before = await counts();
  const duplicate = await refusal(convertRecord(ctx, 'lead', lead.id, []));
  expect(duplicate.code).toBe('CONFLICT');
  expect(duplicate.path).toBe('targets.contact.data.email');
  const invalid = await refusal(
    convertRecord(ctx, 'lead', lead.id, [{ key: 'contact', action: 'create', data: { email: 'not an email' } }]),
  );
  expect(invalid.code).toBe('BAD_USER_INPUT');
  expect(invalid.path).toBe('targets.contact.data.email');
  expect(await counts()).toEqual(before);
  expect(await findOne(ctx, 'lead', lead.id)).toMatchObject({ status: 'new' });
});

test('refuses bad choices, a second conversion, and references set by hand', async () => {
  const lead = await newLead('d');
  const skip = await refusal(convertRecord(ctx, 'lead', lead.id, [{ key: 'contact', action: 'skip' }]));
  expect(skip.problems).toEqual([
    { path: 'targets.contact.action', message: '"contact" is not optional and cannot be skipped' },
  ]);
  const unknown = await refusal(convertRecord(ctx, 'lead', lead.id, [{ key: 'nope', action: 'skip' }]));
  expect(unknown.path).toBe('targets[0].key');
  const missing = await refusal(
    convertRecord(ctx, 'lead', lead.id, [
      { key: 'company', action: 'use', id: '00000000-0000-4000-8000-000000000000' },
    ]),
  );
  expect(missing.problems).toEqual([{ path: 'targets.company.id', message: 'no company with this id' }]);
  const byHand = await refusal(
    convertRecord(ctx, 'lead', lead.id, [{ key: 'contact', action: 'create', data: { company: lead.id } }]),
  );
  expect(byHand.problems).toEqual([
    { path: 'targets.contact.data.company', message: 'is set by the conversion ($company)' },
  ]);
  await convertRecord(ctx, 'lead', lead.id, [{ key: 'deal', action: 'skip' }]);
  const before = await counts();
  const again = await refusal(convertRecord(ctx, 'lead', lead.id, []));
  expect(again.code).toBe('CONFLICT');
  expect(again.message).toBe('This lead is already converted');
  expect((await conversionPreview(ctx, 'lead', lead.id)).converted).toBe(true);
  expect(await counts()).toEqual(before);
});

test('a user who may not create deals is refused at the deal, and nothing is kept', async () => {
  const roles = [
    {
      name: 'rep',
      rules: [
        { action: ['read', 'update', 'create'], subject: ['lead', 'company', 'contact'] },
        { action: 'read', subject: 'deal' },
      ],
    },
  ];
  const model = { ...ctx.model, roles };
  const access = buildAccess(model, types, { id: userId, teamIds: [], subordinateIds: [] }, ['rep']);
  const rep: RecordContext = { ...ctx, model, access };
  const lead = await newLead('e');
  const preview = await conversionPreview(rep, 'lead', lead.id);
  expect(preview.targets.map((t) => t.canCreate)).toEqual([true, true, false]);
  const before = await counts();
  const refused = await refusal(convertRecord(rep, 'lead', lead.id, []));
  expect(refused.code).toBe('FORBIDDEN');
  expect(refused.message).toBe('You may not create deals');
  expect(await counts()).toEqual(before);
  expect(await findOne(ctx, 'lead', lead.id)).toMatchObject({ status: 'new' });
  // Skipping the optional deal is what such a user can do.
  const skipped = await convertRecord(rep, 'lead', lead.id, [{ key: 'deal', action: 'skip' }]);
  expect(skipped.source).toMatchObject({ status: 'converted' });
});

describe('the manifest checker', () => {
  const withConversion = (conversion: unknown) => ({
    objects: conversionManifest.objects.map((o) => (o.name === 'lead' ? { ...o, conversion } : o)),
  });
  const problems = (conversion: unknown) => {
    try {
      parseManifest(withConversion(conversion), types);
      return [];
    } catch (error) {
      return (error as StratumError).problems;
    }
  };
  const at = 'objects[3].conversion';

  test('names the exact path of each problem', () => {
    expect(
      problems({
        targets: [
          { key: 'company', object: 'firm', fields: { name: 'companyName' } },
          {
            key: 'contact',
            object: 'contact',
            fields: { lastName: 'budget', email: 'nope', company: '$deal', firstName: '$contact' },
            match: 'phone',
          },
          { key: 'deal', object: 'deal', fields: { name: 'title', contact: '$company', amount: 'budget' } },
          { key: 'deal', object: 'deal', fields: {} },
        ],
        update: { status: 'won', nope: 1 },
      }),
    ).toEqual([
      { path: `${at}.targets[0].object`, message: 'unknown object "firm"' },
      { path: `${at}.targets[1].fields.lastName`, message: 'lead.budget (currency) does not fit lastName (text)' },
      { path: `${at}.targets[1].fields.email`, message: '"nope" is not a field of lead' },
      {
        path: `${at}.targets[1].fields.company`,
        message: '"$deal" refers to a later target; a target may refer only to the targets before it',
      },
      {
        path: `${at}.targets[1].fields.firstName`,
        message: '"$contact" refers to this target itself (a conversion cannot be a cycle)',
      },
      { path: `${at}.targets[1].match`, message: '"phone" is not a field of contact' },
      {
        path: `${at}.targets[2].fields.contact`,
        message: '"$company" is a firm id; "contact" must be a many-to-one relation to firm',
      },
      { path: `${at}.targets[3].key`, message: 'duplicate target "deal"' },
      { path: `${at}.update.status`, message: expect.stringContaining('won') },
      { path: `${at}.update.nope`, message: '"nope" is not a field of lead' },
    ]);
  });

  test('refuses a malformed conversion at its keys', () => {
    expect(problems({ targets: [], update: {} })).toEqual([
      { path: `${at}.targets`, message: 'a conversion needs at least one target' },
      { path: `${at}.update`, message: 'must set at least one field (it marks the source converted)' },
    ]);
    expect(
      problems({
        targets: [{ key: 'x', object: 'company', fields: { name: 'a b' }, extra: 1 }],
        update: { status: 'converted' },
      }),
    ).toEqual([
      { path: `${at}.targets[0].fields.name`, message: 'must be a source field name, "$<target key>" or "$source"' },
      { path: `${at}.targets[0].extra`, message: 'unknown key' },
    ]);
  });

  test('a valid conversion exports as it was written', () => {
    const manifest = parseManifest(conversionManifest, types);
    expect(manifest.objects[3]!.conversion).toEqual(conversionManifest.objects[3]!.conversion);
    const exported = exportManifest({ ...ctx.model }, types) as { objects: { name: string; conversion?: unknown }[] };
    expect(exported.objects.find((o) => o.name === 'lead')!.conversion).toEqual(
      conversionManifest.objects[3]!.conversion,
    );
  });
});

describe('model edits keep the conversion consistent', () => {
  test('renaming fields renames them in the mappings; removing one drops its mapping; the marker field stays', async () => {
    const ws = await workspaceWith(conversionManifest, db);
    const options = { workspace: ws.workspace, types };
    await updateField(db, 'lead', 'companyName', { name: 'organisation' }, options);
    await updateField(db, 'contact', 'email', { name: 'mail' }, options);
    await deleteField(db, 'lead', 'budget', options);
    await updateObject(db, 'company', { name: 'account', pluralName: 'accounts' }, options);
    const lead = (await ws.ctx()).model.objects.find((o) => o.name === 'lead')!;
    expect(lead.conversion!.targets.map((t) => [t.object, t.fields, t.match])).toEqual([
      ['account', { name: 'organisation' }, 'name'],
      ['contact', { firstName: 'firstName', lastName: 'lastName', mail: 'email', company: '$company' }, 'mail'],
      [
        'deal',
        { name: 'title', source: 'source', company: '$company', contact: '$contact', lead: '$source' },
        undefined,
      ],
    ]);
    const refused = await refusal(deleteField(db, 'lead', 'status', options));
    expect(refused.problems).toEqual([
      { path: 'objects[3].conversion.update.status', message: '"status" is not a field of lead' },
    ]);
  });
});
