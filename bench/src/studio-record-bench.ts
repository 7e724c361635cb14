/**
 * "Opening a record page ≤ 300 ms on localhost": a server on the PostgreSQL server with the sales-crm example,
 * a real chromium (playwright-core, Debian's /usr/bin/chromium, headless as the browser tests run it) signed
 * in with a fresh cache, the deal list open; then BENCH_ITERATIONS (12) different deals opened one after the
 * other from the list, the way a link or a row's click does (a client-side navigation, as
 * test/browser/steps/record.ts `openRecord` does), each until the form shows the deal's name. The first open
 * pays for the record page's code; the later ones show the steady cost. For each open it splits the time
 * into chunk downloads, GraphQL requests (count and time) and the rest (rendering, script), and times it also
 * until the whole page (timeline, related lists) has shown. Prints the figures and writes
 * bench/results/studio-record.json; asserts nothing. `BENCH_PROFILE=1` prints the functions with the most
 * self time during the first open.
 *
 *   npx tsc -b && (cd studio && npx vite build)   # or STRATUM_STUDIO_DIR=<a build of one's own>
 *   npm run -w bench studio-record
 */
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { printProfile, startProfile } from './cpu-profile';
import { describeRequest, type Fetched } from './load-timeline';
import { startStudioSession } from './studio-session';
import { printFigures, summarize, type Figure } from './stats';

/** Records opened: the first open, then the later ones (each a different deal). */
const OPENS = Number(process.env.BENCH_ITERATIONS ?? 12);
/** How long the list stays on screen before a record is opened: a person reads it before clicking. */
const DWELL_MS = Number(process.env.BENCH_DWELL_MS ?? 1_000);

/** One request the page made while a record opened, in ms from the navigation. */

interface Open {
  readonly ms: number;
  /** Until the whole page showed (PAGE_COMPLETE). */
  readonly wholeMs: number;
  readonly requests: readonly Fetched[];
}

/** The milliseconds covered by a set of intervals (overlaps counted once). */
function covered(intervals: readonly { start: number; end: number }[]): number {
  let total = 0;
  let reach = -Infinity;
  for (const { start, end } of [...intervals].sort((a, b) => a.start - b.start)) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/**
 * Navigates to `to` inside the app (pushState + popstate: no reload) and answers the milliseconds until
 * `ready` (a CSS selector) matches, measured in the page from the navigation to the frame that shows it, and
 * (with `complete`, a script expression) until `complete` is also true.
 */
async function navigate(page: Page, to: string, ready: string, complete = 'true'): Promise<[number, number]> {
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const started = performance.now();
    const deadline = started + 20000;
    let readyAt = null;
    history.pushState(null, '', ${JSON.stringify(to)});
    dispatchEvent(new PopStateEvent('popstate'));
    const check = () => {
      if (readyAt === null && document.querySelector(${JSON.stringify(ready)})) readyAt = performance.now() - started;
      if (readyAt !== null && (${complete})) resolve([readyAt, performance.now() - started]);
      else if (performance.now() > deadline) reject(new Error('not ready: ' + ${JSON.stringify(ready)}));
      else requestAnimationFrame(check);
    };
    check();
  })`)) as [number, number];
}

/**
 * The record page shown whole: its timeline and its related lists are there, neither still loading. (The
 * titles of relations named in the timeline's history may follow.)
 */
const PAGE_COMPLETE = `['timeline-title', 'related-title'].every((id) => {
  const part = document.querySelector('section[aria-labelledby=' + id + ']');
  return part !== null && part.querySelector('.mantine-Loader-root') === null;
})`;

/** Opens one deal and records the requests made until its form showed it. */
async function openDeal(page: Page, deal: { id: string; name: string }): Promise<Open> {
  const requests: Fetched[] = [];
  const started = Date.now();
  const onFinished = (request: Request) => {
    const timing = request.timing();
    const start = timing.startTime - started;
    requests.push({ ...describeRequest(request), start, end: start + Math.max(0, timing.responseEnd) });
  };
  page.on('requestfinished', onFinished);
  // The form's title input, as `openRecord` waits for it: the record's name in the generated form.
  const ready = `section[aria-labelledby=record-form-title] input[id^="record"][value=${JSON.stringify(deal.name)}]`;
  const [ms, wholeMs] = await navigate(page, `/o/deal/${deal.id}`, ready, PAGE_COMPLETE);
  // The browser reports finished requests with a delay: wait for those of the open. The requests started
  // after the form showed (the timeline's, the related lists') are not part of the open, and the time of
  // those in flight when it showed counts up to then.
  await page.waitForTimeout(300);
  page.off('requestfinished', onFinished);
  return { ms, wholeMs, requests: requests.filter((r) => r.start < ms) };
}

interface Split {
  readonly chunks: number;
  readonly chunkMs: number;
  readonly graphql: number;
  readonly graphqlMs: number;
  readonly otherMs: number;
  readonly names: string;
}

/**
 * Where an open's time went: chunk downloads and GraphQL requests as the time they cover up to the form
 * (overlaps once), the rest as rendering and script (the time no request of the open was in flight).
 */
function split(open: Open): Split {
  const clip = (kind: Fetched['kind']) =>
    open.requests.filter((r) => r.kind === kind).map((r) => ({ start: r.start, end: Math.min(r.end, open.ms) }));
  const chunks = clip('chunk');
  const graphql = clip('graphql');
  const network = covered([...chunks, ...graphql, ...clip('other')]);
  return {
    chunks: chunks.length,
    chunkMs: covered(chunks),
    graphql: graphql.length,
    graphqlMs: covered(graphql),
    otherMs: Math.max(0, open.ms - network),
    names: open.requests
      .filter((r) => r.kind === 'graphql')
      .map((r) => `${r.name} ${Math.round(r.start)}→${Math.round(r.end)}`)
      .join(', '),
  };
}

const info = (metric: string, value: string): Figure => ({ metric, value, target: '-', verdict: 'info' });

function splitFigures(label: string, splits: readonly Split[]): Figure[] {
  const median = (pick: (s: Split) => number) => summarize(splits.map(pick)).p50;
  return [
    info(
      `${label}: chunks downloaded (count, ms)`,
      `${median((s) => s.chunks)}, ${median((s) => s.chunkMs).toFixed(0)} ms`,
    ),
    info(
      `${label}: GraphQL requests (count, ms in flight)`,
      `${median((s) => s.graphql)}, ${median((s) => s.graphqlMs).toFixed(0)} ms`,
    ),
    info(`${label}: render and script (no request in flight)`, `${median((s) => s.otherMs).toFixed(0)} ms`),
  ];
}

async function main(): Promise<void> {
  const session = await startStudioSession('sales-crm');
  const { server, browser, token, email, password } = session;
  const figures: Figure[] = [];
  try {
    const listed = (await (
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query($n: Int) { deals(first: $n, orderBy: [{ field: name, direction: ASC }]) { edges { node { id name } } } }`,
          variables: { n: OPENS },
        }),
      })
    ).json()) as { data: { deals: { edges: { node: { id: string; name: string } }[] } } };
    const deals = listed.data.deals.edges.map((e) => e.node);
    if (deals.length < OPENS) throw new Error(`the seed has ${deals.length} deals, fewer than ${OPENS}`);

    // A fresh context: nothing of the studio cached but what signing in and the list loaded.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(password);
    await page.locator('input[name=password]').press('Enter');
    await page.getByRole('table', { name: 'Objects' }).waitFor();

    const opens: Open[] = [];
    const listMs: number[] = [];
    for (const [i, deal] of deals.entries()) {
      listMs.push((await navigate(page, '/o/deal', '[data-testid=list-scroller] tr[data-index]'))[0]);
      await page.waitForTimeout(DWELL_MS);
      // BENCH_PROFILE=1: where the first open's script time goes.
      const profiler = process.env.BENCH_PROFILE && i === 0 ? await startProfile(page) : null;
      opens.push(await openDeal(page, deal));
      if (profiler) await printProfile(profiler, 'CPU profile of the first open');
    }
    const [first, ...later] = opens;
    const laterMs = summarize(later.map((o) => o.ms));
    figures.push(
      {
        metric: 'first open (navigation → form with the record)',
        value: `${first!.ms.toFixed(0)} ms`,
        target: '≤ 300 ms',
        verdict: first!.ms <= 300 ? 'meets' : 'misses',
      },
      ...splitFigures('first open', [split(first!)]),
      {
        metric: `later opens (${later.length} other deals) p50 / p95`,
        value: `${laterMs.p50.toFixed(0)} / ${laterMs.p95.toFixed(0)} ms`,
        target: '≤ 300 ms',
        verdict: laterMs.p95 <= 300 ? 'meets' : 'misses',
      },
      ...splitFigures('later opens (medians)', later.map(split)),
      info('first open: whole page (timeline, related lists)', `${first!.wholeMs.toFixed(0)} ms`),
      info(
        'later opens: whole page p50 / p95',
        `${summarize(later.map((o) => o.wholeMs)).p50.toFixed(0)} / ${summarize(later.map((o) => o.wholeMs)).p95.toFixed(0)} ms`,
      ),
      info(
        'deal list shown again before each open p50 (ms)',
        `${summarize(listMs.slice(1)).p50.toFixed(0)} ms, then ${DWELL_MS} ms on it`,
      ),
      info('machine: cores, load average (1 min) after', `${cpus().length}, ${loadavg()[0]!.toFixed(1)}`),
    );
    printFigures(`Studio: opening ${OPENS} deal records from the deal list (headless chromium, sales-crm)`, figures);
    // Which operations an open waits for, and when (ms from the navigation): what to parallelise or drop.
    console.log(`\nfirst open, GraphQL (start→end ms): ${split(first!).names || '-'}`);
    console.log(`last open, GraphQL (start→end ms): ${split(later[later.length - 1]!).names || '-'}`);
    const dir = path.resolve(__dirname, '../results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'studio-record.json'),
      JSON.stringify(
        {
          at: new Date().toISOString(),
          figures,
          opens: opens.map((o) => ({ ms: o.ms, wholeMs: o.wholeMs, ...split(o) })),
        },
        null,
        2,
      ),
    );
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
