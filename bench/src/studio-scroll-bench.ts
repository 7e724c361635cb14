/**
 * "A list of 10,000 loaded records scrolls at 60 fps": a list page (`/o/benchItem`, 8 columns) in a real
 * chromium (playwright-core, Debian's /usr/bin/chromium, headless as the browser tests run it) after all
 * 10,000 records are loaded into it by scrolling to the bottom page after page; then ~5 s each of a steady
 * scroll (100 rows a second), a fast one (600 rows a second) and a fling through the whole list and back
 * (4,000 rows a second, as fast as dragging the scrollbar: the worst case), moving `scrollTop` once per
 * animation frame, while the page records every frame's time (requestAnimationFrame) and long tasks
 * (PerformanceObserver). Prints the figures and writes bench/results/studio-scroll.json; asserts nothing.
 *
 *   npx tsc -b && (cd studio && npx vite build)   # or STRATUM_STUDIO_DIR=<a build of one's own>
 *   npm run -w bench studio-scroll
 */
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { printProfile, startProfile, type CdpSession } from './cpu-profile';
import { startStudioSession } from './studio-session';
import { percentile, printFigures, type Figure } from './stats';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const SCROLL_MS = Number(process.env.BENCH_SCROLL_MS ?? 5_000);
const BATCH = 1_000;
/** The steady scroll's speed: about a hundred 40 px rows a second. */
const SPEED = Number(process.env.BENCH_SCROLL_SPEED ?? 4_000);
/** The fast scroll's speed: a hard trackpad flick, ten rows a frame (600 a second). */
const FAST_SPEED = Number(process.env.BENCH_FAST_SCROLL_SPEED ?? 24_000);

/** One object with eight fields of the common kinds, so every cell type the list draws is in the rows. */
const MANIFEST = {
  objects: [
    {
      name: 'benchItem',
      pluralName: 'benchItems',
      label: 'Bench item',
      titleField: 'name',
      fields: [
        { name: 'name', type: 'text', required: true },
        {
          name: 'status',
          type: 'select',
          options: [
            { value: 'new', color: '#3b82f6' },
            { value: 'active', color: '#30a46c' },
            { value: 'paused', color: '#f59e0b' },
            { value: 'closed', color: '#8b8d98' },
          ],
        },
        { name: 'amount', type: 'currency', currency: 'USD' },
        { name: 'quantity', type: 'number', precision: 0 },
        { name: 'dueOn', type: 'date' },
        { name: 'email', type: 'email' },
        { name: 'active', type: 'boolean' },
        { name: 'score', type: 'rating' },
      ],
    },
  ],
};

const STATUSES = ['new', 'active', 'paused', 'closed'];

function item(i: number): Record<string, unknown> {
  return {
    name: `Item ${String(i).padStart(5, '0')} of the scroll bench`,
    status: STATUSES[i % 4],
    amount: { amount: (i * 37.5) % 100_000, currency: 'USD' },
    quantity: i % 250,
    dueOn: new Date(Date.UTC(2026, 0, 1 + (i % 365))).toISOString().slice(0, 10),
    email: `person${i}@example.com`,
    active: i % 3 !== 0,
    score: 1 + (i % 5),
  };
}

async function gql(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: unknown; errors?: unknown };
  if (answer.errors) throw new Error(JSON.stringify(answer.errors).slice(0, 2000));
  return answer.data;
}

/** Scrolls the list to its end until every record is loaded (the table's rows say which index is last). */
async function loadAll(page: Page): Promise<{ loaded: number; ms: number }> {
  const start = Date.now();
  for (let rounds = 0; rounds < ROWS; rounds++) {
    const loaded = (await page.evaluate(`(async () => {
      const el = document.querySelector('[data-testid=list-scroller]');
      el.scrollTop = el.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
      const indexes = [...el.querySelectorAll('tr[data-index]')].map((tr) => Number(tr.getAttribute('data-index')));
      return indexes.length ? Math.max(...indexes) + 1 : 0;
    })()`)) as number;
    if (loaded >= ROWS) return { loaded, ms: Date.now() - start };
  }
  throw new Error('the list did not load every record');
}

interface ScrollResult {
  readonly frames: number[];
  readonly longTasks: number[];
  readonly domRows: number;
  readonly maxDomRows: number;
  /** Rows put into the table during the scroll: the rendering work, however fast the machine is. */
  readonly rowsAdded: number;
}

/**
 * A scroll for SCROLL_MS, moving `scrollTop` once per animation frame: `steady` by `speed` / 60 px a frame
 * down from the top (SPEED px/s at 60 fps: a brisk wheel scroll, a row or two a frame; FAST_SPEED: a hard
 * flick, ten rows a frame; however slowly the machine draws), `fling` along a triangle wave in time from
 * the top to the bottom and back (each frame lands on rows never drawn before: the worst case). Runs in
 * the page (a string: the bench compiles without the DOM's types).
 */
async function scrollThrough(page: Page, mode: 'steady' | 'fling', speed = SPEED): Promise<ScrollResult> {
  return (await page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector('[data-testid=list-scroller]');
    const durationMs = ${SCROLL_MS};
    const fling = ${mode === 'fling'};
    const longTasks = [];
    let observer;
    try {
      observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
    } catch {
      observer = undefined;
    }
    let rowsAdded = 0;
    const added = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((node) => {
      if (node.nodeType === 1 && node.hasAttribute('data-index')) rowsAdded++;
    })));
    el.scrollTop = 0;
    const range = el.scrollHeight - el.clientHeight;
    const frames = [];
    let maxDomRows = 0;
    let first;
    let previous;
    const rowsNow = () => el.querySelectorAll('tr[data-index]').length;
    const step = (now) => {
      if (previous !== undefined) frames.push(now - previous);
      previous = now;
      if (first === undefined) {
        // Rows are counted from the first frame on (the jump to the top before it is not part of the scroll).
        first = now;
        added.observe(el.querySelector('tbody'), { childList: true });
      }
      const t = (now - first) / durationMs;
      maxDomRows = Math.max(maxDomRows, rowsNow());
      if (t >= 1) {
        observer?.disconnect();
        added.disconnect();
        resolve({ frames, longTasks, domRows: rowsNow(), maxDomRows, rowsAdded });
        return;
      }
      el.scrollTop = fling ? range * (t < 0.5 ? t * 2 : 2 - t * 2) : Math.min(range, frames.length * ${speed / 60});
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })`)) as ScrollResult;
}

/** Chromium's counters of the page's renderer (CDP `Performance.getMetrics`), in seconds. */
async function rendererMetrics(session: CdpSession): Promise<Record<string, number>> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/**
 * A measured scroll with the CPU time it cost: `ThreadTime` is the renderer main thread's CPU time and
 * `ProcessTime` the whole renderer's, so their figures per frame hold however busy the machine is (the
 * wall-clock frame times do not: on a loaded machine the page waits for a core).
 */
async function measuredScroll(page: Page, session: CdpSession, mode: 'steady' | 'fling', speed = SPEED) {
  const before = await rendererMetrics(session);
  const result = await scrollThrough(page, mode, speed);
  const after = await rendererMetrics(session);
  const perFrame = (name: string) => ((after[name]! - before[name]!) * 1000) / Math.max(1, result.frames.length);
  return {
    result,
    cpu: {
      mainThread: perFrame('ThreadTime'),
      process: perFrame('ProcessTime'),
      script: perFrame('ScriptDuration'),
      layout: perFrame('LayoutDuration'),
      style: perFrame('RecalcStyleDuration'),
    },
  };
}

function cpuFigures(label: string, cpu: Awaited<ReturnType<typeof measuredScroll>>['cpu']): Figure[] {
  return [
    {
      metric: `${label}CPU per frame: main thread / renderer`,
      value: `${cpu.mainThread.toFixed(1)} / ${cpu.process.toFixed(1)} ms`,
      // The main thread's work must fit in a 16.7 ms frame, with room for the compositor.
      target: '< 16.7 ms',
      verdict: cpu.mainThread < 16.7 ? 'meets' : 'misses',
    },
    {
      metric: `${label}per frame: script / layout / style (wall)`,
      value: `${cpu.script.toFixed(1)} / ${cpu.layout.toFixed(1)} / ${cpu.style.toFixed(1)} ms`,
      target: '-',
      verdict: 'info',
    },
  ];
}

function scrollFigures(label: string, result: ScrollResult): Figure[] {
  const sorted = [...result.frames].sort((a, b) => a - b);
  const total = result.frames.reduce((a, b) => a + b, 0);
  const fps = (result.frames.length / total) * 1000;
  const info = (metric: string, value: string): Figure => ({
    metric: `${label}${metric}`,
    value,
    target: '-',
    verdict: 'info',
  });
  return [
    info('frames', `${result.frames.length} in ${(total / 1000).toFixed(2)} s`),
    {
      metric: `${label}average fps`,
      value: fps.toFixed(1),
      target: '≥ 60 fps',
      // A 60 Hz frame clock gives a little under 60 on average even when no frame is late.
      verdict: fps >= 58 ? 'meets' : 'misses',
    },
    info(
      'frame time p50 / p95 / p99 / max',
      [50, 95, 99, 100].map((p) => `${percentile(sorted, p).toFixed(1)}`).join(' / ') + ' ms',
    ),
    info(
      'frames > 16.7 ms / > 33 ms',
      `${sorted.filter((f) => f > 16.7 * 1.1).length} / ${sorted.filter((f) => f > 33.4).length}`,
    ),
    info(
      'long tasks (> 50 ms)',
      result.longTasks.length
        ? `${result.longTasks.length}, longest ${Math.max(...result.longTasks).toFixed(0)} ms`
        : '0',
    ),
    info('DOM rows rendered (end / max)', `${result.domRows} / ${result.maxDomRows}`),
    info('rows added per frame', (result.rowsAdded / Math.max(1, result.frames.length)).toFixed(1)),
  ];
}

async function main(): Promise<void> {
  const session = await startStudioSession('none');
  const { server, browser, token, email, password } = session;
  const figures: Figure[] = [];
  try {
    await gql(server.url, token, 'mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }', { m: MANIFEST });
    const seedStart = Date.now();
    for (let from = 0; from < ROWS; from += BATCH) {
      const data = Array.from({ length: Math.min(BATCH, ROWS - from) }, (_, i) => item(from + i));
      await gql(server.url, token, 'mutation($d: [BenchItemCreateInput!]!) { createBenchItems(data: $d) { id } }', {
        d: data,
      });
    }
    figures.push({
      metric: `seed ${ROWS} records (createMany, ${BATCH} a request)`,
      value: `${Date.now() - seedStart} ms`,
      target: '-',
      verdict: 'info',
    });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(password);
    await page.locator('input[name=password]').press('Enter');
    await page.getByRole('table', { name: 'Objects' }).waitFor();
    await page.evaluate(`history.pushState({}, '', '/o/benchItem'); dispatchEvent(new PopStateEvent('popstate'))`);
    await page.getByTestId('list-scroller').locator('tr[data-index]').first().waitFor();
    const total = await page.getByTestId('total-count').textContent();
    const { loaded, ms } = await loadAll(page);
    figures.push({
      metric: 'rows loaded (by scrolling to the end)',
      value: `${loaded} (${total ?? '?'}), ${ms} ms`,
      target: `${ROWS}`,
      verdict: loaded >= ROWS ? 'meets' : 'misses',
    });
    const columns = await page.getByTestId('list-scroller').locator('thead th').count();
    figures.push({ metric: 'columns', value: `${columns - 1} + the selection column`, target: '-', verdict: 'info' });

    // A first pass warms up (JIT, fonts, style caches); the next ones are the figures.
    await scrollThrough(page, 'steady');
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    // BENCH_PROFILE=1 profiles the steady scroll, BENCH_PROFILE=fling the fling.
    const profiled = process.env.BENCH_PROFILE === 'fling' ? 'fling' : process.env.BENCH_PROFILE ? 'steady' : null;
    let profiler = profiled === 'steady' ? await startProfile(page) : null;
    const steady = await measuredScroll(page, session, 'steady');
    if (profiler) await printProfile(profiler, 'CPU profile of the measured scroll');
    figures.push(
      ...scrollFigures(`steady ${Math.round(SPEED / 60)} px a frame: `, steady.result),
      ...cpuFigures('steady: ', steady.cpu),
    );
    const fast = await measuredScroll(page, session, 'steady', FAST_SPEED);
    figures.push(
      ...scrollFigures(`fast ${Math.round(FAST_SPEED / 60)} px a frame: `, fast.result),
      ...cpuFigures('fast: ', fast.cpu),
    );
    profiler = profiled === 'fling' ? await startProfile(page) : null;
    const fling = await measuredScroll(page, session, 'fling');
    if (profiler) await printProfile(profiler, 'CPU profile of the measured scroll');
    figures.push(...scrollFigures('fling top→bottom→top: ', fling.result), ...cpuFigures('fling: ', fling.cpu));
    // BENCH_SCREENSHOT=<file.png>: how the list looks after the scrolls, to check that what is measured is the list.
    if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
    figures.push({
      metric: 'machine: cores, load average (1 min) after',
      value: `${cpus().length}, ${loadavg()[0]!.toFixed(1)}`,
      target: '-',
      verdict: 'info',
    });
    printFigures(
      `Studio: scrolling a list of ${ROWS} loaded records for ${SCROLL_MS / 1000} s (headless chromium)`,
      figures,
    );
    const dir = path.resolve(__dirname, '../results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'studio-scroll.json'),
      JSON.stringify({ at: new Date().toISOString(), figures }, null, 2),
    );
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
