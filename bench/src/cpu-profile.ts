import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** A CDP session of a page (playwright's type, which the bench cannot name otherwise). */
export type CdpSession = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Starts sampling the page's JavaScript (every 200 µs), for `printProfile`. */
export async function startProfile(page: Page): Promise<CdpSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return session;
}

/**
 * Stops the profile and prints the functions with the most self time (samples), as `name (file:line)`; build
 * the studio with `--minify false` to read their names.
 */
export async function printProfile(session: CdpSession, title: string, top = 25): Promise<void> {
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
  // BENCH_PROFILE_FILE: the whole profile, for chromium's DevTools (Performance → Load profile).
  if (process.env.BENCH_PROFILE_FILE) writeFileSync(process.env.BENCH_PROFILE_FILE, JSON.stringify(profile));
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} (${url.split('/').pop() ?? ''}:${lineNumber + 1})`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
    total += node.hitCount ?? 0;
  }
  console.log(`\n${title}: self time by function`);
  for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((hits / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}
