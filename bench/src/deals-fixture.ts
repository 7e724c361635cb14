import {
  applyManifest,
  createFieldTypeRegistry,
  ensureWorkspace,
  loadModel,
  type Db,
  type Model,
} from '@stratum/runtime';

export const types = createFieldTypeRegistry();

/** The benchmark's sales model: companies, and deals with an indexed amount, stage and close date. */
export const dealsManifest = {
  objects: [
    {
      name: 'company',
      pluralName: 'companies',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'city', type: 'text', searchable: false },
      ],
    },
    {
      name: 'deal',
      pluralName: 'deals',
      fields: [
        { name: 'title', type: 'text', required: true, searchable: false },
        { name: 'amount', type: 'currency', currency: 'USD', indexed: true },
        {
          name: 'stage',
          type: 'select',
          options: ['new', 'qualified', 'proposal', 'negotiation', 'won', 'lost'],
          indexed: true,
        },
        { name: 'closeDate', type: 'date', indexed: true },
        { name: 'company', type: 'relation', target: 'company' },
      ],
    },
  ],
  // A member works their own deals and sees only some of their fields: a row condition and a field rule.
  roles: [
    {
      name: 'member',
      rules: [
        {
          action: 'read',
          subject: 'deal',
          conditions: { owner: '$user.id' },
          fields: ['title', 'amount', 'stage', 'closeDate', 'company'],
        },
        { action: 'read', subject: 'company' },
      ],
    },
  ],
};

/**
 * A workspace with `rows` deals over 1,000 companies, loaded with one set-based INSERT … SELECT per table
 * (setup only: the runtime's own write path is measured separately).
 */
export async function loadDeals(db: Db, workspace: string, rows: number, ownerId: string | null): Promise<Model> {
  await ensureWorkspace(db, workspace);
  await applyManifest(db, dealsManifest, { workspace, types });
  const schema = `ws_${workspace}`;
  await db.query(
    `INSERT INTO "${schema}".company (id, name, city, owner) SELECT gen_random_uuid(), 'Company ' || i, (ARRAY['Tbilisi','Almaty','Tashkent','Lilongwe'])[1 + i % 4], $1::uuid FROM generate_series(1, 1000) i`,
    [ownerId],
  );
  await db.query(
    `INSERT INTO "${schema}".deal (id, "createdAt", owner, title, amount, amount_currency, stage, "closeDate", company)
     SELECT gen_random_uuid(), now() - (i || ' seconds')::interval, $2::uuid, 'Deal ' || i, round((random() * 100000)::numeric, 2), 'USD',
            (ARRAY['new','qualified','proposal','negotiation','won','lost'])[1 + i % 6], DATE '2026-01-01' + (i % 365),
            c.ids[1 + i % 1000]
       FROM generate_series(1, $1::int) i, (SELECT array_agg(id) AS ids FROM "${schema}".company) c`,
    [rows, ownerId],
  );
  await db.exec(`ANALYZE "${schema}".company; ANALYZE "${schema}".deal;`);
  return loadModel(db, workspace);
}

export async function dropWorkspace(db: Db, workspace: string): Promise<void> {
  await db.exec(`DROP SCHEMA IF EXISTS "ws_${workspace}" CASCADE`);
  await db.query('DELETE FROM stratum.workspaces WHERE name = $1', [workspace]);
}

const KINDS = [
  'text',
  'number',
  'currency',
  'select',
  'date',
  'datetime',
  'boolean',
  'email',
  'phone',
  'url',
  'longText',
  'percent',
  'rating',
  'json',
  'multiSelect',
];

/**
 * A wide model for schema and migration figures: `count` objects × 30 fields cycling through 15 field
 * types, each object after the first with a relation to the one before it.
 */
export function wideManifest(count: number, options: { indexFourthField?: boolean } = {}) {
  return {
    objects: Array.from({ length: count }, (_, o) => ({
      name: `object${o}`,
      pluralName: `objects${o}`,
      fields: Array.from({ length: 30 }, (_, f) => {
        if (f === 29 && o > 0) return { name: `link${f}`, type: 'relation', target: `object${o - 1}` };
        const type = KINDS[f % KINDS.length]!;
        return {
          name: `field${f}`,
          type,
          ...(type === 'select' || type === 'multiSelect' ? { options: ['a', 'b', 'c'] } : {}),
          ...(options.indexFourthField && f === 3 ? { indexed: true } : {}),
        };
      }),
    })),
  };
}
