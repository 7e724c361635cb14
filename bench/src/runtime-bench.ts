/**
 * Issue 2's figures: the metadata runtime on a real PostgreSQL server with BENCH_ROWS deals (default
 * 1,000,000). Prints figures; asserts nothing.
 *
 *   npm run build && node bench/dist/runtime-bench.js
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import {
  applyManifest,
  createMany,
  ensureWorkspace,
  exportManifest,
  findMany,
  loadModel,
  openPostgres,
  type RecordContext,
} from '@stratum/runtime';
import { dropWorkspace, loadDeals, types, wideManifest } from './deals-fixture';
import { latencyComparison, printFigures, summarize, time, type Figure } from './stats';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 500);

async function main() {
  const workspace = `bench_${randomBytes(3).toString('hex')}`;
  const schema = `ws_${workspace}`;
  const db = openPostgres({ connectionString: DATABASE_URL, max: 4 });
  const figures: Figure[] = [];
  const cleanup: string[] = [workspace];
  try {
    console.log(`Loading ${ROWS.toLocaleString('en')} deals into ${schema} …`);
    await loadDeals(db, workspace, ROWS, null);
    const ctx = async (): Promise<RecordContext> => ({
      db,
      model: await loadModel(db, workspace),
      types,
      actor: { kind: 'system' },
    });

    // 1. Add a field to a table of BENCH_ROWS rows: catalog-only for plain fields, no rewrite.
    const filenode = async () =>
      (await db.query<{ f: string }>(`SELECT pg_relation_filenode('"${schema}".deal')::text AS f`)).rows[0]!.f;
    const before = await filenode();
    const addField = async (field: Record<string, unknown>) => {
      const manifest = exportManifest(await loadModel(db, workspace), types) as {
        objects: { name: string; fields: unknown[] }[];
      };
      manifest.objects.find((o) => o.name === 'deal')!.fields.push(field);
      return (await time(() => applyManifest(db, manifest, { workspace, types }))).ms;
    };
    const numberMs = await addField({ name: 'probability', type: 'number' });
    const selectMs = await addField({ name: 'source', type: 'select', options: ['web', 'phone'] });
    const textMs = await addField({ name: 'nickname', type: 'text' });
    const after = await filenode();
    figures.push(
      {
        metric: `add a number field, ${ROWS.toLocaleString('en')} rows (ms)`,
        value: numberMs.toFixed(1),
        target: '≤ 100 ms',
        verdict: numberMs <= 100 ? 'meets' : 'misses',
      },
      {
        metric: `add a select field, ${ROWS.toLocaleString('en')} rows (ms)`,
        value: selectMs.toFixed(1),
        target: '≤ 100 ms',
        verdict: selectMs <= 100 ? 'meets' : 'misses',
      },
      {
        metric: 'add a searchable text field (builds its GIN index) (ms)',
        value: textMs.toFixed(1),
        target: '',
        verdict: 'info',
      },
      {
        metric: 'table rewritten by adding fields',
        value: before === after ? 'no' : 'YES',
        target: 'no',
        verdict: before === after ? 'meets' : 'misses',
      },
    );

    // 2. createMany of 10,000 records through the record service (set-based; best and median of 3).
    const company = (await db.query<{ id: string }>(`SELECT id FROM "${schema}".company LIMIT 1`)).rows[0]!.id;
    const c = await ctx();
    const rates: number[] = [];
    for (let run = 0; run < 3; run++) {
      const inputs = Array.from({ length: 10_000 }, (_, i) => ({
        title: `New deal ${run}-${i}`,
        amount: { amount: 100 + (i % 5000), currency: 'USD' },
        stage: 'new',
        closeDate: '2026-12-01',
        company,
      }));
      const { ms } = await time(() => createMany(c, 'deal', inputs));
      rates.push(10_000 / (ms / 1000));
    }
    rates.sort((a, b) => a - b);
    figures.push({
      metric: 'createMany 10,000 records, best / median (records/s)',
      value: `${rates[2]!.toFixed(0)} / ${rates[1]!.toFixed(0)}`,
      target: '≥ 10,000',
      verdict: rates[1]! >= 10_000 ? 'meets' : 'misses',
    });

    // 3. findMany: 50 rows, filter + sort, vs the same hand-written SQL through pg, interleaved.
    const pool = new Pool({ connectionString: DATABASE_URL, max: 2 });
    const columns = [
      'id',
      'createdAt',
      'updatedAt',
      'createdBy',
      'owner',
      'deletedAt',
      'title',
      'amount',
      'amount_currency',
      'stage',
      'closeDate',
      'company',
    ]
      .map((x) => `"${x}"`)
      .join(', ');
    const sqlText = `SELECT ${columns} FROM "${schema}".deal WHERE "deletedAt" IS NULL AND stage = $1 AND amount >= $2 ORDER BY amount DESC, id DESC LIMIT 51`;
    const options = {
      filter: { stage: { $eq: 'proposal' }, amount: { $gte: 5000 } },
      orderBy: [{ field: 'amount', direction: 'DESC' as const }],
      first: 50,
    };
    const runtimeTimes: number[] = [];
    const sqlTimes: number[] = [];
    let last = await findMany(c, 'deal', options);
    for (let i = 0; i < ITERATIONS + 50; i++) {
      const r = await time(() => findMany(c, 'deal', options));
      const s = await time(() => pool.query(sqlText, ['proposal', 5000]));
      last = r.result;
      if (i >= 50) {
        runtimeTimes.push(r.ms);
        sqlTimes.push(s.ms);
      }
    }
    const nextPage = summarize(
      await repeat(100, () => findMany(c, 'deal', { ...options, after: last.pageInfo.endCursor! })),
    );
    const counted = summarize(await repeat(20, () => findMany(c, 'deal', { ...options, totalCount: true })));
    await pool.end();
    figures.push(
      ...latencyComparison(
        { label: 'findMany 50 rows, filter + sort,', samples: runtimeTimes },
        { label: 'same hand-written SQL through pg,', samples: sqlTimes },
        { label: 'findMany / SQL (p50 ratio)', max: 1.2 },
      ),
      {
        metric: 'findMany second page (keyset cursor) p50 (ms)',
        value: nextPage.p50.toFixed(2),
        target: '',
        verdict: 'info',
      },
      { metric: 'findMany with totalCount p50 (ms)', value: counted.p50.toFixed(2), target: '', verdict: 'info' },
    );

    // 4. Apply a manifest of 50 objects × 30 fields to an empty workspace, then again (no change).
    const wide = `${workspace}_m`;
    cleanup.push(wide);
    await ensureWorkspace(db, wide);
    const manifest = wideManifest(50, { indexFourthField: true });
    const first = await time(() => applyManifest(db, manifest, { workspace: wide, types }));
    const again = await time(() => applyManifest(db, manifest, { workspace: wide, types }));
    figures.push(
      {
        metric: 'apply a manifest of 50 objects × 30 fields (ms)',
        value: first.ms.toFixed(0),
        target: '≤ 5,000 ms',
        verdict: first.ms <= 5000 ? 'meets' : 'misses',
      },
      {
        metric: 'apply it again, no changes (ms)',
        value: again.ms.toFixed(0),
        target: '',
        verdict: again.result.lines.length === 0 ? 'info' : 'misses',
      },
    );
  } finally {
    for (const name of cleanup) await dropWorkspace(db, name).catch(() => undefined);
    await db.close();
  }
  printFigures(
    `Runtime benchmark (${ROWS.toLocaleString('en')} deals, PostgreSQL server, ${new Date().toISOString()})`,
    figures,
  );
  const dir = path.resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `runtime-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`),
    JSON.stringify({ rows: ROWS, figures }, null, 2),
  );
}

async function repeat(n: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await time(work)).ms);
  return times;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
