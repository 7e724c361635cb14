import { mergeTimeline, type TimelineEntry } from './timeline-entries';

/**
 * The timeline's sources (field history, notes, tasks, workflow runs) are each read a keyset page at a time,
 * newest first, and merged into one list by time. No pages, no React here: what is loaded, what can be shown,
 * and which source to read next.
 *
 * Terminology: a source's *cursor* is what the API wants for its next older page (null: nothing older); the
 * *horizon* is the time above which every source is complete: the newest of the oldest loaded times of the
 * sources that have more. Entries at or below it are held back, since an older page of another source could
 * still bring entries between them: the list shown only ever grows at its end, so it stays in time order.
 */

/** One page of a source as read from the API, newest first. */
export interface Page {
  readonly entries: readonly TimelineEntry[];
  readonly cursor: string | null;
}

/** A source as loaded so far: its pages concatenated. */
export type Loaded = Page;

const time = (entry: TimelineEntry): number => Date.parse(entry.at);

/** The horizon, or null when every source is complete (everything loaded can be shown). */
export function horizon(sources: readonly Loaded[]): number | null {
  let result: number | null = null;
  for (const source of sources) {
    if (source.cursor === null) continue;
    const oldest = source.entries.at(-1);
    const at = oldest ? time(oldest) : Infinity;
    if (result === null || at > result) result = at;
  }
  return result;
}

/** What the timeline shows: every loaded entry above the horizon, newest first, and whether there is more. */
export function visibleTimeline(sources: readonly Loaded[]): { entries: TimelineEntry[]; hasOlder: boolean } {
  const limit = horizon(sources);
  const merged = mergeTimeline(...sources.map((s) => s.entries));
  return {
    entries: limit === null ? merged : merged.filter((e) => time(e) > limit),
    hasOlder: limit !== null,
  };
}

/** The sources whose next page moves the horizon ("Show older" reads these): those at the horizon. */
export function sourcesToLoad(sources: readonly Loaded[]): number[] {
  const limit = horizon(sources);
  if (limit === null) return [];
  return sources.flatMap((s, i) => {
    if (s.cursor === null) return [];
    const oldest = s.entries.at(-1);
    return (oldest ? time(oldest) : Infinity) === limit ? [i] : [];
  });
}

/** A source with its next older page after what it had (an entry read twice is kept once). */
export function appendPage(source: Loaded, page: Page): Loaded {
  const known = new Set(source.entries.map((e) => e.key));
  return { entries: [...source.entries, ...page.entries.filter((e) => !known.has(e.key))], cursor: page.cursor };
}

/**
 * A source after its newest page was read again (the record changed): the fresh page, then the older pages
 * already loaded below where it ends. When the fresh page does not reach them (more than a page of new
 * entries meanwhile), the older ones are dropped: the source starts again from the fresh page.
 */
export function refreshNewest(source: Loaded, fresh: Page): Loaded {
  const last = fresh.entries.at(-1);
  if (fresh.cursor === null || !last) return fresh;
  const at = source.entries.findIndex((e) => e.key === last.key);
  if (at < 0) return fresh;
  return { entries: [...fresh.entries, ...source.entries.slice(at + 1)], cursor: source.cursor };
}
