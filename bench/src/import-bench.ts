/**
 * Issue 7's import figure: a BENCH_IMPORT_ROWS-row CSV (default 1,000,000 leads, 8 columns: text, email, phone,
 * select, number, currency, date, boolean) streamed to `POST /api/leads/import` of a real server process on the
 * PostgreSQL server, end to end (upload, parse, convert, check, write, commit), with the server's resident memory
 * sampled every 250 ms. Prints figures; asserts nothing.
 *
 *   npm run -w bench import
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { applyManifest, ensureWorkspace, openPostgres, type Db } from '@stratum/runtime';
import { createUser } from '@stratum/server';
import { dropWorkspace, types } from './deals-fixture';
import { printFigures, type Figure } from './stats';
import { signIn } from './sign-in';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Marks the server's connections, so that their CPU is told apart from other users of the database. */
const APPLICATION_NAME = 'stratum-import-bench';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const PORT = '4611';
const BOUNDARY = `----stratum-bench-${randomBytes(6).toString('hex')}`;

const manifest = {
  objects: [
    {
      name: 'lead',
      pluralName: 'leads',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'email', type: 'email' },
        { name: 'phone', type: 'phone' },
        { name: 'source', type: 'select', options: ['web', 'referral', 'event', 'cold'] },
        { name: 'score', type: 'number' },
        { name: 'budget', type: 'currency' },
        { name: 'firstContact', type: 'date' },
        { name: 'consent', type: 'boolean' },
      ],
    },
  ],
};

const columns = [
  { column: 'Name', field: 'title' },
  { column: 'E-mail', field: 'email' },
  { column: 'Phone', field: 'phone' },
  { column: 'Source', field: 'source' },
  { column: 'Score', field: 'score' },
  { column: 'Budget', field: 'budget', currency: 'USD' },
  { column: 'First contact', field: 'firstContact', dateOrder: 'MDY' },
  { column: 'Consent', field: 'consent' },
];

const SOURCES = ['Web', 'Referral', 'Event', 'Cold'];

/**
 * The multipart body, generated a batch at a time (never whole in memory) into a file before the clock starts:
 * a user uploads a file that exists, and generating it during the import would take CPU from the server's
 * two cores.
 */
async function* body(): AsyncGenerator<Buffer> {
  yield Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify({ columns })}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="leads.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      'Name,E-mail,Phone,Source,Score,Budget,First contact,Consent\n',
  );
  const batch = 10_000;
  for (let start = 0; start < ROWS; start += batch) {
    let text = '';
    for (let i = start; i < Math.min(ROWS, start + batch); i++) {
      text += `Lead ${i},lead${i}@example.com,+99532${String(i % 1_000_000).padStart(7, '0')},${SOURCES[i % 4]},${i % 100},${(i % 5000) + 0.5},${1 + (i % 12)}/${1 + (i % 28)}/2026,${i % 2 ? 'yes' : 'no'}\n`;
    }
    yield Buffer.from(text);
  }
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // the process ended
  }
}

/** The server's own database backends (its connections carry APPLICATION_NAME), by pid. */
async function serverBackends(db: Db): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
    APPLICATION_NAME,
  ]);
  return rows.map((r) => r.pid);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  const workspace = `bench_${randomBytes(3).toString('hex')}`;
  const db = openPostgres({ connectionString: DATABASE_URL, max: 2 });
  let server: ChildProcess | undefined;
  const upload = path.join(tmpdir(), `${workspace}-upload.multipart`);
  try {
    await pipeline(Readable.from(body()), createWriteStream(upload));
    await ensureWorkspace(db, workspace);
    await applyManifest(db, manifest, { workspace, types });
    const email = `${workspace}@bench.local`;
    const password = randomBytes(12).toString('hex');
    await createUser(db, workspace, { email, password, roles: ['admin'] });
    server = await serve({
      DATABASE_URL: `${DATABASE_URL}${DATABASE_URL.includes('?') ? '&' : '?'}application_name=${APPLICATION_NAME}`,
      STRATUM_WORKSPACE: workspace,
      STRATUM_SEED: 'none',
      PORT,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    });
    const token = await signIn(`http://127.0.0.1:${PORT}`, email, password);

    const memory: number[] = [rssMb(server.pid!)];
    const sampler = setInterval(() => memory.push(rssMb(server!.pid!)), 250);
    const serverCpuBefore = cpuSeconds(server.pid!);
    // The pool's connections live on after the request: the ones open at the end did the import's work.
    const backendsBefore = new Map((await serverBackends(db)).map((pid) => [pid, cpuSeconds(pid)]));
    const started = performance.now();
    let firstProgress = 0;
    const response = await fetch(`http://127.0.0.1:${PORT}/api/leads/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: Readable.toWeb(createReadStream(upload)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    let buffer = '';
    let last = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      firstProgress ||= performance.now() - started;
      const lines = (buffer + decoder.decode(chunk, { stream: true })).split('\n');
      buffer = lines.pop()!;
      last = lines.filter(Boolean).at(-1) ?? last;
    }
    last = buffer.trim() || last;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const serverCpu = cpuSeconds(server.pid!) - serverCpuBefore;
    let postgresSeconds = 0;
    for (const pid of await serverBackends(db)) postgresSeconds += cpuSeconds(pid) - (backendsBefore.get(pid) ?? 0);
    const result = JSON.parse(last) as { rowsWritten: number; rowsWithErrors: number; committed: boolean };
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "ws_${workspace}".lead`);
    const early = memory.slice(0, Math.max(2, Math.floor(memory.length / 4)));
    const figures: Figure[] = [
      {
        metric: 'rows in the file (its size)',
        value: `${ROWS.toLocaleString('en')} (${(statSync(upload).size / 1e6).toFixed(1)} MB)`,
        target: '1,000,000',
        verdict: 'info',
      },
      {
        metric: 'rows written (committed)',
        value: `${Number(rows[0]!.n).toLocaleString('en')} (${result.committed})`,
        target: 'all',
        verdict: Number(rows[0]!.n) === ROWS ? 'meets' : 'misses',
      },
      {
        metric: 'rows with errors',
        value: String(result.rowsWithErrors),
        target: '0',
        verdict: result.rowsWithErrors === 0 ? 'meets' : 'misses',
      },
      {
        metric: 'end to end',
        value: `${seconds.toFixed(1)} s`,
        target: '≤ 60 s',
        verdict: seconds <= 60 ? 'meets' : 'misses',
      },
      {
        metric: 'throughput',
        value: `${Math.round(ROWS / seconds).toLocaleString('en')} rows/s`,
        target: '',
        verdict: 'info',
      },
      {
        // Where the time goes: the server process (upload, parsing, conversion, checks) and the database.
        metric: 'CPU: server process / its PostgreSQL backends',
        value: `${serverCpu.toFixed(1)} s / ${postgresSeconds.toFixed(1)} s`,
        target: '',
        verdict: 'info',
      },
      { metric: 'first progress line after', value: `${Math.round(firstProgress)} ms`, target: '', verdict: 'info' },
      {
        metric: 'server RSS before / first quarter max / overall max',
        value: `${Math.round(memory[0]!)} / ${Math.round(Math.max(...early))} / ${Math.round(Math.max(...memory))} MB`,
        target: 'steady',
        verdict: 'info',
      },
    ];
    printFigures(`CSV import benchmark (${new Date().toISOString()})`, figures);
  } finally {
    rmSync(upload, { force: true });
    server?.kill('SIGTERM');
    // BENCH_KEEP=1 keeps the imported workspace, to look at its table and indexes afterwards.
    if (process.env.BENCH_KEEP === '1') console.log(`kept workspace ${workspace}`);
    else await dropWorkspace(db, workspace);
    await db.close();
  }
}

function serve(env: Record<string, string>): Promise<ChildProcess> {
  const script = path.resolve(__dirname, '../../server/dist/main.js');
  return new Promise((resolve, reject) => {
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (Node refuses it in NODE_OPTIONS).
    const execArgv = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = fork(script, [], {
      env: { ...process.env, ...env },
      execArgv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      const up = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) resolve(child);
      else if (Date.now() > deadline) reject(new Error('the server did not start'));
      else setTimeout(poll, 200);
    };
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    void poll();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
