import { StratumError } from '../errors';
import { createFieldTypeRegistry } from '../fields/registry';
import { parseManifest } from '../manifest/parse-manifest';
import { emptyModel } from '../metadata/workspace';
import type { FieldDef, Model, ObjectDef } from '../model/model';
import { diffModel, resolveField, type TrashEntry } from './diff';
import { exportManifest } from './export';
import { describeChange, isDestructive, type Change, type Plan } from './plan';

/**
 * diffModel is pure: a current model and a desired manifest in, a plan out. These tests build models by
 * diffing from an empty workspace, so every model here is one the migrator itself would have produced.
 */

const types = createFieldTypeRegistry();

function plan(current: Model, manifest: unknown, trash: readonly TrashEntry[] = []): Plan {
  return diffModel(current, parseManifest(manifest, types), types, trash);
}

/** The model a manifest produces in a fresh workspace. */
function modelOf(manifest: unknown): Model {
  return plan(emptyModel('w'), manifest).model;
}

function changesOf<K extends Change['kind']>(p: Plan, kind: K): Extract<Change, { kind: K }>[] {
  return p.changes.filter((c): c is Extract<Change, { kind: K }> => c.kind === kind);
}

function objectOf(model: Model, name: string): ObjectDef {
  const object = model.objects.find((o) => o.name === name);
  if (!object) throw new Error(`no object ${name}`);
  return object;
}

function fieldOf(model: Model, objectName: string, name: string): FieldDef {
  const field = objectOf(model, objectName).fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${objectName}.${name}`);
  return field;
}

const KEY = /^k[0-9a-f]{10}$/;

/** A canonical manifest: nothing at its default value, so export gives back exactly this. */
const crm = {
  objects: [
    {
      name: 'company',
      pluralName: 'companies',
      label: { en: 'Company', ka: 'კომპანია' },
      titleField: 'name',
      fields: [
        { name: 'name', type: 'text', required: true, unique: true },
        { name: 'website', type: 'url' },
        { name: 'deals', type: 'relation', target: 'deal', many: true, inverse: 'company' },
      ],
    },
    {
      name: 'deal',
      pluralName: 'deals',
      label: 'Deal',
      labelPlural: 'Deals',
      description: 'A sales opportunity',
      fields: [
        { name: 'title', type: 'text', required: true, label: 'Title' },
        { name: 'amount', type: 'currency', currency: 'GEL', min: 0 },
        {
          name: 'stage',
          type: 'select',
          indexed: true,
          default: 'new',
          options: ['new', { value: 'won', label: { en: 'Won', ka: 'მოგებული' }, color: '#16a34a' }, 'lost'],
        },
        { name: 'company', type: 'relation', target: 'company', onDelete: 'restrict' },
        { name: 'contacts', type: 'relation', target: 'user', many: true },
        { name: 'closeDate', type: 'date', description: 'Expected close' },
        { name: 'notes', type: 'longText', searchable: true },
        { name: 'phone', type: 'phone', defaultCountry: 'GE', searchable: false },
        { name: 'confidential', type: 'boolean', default: false },
        { name: 'rating', type: 'rating', max: 10 },
      ],
    },
  ],
  pipelines: [
    {
      object: 'deal',
      field: 'stage',
      label: 'Sales',
      stages: [
        { name: 'new', probability: 10 },
        { name: 'won', probability: 100, won: true },
        { name: 'lost', probability: 0, lost: true, color: '#dc2626' },
      ],
    },
  ],
  workflows: [
    { name: 'ping', trigger: { type: 'manual' }, start: 'wait', steps: [{ id: 'wait', type: 'delay', seconds: 1 }] },
  ],
  roles: [{ name: 'agent', label: 'Agent', rules: [{ action: 'read', subject: 'deal' }] }],
};

/** A small manifest the change tests edit: one object, no relations. */
interface FieldInput {
  name: string;
  type: string;
  [key: string]: unknown;
}
const contactFields = (): FieldInput[] => [
  { name: 'name', type: 'text' },
  { name: 'email', type: 'email' },
  { name: 'notes', type: 'text' },
  { name: 'tags', type: 'multiSelect', options: ['vip', 'lead', 'partner'] },
  { name: 'score', type: 'number' },
  { name: 'manager', type: 'relation', target: 'user' },
];
const contacts = (fields: FieldInput[] = contactFields(), extra: Record<string, unknown> = {}) => ({
  objects: [{ name: 'contact', pluralName: 'contacts', ...extra, fields }],
});
/** The contact fields with one replaced (or removed, with `undefined`). */
const withField = (name: string, replacement: FieldInput | undefined): FieldInput[] =>
  contactFields().flatMap((f) => (f.name === name ? (replacement ? [replacement] : []) : [f]));

describe('diffModel: creating', () => {
  test('an empty workspace gets every object, then every field, then pipelines, workflows and roles', () => {
    const p = plan(emptyModel('w'), crm);
    expect(p.changes.map((c) => c.kind)).toEqual([
      'createObject',
      'createObject',
      ...Array<string>(13).fill('addField'),
      'setPipeline',
      'setWorkflows',
      'setRoles',
    ]);
    expect(p.changes.map(describeChange).slice(0, 4)).toEqual([
      '+ object company (3 fields)',
      '+ object deal (10 fields)',
      '+ field company.name (text)',
      '+ field company.website (url)',
    ]);
    expect(p.changes.filter(isDestructive)).toEqual([]);
  });

  test('the model gets keys, tables, columns and junction tables', () => {
    const model = modelOf(crm);
    expect(model).toMatchObject({ workspace: 'w', schema: 'ws_w', revision: 0 });
    const deal = objectOf(model, 'deal');
    expect(deal.key).toMatch(KEY);
    expect(deal.table).toBe('deal');
    expect(fieldOf(model, 'deal', 'amount')).toMatchObject({
      columns: ['amount', 'amount_currency'],
      settings: { currency: 'GEL', min: 0 },
      system: false,
    });
    const contactsField = fieldOf(model, 'deal', 'contacts');
    expect(contactsField.columns).toEqual([]);
    expect(contactsField.junctionTable).toBe(`_m2m_${contactsField.key}`);
    const deals = fieldOf(model, 'company', 'deals');
    expect(deals.columns).toEqual([]);
    expect(deals.junctionTable).toBeUndefined();
    expect(fieldOf(model, 'deal', 'company').columns).toEqual(['company']);
    const keys = model.objects.flatMap((o) => [o.key, ...o.fields.map((f) => f.key)]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(KEY);
  });

  test('resolveField names the columns after the field and drops renamedFrom', () => {
    const manifest = parseManifest(
      contacts([{ name: 'price', type: 'currency', renamedFrom: 'cost', label: 'Price' }]),
      types,
    );
    expect(resolveField(manifest.objects[0]!.fields[0]!, 'kabc', types)).toEqual({
      name: 'price',
      type: 'currency',
      label: 'Price',
      required: false,
      unique: false,
      indexed: false,
      searchable: false,
      settings: {},
      key: 'kabc',
      columns: ['price', 'price_currency'],
      system: false,
    });
    const long = 'p'.repeat(63);
    const longField = parseManifest(contacts([{ name: long, type: 'currency' }]), types).objects[0]!.fields[0]!;
    const columns = resolveField(longField, 'kabc', types).columns;
    expect(columns[0]).toBe(long);
    expect(columns[1]).toMatch(/^p+_[0-9a-f]{8}_currency$/);
    expect(Buffer.byteLength(columns[1]!)).toBeLessThanOrEqual(63);
  });

  test('adding a field to an existing object adds only that field and keeps the other keys', () => {
    const before = modelOf(contacts());
    const p = plan(before, contacts([...contactFields(), { name: 'birthday', type: 'date' }]));
    expect(p.changes.map(describeChange)).toEqual(['+ field contact.birthday (date)']);
    const [added] = changesOf(p, 'addField');
    expect(added!.field).toMatchObject({ name: 'birthday', columns: ['birthday'] });
    expect(added!.field.key).toMatch(KEY);
    expect(objectOf(p.model, 'contact').key).toBe(objectOf(before, 'contact').key);
    expect(fieldOf(p.model, 'contact', 'name').key).toBe(fieldOf(before, 'contact', 'name').key);
  });

  test('adding an object next to existing ones', () => {
    const before = modelOf(contacts());
    const manifest = contacts();
    const p = plan(before, {
      objects: [
        ...manifest.objects,
        { name: 'note', pluralName: 'notes', fields: [{ name: 'body', type: 'richText' }] },
      ],
    });
    expect(p.changes.map(describeChange)).toEqual(['+ object note (1 fields)', '+ field note.body (richText)']);
  });
});

describe('diffModel: renames', () => {
  test('an object renamed with renamedFrom keeps its key and fields and renames its table', () => {
    const before = modelOf(contacts());
    const p = plan(before, contacts(contactFields(), { name: 'person', pluralName: 'people', renamedFrom: 'contact' }));
    expect(p.changes.map(describeChange)).toEqual(['~ object contact → person']);
    const [rename] = changesOf(p, 'renameObject');
    expect(rename!.from.name).toBe('contact');
    expect(rename!.to).toMatchObject({ name: 'person', pluralName: 'people', table: 'person' });
    expect(rename!.to.key).toBe(rename!.from.key);
    const person = objectOf(p.model, 'person');
    expect(person.fields.map((f) => f.key)).toEqual(objectOf(before, 'contact').fields.map((f) => f.key));
    expect(p.changes.filter(isDestructive)).toEqual([]);
  });

  test('a field renamed with renamedFrom keeps its key; its columns follow the new name', () => {
    const before = modelOf(contacts());
    const p = plan(before, contacts(withField('name', { name: 'fullName', type: 'text', renamedFrom: 'name' })));
    expect(p.changes.map(describeChange)).toEqual(['~ field contact.name → fullName']);
    const [rename] = changesOf(p, 'renameField');
    expect(rename!.from).toMatchObject({ name: 'name', columns: ['name'] });
    expect(rename!.to).toMatchObject({ name: 'fullName', columns: ['fullName'], key: rename!.from.key });
    expect(fieldOf(p.model, 'contact', 'fullName').key).toBe(fieldOf(before, 'contact', 'name').key);
  });

  test('a currency field renames both columns', () => {
    const before = modelOf(contacts([{ name: 'cost', type: 'currency', currency: 'USD' }]));
    const p = plan(before, contacts([{ name: 'price', type: 'currency', currency: 'USD', renamedFrom: 'cost' }]));
    const [rename] = changesOf(p, 'renameField');
    expect(rename!.from.columns).toEqual(['cost', 'cost_currency']);
    expect(rename!.to.columns).toEqual(['price', 'price_currency']);
    expect(p.changes).toHaveLength(1);
  });

  test('a renamed and relabelled field is a rename plus an update', () => {
    const before = modelOf(contacts());
    const p = plan(
      before,
      contacts(withField('name', { name: 'fullName', type: 'text', renamedFrom: 'name', label: 'Full name' })),
    );
    expect(p.changes.map((c) => c.kind)).toEqual(['renameField', 'updateField']);
    const [update] = changesOf(p, 'updateField');
    expect(update!.before).toMatchObject({ name: 'fullName', columns: ['fullName'] });
    expect(update!.after.label).toBe('Full name');
    expect(update!.destructive).toBeUndefined();
  });

  test('without renamedFrom a new name is a removal and an addition', () => {
    const before = modelOf(contacts());
    const p = plan(before, contacts(withField('name', { name: 'fullName', type: 'text' })));
    expect(p.changes.map(describeChange)).toEqual([
      '+ field contact.fullName (text)',
      '- field contact.name (removes the field and hides its values until purged)',
    ]);
  });
});

describe('diffModel: removals are destructive', () => {
  test('removing a field', () => {
    const before = modelOf(contacts());
    const p = plan(before, contacts(withField('notes', undefined)));
    const [removal] = changesOf(p, 'removeField');
    expect(p.changes).toEqual([removal]);
    expect(removal!.field).toBe(fieldOf(before, 'contact', 'notes'));
    expect(removal!.destructive).toBe('removes the field and hides its values until purged');
    expect(isDestructive(removal!)).toBe(true);
  });

  test('removing an object comes after the changes that remain', () => {
    const before = modelOf(contacts());
    const p = plan(before, { objects: [{ name: 'note', pluralName: 'notes', fields: [] }] });
    expect(p.changes.map((c) => c.kind)).toEqual(['createObject', 'removeObject']);
    const [removal] = changesOf(p, 'removeObject');
    expect(removal!.object.name).toBe('contact');
    expect(removal!.destructive).toBe('removes the object and hides its records until purged');
    expect(isDestructive(removal!)).toBe(true);
  });

  test('removing a pipeline, workflows and roles', () => {
    const before = modelOf(crm);
    const p = plan(before, { ...crm, pipelines: [], workflows: [], roles: [] });
    expect(p.changes.map(describeChange)).toEqual(['- pipeline deal.stage', '~ workflows (0)', '~ roles (0)']);
  });
});

describe('diffModel: changing fields', () => {
  test('a label-only change is an update that loses nothing', () => {
    const before = modelOf(contacts());
    const p = plan(
      before,
      contacts(withField('name', { name: 'name', type: 'text', label: { en: 'Name', ka: 'სახელი' } })),
    );
    expect(p.changes.map(describeChange)).toEqual(['~ field contact.name']);
    const [update] = changesOf(p, 'updateField');
    expect(update!.destructive).toBeUndefined();
    expect(isDestructive(update!)).toBe(false);
    expect(update!.after.key).toBe(update!.before.key);
    expect(update!.after.label).toEqual({ en: 'Name', ka: 'სახელი' });
  });

  test('an object label change is an updateObject', () => {
    const before = modelOf(contacts());
    const p = plan(before, contacts(contactFields(), { label: 'Contact', description: 'People we talk to' }));
    expect(p.changes.map(describeChange)).toEqual(['~ object contact (labels or settings)']);
  });

  test.each([
    ['text → email', 'notes', { name: 'notes', type: 'email' }, 'narrows text to email'],
    ['text → url', 'notes', { name: 'notes', type: 'url' }, 'narrows text to url'],
    ['text → number', 'notes', { name: 'notes', type: 'number' }, 'narrows text to number'],
    ['number → rating', 'score', { name: 'score', type: 'rating' }, 'narrows number to rating'],
    ['multiSelect → select', 'tags', { name: 'tags', type: 'select', options: ['vip', 'lead', 'partner'] }, 'narrows'],
  ])('narrowing %s is destructive', (_title, name, replacement, message) => {
    const p = plan(modelOf(contacts()), contacts(withField(name, replacement)));
    const [update] = changesOf(p, 'updateField');
    expect(p.changes).toEqual([update]);
    expect(update!.destructive).toContain(message);
    expect(update!.destructive).toContain('values that do not fit are kept in the trash');
    expect(update!.before.type).not.toBe(update!.after.type);
  });

  test.each([
    ['email → text', 'email', { name: 'email', type: 'text' }],
    ['email → longText', 'email', { name: 'email', type: 'longText' }],
    ['number → text', 'score', { name: 'score', type: 'text' }],
    ['number → percent', 'score', { name: 'score', type: 'percent' }],
    ['number → currency with a currency', 'score', { name: 'score', type: 'currency', currency: 'GEL' }],
  ])('widening %s is not destructive', (_title, name, replacement) => {
    const p = plan(modelOf(contacts()), contacts(withField(name, replacement)));
    expect(p.changes.map((c) => c.kind)).toEqual(['updateField']);
    expect(p.changes.filter(isDestructive)).toEqual([]);
  });

  test('a change the migrator cannot make is refused at the field type', () => {
    const before = modelOf(contacts());
    const index = contactFields().findIndex((f) => f.name === 'manager');
    try {
      plan(before, contacts(withField('manager', { name: 'manager', type: 'text' })));
      throw new Error('expected the plan to be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(StratumError);
      expect((error as StratumError).problems).toEqual([
        {
          path: `objects[0].fields[${index}].type`,
          message: expect.stringContaining('cannot change a relation field into text'),
        },
      ]);
    }
    expect(() => plan(before, contacts(withField('score', { name: 'score', type: 'currency' })))).toThrow(
      'a number becomes a currency only with a default "currency"',
    );
  });

  test('removing select options is destructive; adding one is not', () => {
    const before = modelOf(contacts());
    const removed = plan(before, contacts(withField('tags', { name: 'tags', type: 'multiSelect', options: ['vip'] })));
    const [update] = changesOf(removed, 'updateField');
    expect(update!.destructive).toBe('removes options lead, partner; records keep their values');
    const added = plan(
      before,
      contacts(withField('tags', { name: 'tags', type: 'multiSelect', options: ['vip', 'lead', 'partner', 'new'] })),
    );
    expect(added.changes.map((c) => c.kind)).toEqual(['updateField']);
    expect(added.changes.filter(isDestructive)).toEqual([]);
  });

  test('a changed pipeline is set again with what it was', () => {
    const before = modelOf(crm);
    const pipeline = crm.pipelines[0]!;
    const p = plan(before, {
      ...crm,
      pipelines: [
        { ...pipeline, stages: pipeline.stages.map((s) => (s.name === 'new' ? { ...s, probability: 20 } : s)) },
      ],
    });
    const [set] = changesOf(p, 'setPipeline');
    expect(p.changes).toEqual([set]);
    expect(set!.before?.stages[0]!.probability).toBe(10);
    expect(set!.after.stages[0]!.probability).toBe(20);
  });

  // BUG: a relation's shape lives in its settings, so changing `target` or `many` keeps the type
  // `relation`, classifyRetype answers `none`, and the plan holds a plain non-destructive updateField.
  // ddl.ts updateField then emits nothing (no cast, no index change): the column keeps its foreign key to
  // the old target, or (many: false → true) the model expects a junction table that is never created while
  // the old uuid column and its values are orphaned. Expected: refused at the field (like relation → text)
  // or at least marked destructive.
  test('changing a relation target or cardinality is not a silent update', () => {
    const before = modelOf(contacts());
    for (const replacement of [
      { name: 'manager', type: 'relation', target: 'user', many: true },
      { name: 'manager', type: 'relation', target: 'contact' },
    ]) {
      let p: Plan;
      try {
        p = plan(before, contacts(withField('manager', replacement)));
      } catch (error) {
        expect(error).toBeInstanceOf(StratumError);
        continue;
      }
      expect(changesOf(p, 'updateField').map((c) => c.destructive)).toEqual([expect.any(String)]);
    }
  });
});

describe('diffModel: idempotence', () => {
  test.each([
    ['the CRM manifest', crm],
    ['the contact manifest', contacts()],
    ['a renamed object', contacts(contactFields(), { name: 'person', pluralName: 'people', renamedFrom: 'contact' })],
    ['a renamed field', contacts(withField('name', { name: 'fullName', type: 'text', renamedFrom: 'name' }))],
    ['a narrowed field', contacts(withField('notes', { name: 'notes', type: 'email' }))],
    ['an empty manifest', {}],
  ])('diffing the resulting model against the same manifest changes nothing (%s)', (_title, manifest) => {
    const first = plan(modelOf(contacts()), manifest);
    const second = plan(first.model, manifest);
    expect(second.changes).toEqual([]);
    expect(second.model).toEqual(first.model);
  });
});

describe('diffModel: restoring from the trash', () => {
  test('a field that comes back with its type is restored with its key and columns', () => {
    const original = modelOf(contacts());
    const notes = fieldOf(original, 'contact', 'notes');
    const withoutNotes = plan(original, contacts(withField('notes', undefined))).model;
    const trash: TrashEntry[] = [
      {
        id: 7,
        kind: 'field',
        object: 'contact',
        field: 'notes',
        definition: notes,
        physical: { table: 'contact', columns: [`_trash_${notes.key}_r2`] },
      },
    ];
    const p = plan(withoutNotes, contacts(), trash);
    expect(p.changes.map((c) => c.kind)).toEqual(['restoreField']);
    const [restore] = changesOf(p, 'restoreField');
    expect(restore!).toMatchObject({ trashId: 7, trashColumns: [`_trash_${notes.key}_r2`] });
    expect(restore!.field).toMatchObject({ name: 'notes', key: notes.key, columns: ['notes'] });
    expect(describeChange(restore!)).toBe('+ field contact.notes (text, restored from the trash with its values)');
    expect(fieldOf(p.model, 'contact', 'notes').key).toBe(notes.key);
  });

  test('a field that comes back with another type is added anew', () => {
    const original = modelOf(contacts());
    const notes = fieldOf(original, 'contact', 'notes');
    const withoutNotes = plan(original, contacts(withField('notes', undefined))).model;
    const trash: TrashEntry[] = [
      { id: 7, kind: 'field', object: 'contact', field: 'notes', definition: notes, physical: { columns: ['_t'] } },
    ];
    const p = plan(withoutNotes, contacts(withField('notes', { name: 'notes', type: 'number' })), trash);
    expect(p.changes.map((c) => c.kind)).toEqual(['addField']);
    expect(changesOf(p, 'addField')[0]!.field.key).not.toBe(notes.key);
  });

  test('an object that comes back is restored with its table and keys', () => {
    const original = modelOf(contacts());
    const contact = objectOf(original, 'contact');
    const trash: TrashEntry[] = [
      {
        id: 3,
        kind: 'object',
        object: 'contact',
        definition: contact,
        physical: { table: `_trash_${contact.key}_r2` },
      },
    ];
    const p = plan(emptyModel('w'), contacts(), trash);
    expect(p.changes.map((c) => c.kind)).toEqual(['restoreObject']);
    const [restore] = changesOf(p, 'restoreObject');
    expect(restore!).toMatchObject({ trashId: 3, trashTable: `_trash_${contact.key}_r2` });
    expect(restore!.object).toMatchObject({ name: 'contact', table: 'contact', key: contact.key });
    expect(objectOf(p.model, 'contact').fields.map((f) => f.key)).toEqual(contact.fields.map((f) => f.key));
  });
});

describe('exportManifest', () => {
  test('a model built from a canonical manifest exports as that manifest', () => {
    expect(exportManifest(modelOf(crm), types)).toStrictEqual(crm);
  });

  test('the export of a changed model parses and diffs to nothing', () => {
    const before = modelOf(crm);
    const changed = plan(before, {
      ...crm,
      objects: [
        crm.objects[0]!,
        {
          ...crm.objects[1]!,
          fields: crm.objects[1]!.fields.map((f) => (f.name === 'notes' ? { ...f, renamedFrom: 'remarks' } : f)),
        },
      ],
    }).model;
    const exported = exportManifest(changed, types);
    expect(JSON.stringify(exported)).not.toMatch(/"(key|table|columns|junctionTable|system|renamedFrom)"/);
    expect(plan(changed, exported).changes).toEqual([]);
  });
});
