/**
 * Issue 3's figures: the generated GraphQL API against hand-written SQL and a bare express + pg endpoint,
 * on a real PostgreSQL server with BENCH_ROWS deals (default 1,000,000). Prints figures; asserts nothing.
 *
 *   npm run build && node --expose-gc bench/dist/api-bench.js
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { diffModel, emptyModel, openPostgres, parseManifest } from '@stratum/runtime';
import { buildSchema, createUser } from '@stratum/server';

import { dropWorkspace, loadDeals, types, wideManifest } from './deals-fixture';
import { latencyComparison, printFigures, summarize, time, type Figure } from './stats';
import { signIn } from './sign-in';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

const PAGE = `query Page($stage: String!, $min: Float!) {
  deals(first: 50, filter: { stage: { eq: $stage }, amount: { gte: $min } }, orderBy: [{ field: amount, direction: DESC }]) {
    edges { node { id title amount { amount currency } stage closeDate company { name } owner { email } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function main() {
  const workspace = `bench_${randomBytes(3).toString('hex')}`;
  const schema = `ws_${workspace}`;
  const db = openPostgres({ connectionString: DATABASE_URL, max: 4 });
  const figures: Figure[] = [];
  const children: ChildProcess[] = [];
  try {
    console.log(`Loading ${ROWS.toLocaleString('en')} deals into ${schema} …`);
    const { ms: loadMs } = await time(async () => {
      const { ensureWorkspace } = await import('@stratum/runtime');
      await ensureWorkspace(db, workspace);
    });
    const email = `${workspace}@bench.local`;
    const password = randomBytes(12).toString('hex');
    await createUser(db, workspace, { email, password, roles: ['admin'] });
    // The deals belong to a member, so the member's page (row condition + field rule) and the admin's are the same rows.
    const memberEmail = `member.${email}`;
    const memberId = await createUser(db, workspace, { email: memberEmail, password, roles: ['member'] });
    const model = await loadDeals(db, workspace, ROWS, memberId);
    console.log(`loaded (${Math.round(loadMs)} ms setup)`);

    const stratum = await serve(path.resolve(__dirname, '../../server/dist/main.js'), {
      DATABASE_URL,
      STRATUM_WORKSPACE: workspace,
      STRATUM_SEED: 'none',
      PORT: '4601',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    });
    const bare = await serve(path.resolve(__dirname, 'serve-bare.js'), {
      DATABASE_URL,
      BENCH_SCHEMA: schema,
      PORT: '4602',
    });
    children.push(stratum, bare);
    const token = await signIn('http://127.0.0.1:4601', email, password);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const memberToken = await signIn('http://127.0.0.1:4601', memberEmail, password);
    const memberHeaders = { 'content-type': 'application/json', authorization: `Bearer ${memberToken}` };
    const body = JSON.stringify({ query: PAGE, variables: { stage: 'proposal', min: 5000 } });
    const check = (await (await fetch('http://127.0.0.1:4601/graphql', { method: 'POST', headers, body })).json()) as {
      data?: { deals: { edges: unknown[] } };
      errors?: unknown;
    };
    if (!check.data || check.data.deals.edges.length !== 50)
      throw new Error(`The page query failed: ${JSON.stringify(check).slice(0, 500)}`);

    // 1. Latency: the page over HTTP vs the same data by hand-written SQL through pg, interleaved.
    const pool = new Pool({ connectionString: DATABASE_URL, max: 2 });
    const sqlText = `SELECT d.id, d.title, d.amount, d.amount_currency, d.stage, d."closeDate", c.name AS company, u.email AS owner
      FROM "${schema}".deal d LEFT JOIN "${schema}".company c ON c.id = d.company LEFT JOIN stratum.users u ON u.id = d.owner
      WHERE d."deletedAt" IS NULL AND d.stage = $1 AND d.amount >= $2 ORDER BY d.amount DESC, d.id DESC LIMIT 50`;
    const gqlTimes: number[] = [];
    const sqlTimes: number[] = [];
    for (let i = 0; i < ITERATIONS + 30; i++) {
      const g = await time(() =>
        fetch('http://127.0.0.1:4601/graphql', { method: 'POST', headers, body }).then((r) => r.text()),
      );
      const s = await time(() => pool.query(sqlText, ['proposal', 5000]));
      if (i >= 30) {
        gqlTimes.push(g.ms);
        sqlTimes.push(s.ms);
      }
    }
    await pool.end();
    figures.push(
      ...latencyComparison(
        { label: 'GraphQL page over HTTP', samples: gqlTimes },
        { label: 'hand-written SQL through pg', samples: sqlTimes },
        { label: 'GraphQL page / SQL (p50 ratio)', max: 2 },
      ),
    );

    // 1b. The same page for a member with a row condition and a field rule vs the admin, interleaved.
    const memberBody = body;
    const memberCheck = (await (
      await fetch('http://127.0.0.1:4601/graphql', { method: 'POST', headers: memberHeaders, body: memberBody })
    ).json()) as { data?: { deals: { edges: unknown[] } }; errors?: unknown };
    if (!memberCheck.data || memberCheck.data.deals.edges.length !== 50)
      throw new Error(`The member's page failed: ${JSON.stringify(memberCheck).slice(0, 500)}`);
    const memberTimes: number[] = [];
    const adminTimes: number[] = [];
    for (let i = 0; i < ITERATIONS + 30; i++) {
      const m = await time(() =>
        fetch('http://127.0.0.1:4601/graphql', { method: 'POST', headers: memberHeaders, body: memberBody }).then((r) =>
          r.text(),
        ),
      );
      const a = await time(() =>
        fetch('http://127.0.0.1:4601/graphql', { method: 'POST', headers, body }).then((r) => r.text()),
      );
      if (i >= 30) {
        memberTimes.push(m.ms);
        adminTimes.push(a.ms);
      }
    }
    figures.push(
      ...latencyComparison(
        { label: 'member page (row condition + field rule)', samples: memberTimes },
        { label: 'admin page', samples: adminTimes },
        { label: 'member / admin (p50 ratio)', max: 1.1 },
      ),
    );

    // 2. Throughput at 50 connections: the page through Stratum vs the bare endpoint, and a single-record read.
    const stratumRps = await cannon({ url: 'http://127.0.0.1:4601/graphql', method: 'POST', headers, body });
    const bareRps = await cannon({ url: 'http://127.0.0.1:4602/deals?stage=proposal&min=5000', method: 'GET' });
    const oneId = (check.data.deals.edges[0] as { node: { id: string } }).node.id;
    const oneRps = await cannon({
      url: 'http://127.0.0.1:4601/graphql',
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: 'query One($id: ID!) { deal(id: $id) { id title amount { amount currency } stage company { name } } }',
        variables: { id: oneId },
      }),
    });
    figures.push(
      {
        metric: 'Stratum GraphQL page, 50 connections (req/s)',
        value: stratumRps.toFixed(0),
        target: '',
        verdict: 'info',
      },
      {
        metric: 'bare express + pg page, 50 connections (req/s)',
        value: bareRps.toFixed(0),
        target: '',
        verdict: 'info',
      },
      {
        metric: 'Stratum / bare throughput',
        value: `${(stratumRps / bareRps).toFixed(2)}×`,
        target: '≥ 0.6×',
        verdict: stratumRps / bareRps >= 0.6 ? 'meets' : 'misses',
      },
      { metric: 'Stratum GraphQL single-record read (req/s)', value: oneRps.toFixed(0), target: '', verdict: 'info' },
    );

    // 3. Batched create through GraphQL: 10 mutations of 1,000 deals.
    const companyId = (await db.query<{ id: string }>(`SELECT id FROM "${schema}".company LIMIT 1`)).rows[0]!.id;
    const create = `mutation Create($d: [DealCreateInput!]!) { createDeals(data: $d) { id } }`;
    let created = 0;
    const { ms: createMs } = await time(async () => {
      for (let batch = 0; batch < 10; batch++) {
        const d = Array.from({ length: 1000 }, (_, i) => ({
          title: `Batch ${batch}-${i}`,
          amount: { amount: 1000 + i, currency: 'USD' },
          stage: 'new',
          closeDate: '2026-12-01',
          company: companyId,
        }));
        const result = (await (
          await fetch('http://127.0.0.1:4601/graphql', {
            method: 'POST',
            headers,
            body: JSON.stringify({ query: create, variables: { d } }),
          })
        ).json()) as { data?: { createDeals: unknown[] }; errors?: unknown };
        if (!result.data) throw new Error(`createDeals failed: ${JSON.stringify(result.errors).slice(0, 300)}`);
        created += result.data.createDeals.length;
      }
    });
    const perSecond = created / (createMs / 1000);
    figures.push({
      metric: 'batched create through GraphQL (records/s)',
      value: perSecond.toFixed(0),
      target: '≥ 5,000',
      verdict: perSecond >= 5000 ? 'meets' : 'misses',
    });

    // 4. Schema rebuild for 200 objects × 30 fields: time and memory retained per revision.
    figures.push(...schemaRebuild(model.workspace));
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await dropWorkspace(db, workspace).catch(() => undefined);
    await db.close();
  }
  printFigures(
    `API benchmark (${ROWS.toLocaleString('en')} deals, PostgreSQL server, ${new Date().toISOString()})`,
    figures,
  );
  const dir = path.resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `api-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`),
    JSON.stringify({ rows: ROWS, figures }, null, 2),
  );
}

function schemaRebuild(workspace: string): Figure[] {
  const manifest = parseManifest(wideManifest(200), types);
  const model = { ...diffModel(emptyModel(workspace), manifest, types).model, revision: 1 };
  const times: number[] = [];
  for (let i = 0; i < 12; i++) times.push(timeSync(() => buildSchema({ ...model, revision: i + 1 }, types)));
  const gc = (globalThis as { gc?: () => void }).gc;
  let retained = NaN;
  if (gc) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 10 }, (_, i) => buildSchema({ ...model, revision: 100 + i }, types));
    gc();
    retained = (process.memoryUsage().heapUsed - before) / kept.length / 1024 / 1024;
  }
  const t = summarize(times.slice(2));
  return [
    {
      metric: 'schema build, 200 objects × 30 fields, p50 (ms)',
      value: t.p50.toFixed(1),
      target: '≤ 200 ms',
      verdict: t.p50 <= 200 ? 'meets' : 'misses',
    },
    {
      metric: 'memory retained per schema revision (MB)',
      value: Number.isNaN(retained) ? 'run with --expose-gc' : retained.toFixed(2),
      target: '≤ 5 MB',
      verdict: Number.isNaN(retained) ? 'info' : retained <= 5 ? 'meets' : 'misses',
    },
  ];
}

function timeSync(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function serve(script: string, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const port = env.PORT!;
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      const up = await fetch(`http://127.0.0.1:${port}/${script.endsWith('main.js') ? 'healthz' : 'deals'}`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) resolve(child);
      else if (Date.now() > deadline) reject(new Error(`${script} did not start`));
      else setTimeout(poll, 200);
    };
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    void poll();
  });
}

async function cannon(options: {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}): Promise<number> {
  const result = await autocannon({ ...options, connections: 50, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0)
    console.warn(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
