import fc from 'fast-check';
import { compileCondition, evaluateCondition, parseCondition } from '../runtime/src/conditions';
import { ARRAY, EQUALITY, ORDERED, TEXTUAL, type Operator } from '../runtime/src/conditions/operators';
import type {
  ConditionTarget,
  RelationField,
  ScalarField,
  TargetField,
  ValueKind,
} from '../runtime/src/conditions/target';
import { run, type Db } from '../runtime/src/db/db';
import { compile, ident, join, sql } from '../runtime/src/sql/sql';
import { openTestDatabase, uniqueName } from './support/database';

/**
 * The compiled SQL and the in-memory evaluator must agree on every condition: random conditions over every
 * operator, logical combination and relation kind select exactly the same deals from random rows.
 *
 * Text is drawn from ASCII, Cyrillic and Georgian (with Mtavruli capitals), where JavaScript's per-character
 * `toLowerCase` and PostgreSQL's `lower()` under C.UTF-8 (which `ILIKE` uses) agree; other scripts have
 * letters whose case mappings differ between Unicode versions.
 */
const schema = uniqueName('cond');
const seed = Number(process.env.FC_SEED ?? Date.now());
const CHARS = [...'aAbBzZ %_\\', ...'ПпРрИиВвЁё', ...'გამ\u1C90\u1C91\u1C9B'];
const TAGS = ['vip', 'VIP', 'new', 'Привет', '5%'];

type Kind = 'deal' | 'company' | 'contact';
type Syntax = 'mongo' | 'api';
type Row = Record<string, unknown>;

// --- targets, built by hand as the model would build them -------------------------------------------------
const scalar = (name: string, valueKind: ValueKind, operators: readonly Operator[]): ScalarField => {
  return { kind: 'scalar', name, column: name, valueKind, operators };
};
const relationTo = (name: string, cardinality: 'one' | 'many', join: RelationField['join'], to: Kind) =>
  ({ kind: 'relation', name, cardinality, join, target: () => targets[to] }) satisfies RelationField;
const makeTarget = (object: Kind, fields: TargetField[]): ConditionTarget => {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return { object, schema, table: object, idColumn: 'id', deletedColumn: 'deletedAt', field: (n) => byName.get(n) };
};
const FIELDS: Record<Kind, TargetField[]> = {
  company: [
    scalar('id', 'uuid', ORDERED),
    scalar('name', 'text', TEXTUAL),
    relationTo('deals', 'many', { kind: 'inverse', targetColumn: 'company' }, 'deal'),
  ],
  contact: [scalar('id', 'uuid', ORDERED), scalar('name', 'text', TEXTUAL)],
  deal: [
    scalar('id', 'uuid', ORDERED),
    scalar('title', 'text', TEXTUAL),
    scalar('amount', 'number', ORDERED),
    scalar('won', 'boolean', EQUALITY),
    scalar('closeDate', 'date', ORDERED),
    scalar('closedAt', 'datetime', ORDERED),
    scalar('tags', 'textArray', ARRAY),
    relationTo('company', 'one', { kind: 'foreignKey', column: 'company' }, 'company'),
    relationTo(
      'contacts',
      'many',
      { kind: 'junction', schema, table: 'deal_contact', sourceColumn: 'deal', targetColumn: 'contact' },
      'contact',
    ),
  ],
};
const targets: Record<Kind, ConditionTarget> = {
  company: makeTarget('company', FIELDS.company),
  contact: makeTarget('contact', FIELDS.contact),
  deal: makeTarget('deal', FIELDS.deal),
};

// --- data -------------------------------------------------------------------------------------------------
const uuidOf = (table: number, i: number) =>
  `${String(table).repeat(8)}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 7 }),
  fc.constantFrom('', 'Привет мир', 'გამარჯობა', '100%_sure', 'Mixed Case', 'a\\b'),
);
const numberValue = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
  fc.constantFrom(0, 0.1, 1e21, -1e-7, 2 ** 53 + 2),
);
const dateValue = fc.integer({ min: -40, max: 40 }).map((d) => new Date(BASE + d * DAY).toISOString().slice(0, 10));
/** Instants in milliseconds: on the hour (so that equality finds rows) or anywhere. */
const instant = fc.oneof(
  fc.integer({ min: -960, max: 960 }).map((h) => BASE + h * 3_600_000),
  fc.integer({ min: -40 * DAY, max: 40 * DAY }).map((ms) => BASE + ms),
);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const dataset = fc.record({
  companies: fc.array(fc.record({ name: nullable(text), deleted: fc.boolean() }), { minLength: 6, maxLength: 6 }),
  contacts: fc.array(fc.record({ name: nullable(text), deleted: fc.boolean() }), { minLength: 8, maxLength: 8 }),
  deals: fc.array(
    fc.record({
      title: nullable(text),
      amount: nullable(numberValue),
      won: nullable(fc.boolean()),
      closeDate: nullable(dateValue),
      closedAt: nullable(instant),
      tags: nullable(fc.array(fc.constantFrom(...TAGS), { maxLength: 3 })),
      company: nullable(fc.nat(5)),
      contacts: fc.uniqueArray(fc.nat(7), { maxLength: 3 }),
      deleted: fc.boolean(),
    }),
    { minLength: 60, maxLength: 60 },
  ),
});
type Dataset = typeof dataset extends fc.Arbitrary<infer T> ? T : never;
const deletedAt = (deleted: boolean) => (deleted ? new Date(BASE).toISOString() : null);

async function insert(db: Db, data: Dataset): Promise<void> {
  const rows = (table: string, values: ReturnType<typeof sql>[]) =>
    run(db, sql`INSERT INTO ${ident(schema, table)} VALUES ${join(values)}`);
  const people = (list: Dataset['companies'], table: number) =>
    list.map((r, i) => sql`(${uuidOf(table, i)}::uuid, ${r.name}::text, ${deletedAt(r.deleted)}::timestamptz)`);
  await rows('company', people(data.companies, 1));
  await rows('contact', people(data.contacts, 2));
  await rows(
    'deal',
    data.deals.map((d, i) => {
      const closedAt = d.closedAt === null ? null : new Date(d.closedAt).toISOString();
      const company = d.company === null ? null : uuidOf(1, d.company);
      return sql`(${uuidOf(3, i)}::uuid, ${d.title}::text, ${d.amount}::numeric, ${d.won}::boolean,
        ${d.closeDate}::date, ${closedAt}::timestamptz, ${d.tags}::text[], ${company}::uuid, ${deletedAt(d.deleted)}::timestamptz)`;
    }),
  );
  const links = data.deals.flatMap((d, i) =>
    d.contacts.map((c) => sql`(${uuidOf(3, i)}::uuid, ${uuidOf(2, c)}::uuid)`),
  );
  if (links.length > 0) await rows('deal_contact', links);
}

/** The deals as records keyed by field name, with related records attached (cycles included). */
async function load(db: Db): Promise<Row[]> {
  const all = async (table: string) => (await run<Row>(db, sql`SELECT * FROM ${ident(schema, table)}`)).rows;
  const [companies, contacts, deals, links] = await Promise.all(
    ['company', 'contact', 'deal', 'deal_contact'].map(all),
  );
  const byId = (rows: Row[] = []) => new Map(rows.map((r) => [r.id, r]));
  const companyById = byId(companies);
  const contactById = byId(contacts);
  for (const company of companies ?? []) company.deals = (deals ?? []).filter((d) => d.company === company.id);
  for (const deal of deals ?? []) {
    deal.contacts = (links ?? []).filter((l) => l.deal === deal.id).map((l) => contactById.get(l.contact));
    deal.company = deal.company === null ? null : companyById.get(deal.company);
  }
  return deals ?? [];
}

// --- conditions -------------------------------------------------------------------------------------------
const caseOf = (s: string, mode: number) => (mode === 0 ? s : mode === 1 ? s.toUpperCase() : s.toLowerCase());
const withOffset = (ms: number, hours: number) => {
  const local = new Date(ms + hours * 3_600_000).toISOString().slice(0, 23);
  return `${local}${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
};
/** Mostly values found in the data (so that comparisons select something), sometimes any value. */
const pooled = <T>(pool: T[], any: fc.Arbitrary<T>) =>
  pool.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: any }) : any;
const present = <T>(values: (T | null)[]) => values.filter((v): v is T => v !== null);

/** Values for each kind of field, drawn from the dataset. */
function valuesOf(data: Dataset): Record<ValueKind, fc.Arbitrary<unknown>> {
  const strings = present([...data.deals.map((d) => d.title), ...data.companies.map((c) => c.name)]);
  // Pieces of the data's text in random case, so that contains / startsWith find something.
  const needle = fc
    .tuple(pooled(strings, text), fc.nat(4), fc.nat(4), fc.nat(2))
    .map(([s, from, length, mode]) => caseOf(s.slice(from, from + length), mode));
  const ids = [...data.companies.map((_, i) => uuidOf(1, i)), ...data.deals.map((_, i) => uuidOf(3, i))];
  const instants = pooled(present(data.deals.map((d) => d.closedAt)), instant);
  return {
    text: fc.oneof(pooled(strings, text), needle),
    number: pooled(present(data.deals.map((d) => d.amount)), numberValue),
    boolean: fc.boolean(),
    date: pooled(present(data.deals.map((d) => d.closeDate)), dateValue),
    datetime: fc
      .tuple(instants, fc.integer({ min: -12, max: 14 }), fc.boolean())
      .map(([ms, hours, asDate]) => (asDate ? new Date(ms) : withOffset(ms, hours))),
    uuid: fc.oneof(
      pooled(ids, fc.uuid()),
      fc.constantFrom(...ids).map((u) => u.toUpperCase()),
    ),
    textArray: fc.array(fc.constantFrom(...TAGS), { maxLength: 3 }),
    json: fc.constant(null),
  };
}

/** Random conditions on `deal` in either syntax, reaching company, contacts and back to deals. */
function conditions(values: Record<ValueKind, fc.Arbitrary<unknown>>) {
  function operand(kind: ValueKind, operator: Operator): fc.Arbitrary<unknown> {
    const value = values[kind];
    switch (operator) {
      case 'isNull':
        return fc.boolean();
      case 'in':
      case 'nin':
        return fc.array(value, { maxLength: 4 });
      case 'contains':
        return kind === 'textArray' ? fc.constantFrom(...TAGS) : values.text;
      case 'startsWith':
        return values.text;
      case 'eq':
      case 'neq':
        return fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
      default:
        return value;
    }
  }

  function operatorObject(syntax: Syntax, kind: ValueKind, operators: readonly Operator[]) {
    const spell = (op: Operator) => (syntax === 'api' ? op : op === 'neq' ? '$ne' : `$${op}`);
    const entry = fc.constantFrom(...operators).chain((op) => operand(kind, op).map((v) => [spell(op), v] as const));
    return fc.array(entry, { minLength: 1, maxLength: 2 }).map((entries) => Object.fromEntries(entries));
  }

  function fieldEntry(syntax: Syntax, on: Kind, depth: number): fc.Arbitrary<readonly [string, unknown]> {
    const entries = FIELDS[on].flatMap((field) => {
      if (field.kind === 'relation') return depth <= 0 ? [] : [relationEntry(syntax, field, depth - 1)];
      const object = operatorObject(syntax, field.valueKind, field.operators);
      const bare = syntax === 'mongo' ? fc.oneof(object, operand(field.valueKind, 'eq')) : object;
      return [bare.map((v) => [field.name, v] as const)];
    });
    return fc.oneof(...entries);
  }

  function relationEntry(syntax: Syntax, field: RelationField, depth: number) {
    const nested = condition(syntax, field.target().object as Kind, depth);
    if (syntax === 'api') return nested.map((c) => [field.name, c] as const);
    const isNull = fc.boolean().map((v) => ({ $isNull: v }));
    const choices =
      field.cardinality === 'one'
        ? [nested, isNull, nullable(values.uuid), operatorObject('mongo', 'uuid', ['eq', 'neq', 'in', 'nin', 'isNull'])]
        : [nested, isNull, fc.tuple(nested, isNull).map(([c, n]) => ({ ...c, ...n }))];
    return fc.oneof(...choices).map((v) => [field.name, v] as const);
  }

  function condition(syntax: Syntax, on: Kind, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const entries = fc.array(fieldEntry(syntax, on, depth), { minLength: 1, maxLength: 2 });
    const object = entries.map((e) => Object.fromEntries(e));
    if (depth <= 0) return object;
    const sub = condition(syntax, on, depth - 1);
    const list = fc.oneof({ weight: 9, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }) }, fc.constant([]));
    const key = (name: string) => (syntax === 'mongo' ? `$${name}` : name);
    return fc.oneof(
      { weight: 5, arbitrary: object },
      { weight: 1, arbitrary: list.map((items) => ({ [key('and')]: items })) },
      { weight: 2, arbitrary: list.map((items) => ({ [key('or')]: items })) },
      { weight: 1, arbitrary: sub.map((c) => ({ [key('not')]: c })) },
    );
  }

  return fc
    .constantFrom<Syntax>('mongo', 'api')
    .chain((syntax) => condition(syntax, 'deal', 3).map((c) => ({ syntax, condition: c })));
}

// --- the property -----------------------------------------------------------------------------------------
describe('conditions: compiled SQL and the evaluator agree', () => {
  let db: Db;
  let deals: Row[];
  let data: Dataset;

  beforeAll(async () => {
    db = await openTestDatabase();
    const s = compile(ident(schema)).text;
    await db.exec(`
      CREATE SCHEMA ${s};
      CREATE TABLE ${s}.company (id uuid PRIMARY KEY, name text, "deletedAt" timestamptz);
      CREATE TABLE ${s}.contact (id uuid PRIMARY KEY, name text, "deletedAt" timestamptz);
      CREATE TABLE ${s}.deal (id uuid PRIMARY KEY, title text, amount numeric, won boolean, "closeDate" date,
        "closedAt" timestamptz, tags text[], company uuid REFERENCES ${s}.company (id), "deletedAt" timestamptz);
      CREATE TABLE ${s}.deal_contact (deal uuid REFERENCES ${s}.deal (id), contact uuid REFERENCES ${s}.contact (id),
        PRIMARY KEY (deal, contact));`);
    const [sample] = fc.sample(dataset, { seed, numRuns: 1 });
    if (!sample) throw new Error('no dataset');
    data = sample;
    await insert(db, data);
    deals = await load(db);
  });

  afterAll(async () => {
    await db?.exec(`DROP SCHEMA IF EXISTS ${compile(ident(schema)).text} CASCADE`);
    await db?.close();
  });

  it(`selects the same rows for random conditions (seed ${seed})`, async () => {
    let informative = 0;
    await fc.assert(
      fc.asyncProperty(conditions(valuesOf(data)), async ({ syntax, condition: raw }) => {
        const node = parseCondition(raw, targets.deal, { syntax });
        const where = compileCondition(node, 't0');
        const query = sql`SELECT id FROM ${ident(schema, 'deal')} AS "t0" WHERE ${where}`;
        const selected = (await run<{ id: string }>(db, query)).rows.map((r) => r.id);
        const evaluated = deals.filter((d) => evaluateCondition(node, d)).map((d) => String(d.id));
        expect(evaluated.sort()).toEqual(selected.sort());
        if (selected.length > 0 && selected.length < deals.length) informative += 1;
      }),
      { seed, numRuns: 1000 },
    );
    // Guard against a generator that only makes trivial conditions.
    expect(informative).toBeGreaterThan(250);
  });
});
