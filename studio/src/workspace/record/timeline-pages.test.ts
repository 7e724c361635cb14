import type { TimelineEntry } from './timeline-entries';
import { appendPage, horizon, refreshNewest, sourcesToLoad, visibleTimeline, type Loaded } from './timeline-pages';

/**
 * The timeline's paging: what is shown of sources loaded to different depths (only what no older page can come
 * between), which source "Show older" reads, and how a page read again joins the pages already there.
 */
const entry = (key: string, minute: number): TimelineEntry => ({
  kind: 'history',
  key,
  at: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(),
  who: null,
  field: 'name',
  oldValue: null,
  newValue: key,
});
const keys = (entries: readonly TimelineEntry[]) => entries.map((e) => e.key);

test('a complete source shows everything; sources with more hold back what is below the horizon', () => {
  const history: Loaded = { entries: [entry('h50', 50), entry('h40', 40), entry('h30', 30)], cursor: 'c-h30' };
  const runs: Loaded = { entries: [entry('r45', 45), entry('r20', 20)], cursor: null };
  expect(horizon([runs])).toBeNull();
  expect(visibleTimeline([runs])).toEqual({ entries: [runs.entries[0], runs.entries[1]], hasOlder: false });

  // History has more below 10:30: the run of 10:20 waits, an older history page could come before it.
  expect(horizon([history, runs])).toBe(Date.parse(history.entries[2]!.at));
  const shown = visibleTimeline([history, runs]);
  expect(keys(shown.entries)).toEqual(['h50', 'r45', 'h40']);
  expect(shown.hasOlder).toBe(true);
  expect(sourcesToLoad([history, runs])).toEqual([0]);
});

test('"Show older" reads the source at the horizon, and the list only grows at its end', () => {
  let history: Loaded = { entries: [entry('h50', 50), entry('h30', 30)], cursor: 'c1' };
  let notes: Loaded = { entries: [entry('n45', 45), entry('n35', 35)], cursor: 'n1' };
  const before = keys(visibleTimeline([history, notes]).entries);
  expect(before).toEqual(['h50', 'n45']);
  expect(sourcesToLoad([history, notes])).toEqual([1]);

  notes = appendPage(notes, { entries: [entry('n35', 35), entry('n10', 10)], cursor: null });
  expect(keys(notes.entries)).toEqual(['n45', 'n35', 'n10']);
  const after = keys(visibleTimeline([history, notes]).entries);
  expect(after.slice(0, before.length)).toEqual(before);
  expect(after).toEqual(['h50', 'n45', 'n35']);
  expect(sourcesToLoad([history, notes])).toEqual([0]);

  history = appendPage(history, { entries: [entry('h20', 20)], cursor: null });
  expect(visibleTimeline([history, notes])).toMatchObject({ hasOlder: false });
  expect(keys(visibleTimeline([history, notes]).entries)).toEqual(['h50', 'n45', 'n35', 'h30', 'h20', 'n10']);
});

test('a newest page read again keeps the older pages below it, unless it does not reach them', () => {
  const loaded: Loaded = { entries: [entry('a', 50), entry('b', 40), entry('c', 30), entry('d', 20)], cursor: 'c-d' };
  const fresh = refreshNewest(loaded, { entries: [entry('new', 55), entry('a', 50)], cursor: 'c-a' });
  expect(keys(fresh.entries)).toEqual(['new', 'a', 'b', 'c', 'd']);
  expect(fresh.cursor).toBe('c-d');

  const gap = refreshNewest(loaded, { entries: [entry('x', 59), entry('y', 58)], cursor: 'c-y' });
  expect(gap).toEqual({ entries: [entry('x', 59), entry('y', 58)], cursor: 'c-y' });

  const whole = refreshNewest(loaded, { entries: [entry('new', 55)], cursor: null });
  expect(keys(whole.entries)).toEqual(['new']);
});
