/**
 * Where a first load's time goes: the requests a page made (document, code chunks, GraphQL operations) with
 * their start and end in ms from the navigation, and the main thread's busy time as chromium counts it.
 *
 * Terminology: a *chunk* is a `.js` or `.css` file of the studio build; the *GraphQL depth* is the length of
 * the longest chain of GraphQL requests where each starts only after the previous one ended (a waterfall).
 */
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { summarize } from './stats';

export interface Fetched {
  readonly kind: 'document' | 'chunk' | 'graphql' | 'other';
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Chromium's main-thread totals at the moment the page was ready, in ms. */
export interface MainThread {
  readonly script: number;
  readonly styleAndLayout: number;
  readonly task: number;
}

export interface LoadTimeline {
  readonly ms: number;
  readonly requests: readonly Fetched[];
  readonly mainThread: MainThread;
}

/** What a request was: the page, a chunk of the studio's code, a GraphQL operation (by its name) or something else. */
export function describeRequest(request: Request): Pick<Fetched, 'kind' | 'name'> {
  const url = new URL(request.url());
  if (request.resourceType() === 'document') return { kind: 'document', name: url.pathname };
  if (url.pathname === '/graphql') {
    const body = request.postData() ?? '';
    const name = /"operationName":"(\w+)"/.exec(body)?.[1] ?? /(?:query|mutation)\s+(\w+)/.exec(body)?.[1] ?? '?';
    return { kind: 'graphql', name };
  }
  if (/\.(js|css)$/.test(url.pathname)) return { kind: 'chunk', name: path.basename(url.pathname) };
  return { kind: 'other', name: url.pathname };
}

/**
 * Records a page's requests and main-thread time from now on; `finish(ms)` answers them as of the moment the
 * page was ready (`ms` after the navigation started). Call before `page.goto`.
 */
export async function recordTimeline(page: Page): Promise<{ finish(ms: number): Promise<LoadTimeline> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const requests: { request: Request; described: Pick<Fetched, 'kind' | 'name'> }[] = [];
  page.on('requestfinished', (request) => requests.push({ request, described: describeRequest(request) }));
  return {
    async finish(ms) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => 1000 * (metrics.find((m) => m.name === name)?.value ?? 0);
      // The browser reports finished requests a little late: let those of the load arrive.
      await page.waitForTimeout(200);
      const origin = requests.find((r) => r.described.kind === 'document')?.request.timing().startTime ?? 0;
      const fetched = requests
        .map(({ request, described }) => {
          const timing = request.timing();
          const start = timing.startTime - origin;
          return { ...described, start, end: start + Math.max(0, timing.responseEnd) };
        })
        .filter((r) => r.start < ms)
        .sort((a, b) => a.start - b.start);
      return {
        ms,
        requests: fetched,
        mainThread: {
          script: metric('ScriptDuration'),
          styleAndLayout: metric('RecalcStyleDuration') + metric('LayoutDuration'),
          task: metric('TaskDuration'),
        },
      };
    },
  };
}

function graphqlDepth(requests: readonly Fetched[]): number {
  const graphql = requests.filter((r) => r.kind === 'graphql');
  const depth = new Map<Fetched, number>();
  for (const r of graphql) {
    const before = graphql.filter((p) => p.end <= r.start).map((p) => depth.get(p) ?? 1);
    depth.set(r, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
}

/** The medians of a route's samples, as one line: when the code was there, GraphQL, main-thread time. */
export function breakdown(samples: readonly LoadTimeline[]): string {
  const median = (pick: (t: LoadTimeline) => number) => Math.round(summarize(samples.map(pick)).p50);
  const of = (t: LoadTimeline, kind: Fetched['kind']) => t.requests.filter((r) => r.kind === kind);
  const lastEnd = (rs: readonly Fetched[]) => Math.max(0, ...rs.map((r) => r.end));
  const firstStart = (rs: readonly Fetched[]) => (rs.length ? Math.min(...rs.map((r) => r.start)) : 0);
  return [
    `chunks ${median((t) => of(t, 'chunk').length)} (last done at ${median((t) => lastEnd(of(t, 'chunk')))})`,
    `graphql ${median((t) => of(t, 'graphql').length)}, depth ${median((t) => graphqlDepth(t.requests))}` +
      ` (${median((t) => firstStart(of(t, 'graphql')))}→${median((t) => lastEnd(of(t, 'graphql')))})`,
    `main thread: script ${median((t) => t.mainThread.script)}, style+layout ${median((t) => t.mainThread.styleAndLayout)}` +
      `, all tasks ${median((t) => t.mainThread.task)}`,
  ].join('; ');
}

/** One sample's requests in order, `name start→end` (ms from the navigation): the waterfall to read. */
export function waterfall(timeline: LoadTimeline): string {
  return timeline.requests.map((r) => `${r.name} ${Math.round(r.start)}→${Math.round(r.end)}`).join(', ');
}
