/**
 * Issue 6's figures: the studio's first load on localhost with a cold cache, and its bundle split by route.
 * Starts the built server (embedded database in a temporary directory, sales-crm seed) and drives Debian's
 * chromium; every sample is a fresh browser context, so nothing is cached. Prints figures and, per route, where
 * the time went (load-timeline.ts); asserts nothing.
 *
 *   npm run build && npm run -w bench studio   # or STRATUM_STUDIO_DIR=<a build of one's own>
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { breakdown, recordTimeline, waterfall, type LoadTimeline } from './load-timeline';
import { printFigures, summarize, type Figure } from './stats';
import { signIn } from './sign-in';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 7);
const PORT = process.env.BENCH_PORT ?? '4602';
// The build the server serves (server/src/http/studio.ts reads the same variable): the sizes are of that build.
const STUDIO = path.resolve(process.env.STRATUM_STUDIO_DIR ?? path.join(__dirname, '../../studio/dist'));
const BASE = `http://127.0.0.1:${PORT}`;
const EMAIL = 'bench@studio.local';
const PASSWORD = 'bench-studio-password';

/** The routes a first visit loads, with what shows that the page is ready. */
const ROUTES: { path: string; ready: string }[] = [
  { path: '/objects', ready: 'table' },
  { path: '/objects/deal', ready: 'table' },
  { path: '/pipelines', ready: 'main h2' },
  { path: '/forms/deal', ready: 'main h2' },
  { path: '/workflows', ready: 'table' },
  { path: '/workflows/proposalFollowUp', ready: '.react-flow__node' },
  { path: '/roles', ready: 'table' },
  { path: '/roles/manager', ready: 'table' },
  { path: '/people', ready: 'main h2' },
  { path: '/history', ready: 'main h2' },
  { path: '/manifest', ready: 'main h2' },
  // The workspace (issue 7): a list, a board, a record page.
  { path: '/home', ready: 'main h2' },
  { path: '/o/deal', ready: 'table tbody tr' },
  { path: '/o/deal/board', ready: 'main h2' },
];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

function sizes(files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(STUDIO, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The files a chunk pulls in (itself, its static imports, their CSS), transitively. */
function closure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, seen);
  return seen;
}

/** Bundle size of the entry (what every first load downloads) and, per route chunk, what a first visit adds. */
function bundleFigures(): Figure[] {
  const file = path.join(STUDIO, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the studio (npm run -w studio build)`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const entry = closure(manifest, entryKey);
  const entrySize = sizes(entry);
  const figures: Figure[] = [
    {
      metric: 'bundle: entry (every first load)',
      value: `${kb(entrySize.raw)} / ${kb(entrySize.gzip)} gz`,
      target: 'info',
      verdict: 'info',
    },
  ];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry || !chunk.src?.endsWith('Page.tsx')) continue;
    const added = [...closure(manifest, key)].filter((f) => !entry.has(f));
    const size = sizes(added);
    figures.push({
      metric: `bundle: + ${path.basename(chunk.src, '.tsx')}`,
      value: `${kb(size.raw)} / ${kb(size.gzip)} gz`,
      target: 'info',
      verdict: 'info',
    });
  }
  const total = [...new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]))];
  const all = sizes(total.filter((f) => existsSync(path.join(STUDIO, f)) && statSync(path.join(STUDIO, f)).isFile()));
  figures.push({
    metric: 'bundle: everything',
    value: `${kb(all.raw)} / ${kb(all.gzip)} gz`,
    target: 'info',
    verdict: 'info',
  });
  return figures;
}

function serve(dataDir: string): Promise<ChildProcess> {
  const script = path.resolve(__dirname, '../../server/dist/main.js');
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      env: {
        ...process.env,
        PORT,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        STRATUM_SEED: 'sales-crm',
        STRATUM_ADMIN_EMAIL: EMAIL,
        STRATUM_ADMIN_PASSWORD: PASSWORD,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const deadline = Date.now() + 120_000;
    const poll = async () => {
      const up = await fetch(`${BASE}/healthz`).then(
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

/** Each load's timeline, navigation to `ready` being visible, in a fresh context (cold cache) each time. */
async function coldLoads(browser: Browser, route: string, ready: string, session?: string): Promise<LoadTimeline[]> {
  const samples: LoadTimeline[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (session) await context.addInitScript(`localStorage.setItem('stratum.token', ${JSON.stringify(session)})`);
    const page = await context.newPage();
    const timeline = await recordTimeline(page);
    const start = performance.now();
    await page.goto(BASE + route);
    await page.locator(ready).first().waitFor({ state: 'visible', timeout: 30_000 });
    samples.push(await timeline.finish(performance.now() - start));
    await context.close();
  }
  return samples;
}

/** Where a route's first loads went (medians), and the last sample's requests in order. */
function printBreakdown(route: string, samples: readonly LoadTimeline[]): void {
  console.log(`${route}: ${breakdown(samples)}`);
  console.log(`  ${waterfall(samples[samples.length - 1]!)}`);
}

function loadFigure(metric: string, samples: readonly LoadTimeline[], target?: number): Figure {
  const { p50, p95 } = summarize(samples.map((s) => s.ms));
  return {
    metric,
    value: `${Math.round(p50)} ms p50, ${Math.round(p95)} ms p95`,
    target: target ? `≤ ${target} ms` : 'info',
    verdict: target ? (p95 <= target ? 'meets' : 'misses') : 'info',
  };
}

async function main() {
  const figures = bundleFigures();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'stratum-studio-bench-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    server = await serve(dataDir);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const loads: [string, LoadTimeline[]][] = [
      ['/ (sign-in form)', await coldLoads(browser, '/', 'input[name=email]')],
    ];
    figures.push(loadFigure('first load, cold: sign-in form', loads[0]![1], 1500));
    const session = await signIn(BASE, EMAIL, PASSWORD);
    for (const route of ROUTES) {
      const samples = await coldLoads(browser, route.path, route.ready, session);
      loads.push([route.path, samples]);
      figures.push(loadFigure(`first load, cold, signed in: ${route.path}`, samples, 1500));
    }
    console.log("\nWhere the time went (medians, ms from the navigation), then the last sample's requests:\n");
    for (const [route, samples] of loads) printBreakdown(route, samples);
    printFigures(`Studio: first loads on localhost, cold cache, ${SAMPLES} samples each`, figures);
    const dir = path.resolve(__dirname, '../results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'studio.json'), JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
  } finally {
    await browser?.close();
    server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
