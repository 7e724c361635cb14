import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CombinedError } from 'urql';
import type { TimelineEntry } from './timeline-entries';
import { appendPage, refreshNewest, sourcesToLoad, visibleTimeline, type Loaded } from './timeline-pages';
import type { TimelineSource } from './timeline-sources';

export interface TimelinePages {
  /** Newest first, in time order whatever was loaded (timeline-pages.ts). */
  readonly entries: readonly TimelineEntry[];
  /** The history entries loaded, shown or not (their related records' titles are looked up). */
  readonly loaded: readonly TimelineEntry[];
  readonly hasOlder: boolean;
  /** True until the first pages arrived. */
  readonly loading: boolean;
  /** True while "Show older" reads. */
  readonly loadingOlder: boolean;
  readonly error: CombinedError | undefined;
  showOlder(): void;
}

/**
 * The timeline's sources read page by page: the newest page of each at first, once `start` has resolved (again
 * when `sources` change), the newest pages again when `version` changes (older pages already read are kept
 * below them), and the next page of the sources at the horizon on `showOlder`. Answers for an older `sources`
 * are dropped.
 */
export function useTimelinePages(
  sources: readonly TimelineSource[],
  version: number,
  start: Promise<void>,
): TimelinePages {
  const [loaded, setLoaded] = useState<readonly Loaded[] | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>(undefined);
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    setLoaded(null);
    setError(undefined);
    start
      .then(() => Promise.all(sources.map((s) => s.read(null))))
      .then(
        (pages) => mine === generation.current && setLoaded(pages),
        (e: CombinedError) => mine === generation.current && setError(e),
      );
  }, [sources, start]);

  const seenVersion = useRef(version);
  useEffect(() => {
    if (version === seenVersion.current) return;
    seenVersion.current = version;
    const mine = generation.current;
    Promise.all(sources.map((s) => s.read(null))).then(
      (pages) => {
        if (mine !== generation.current) return;
        setLoaded((before) => (before ? before.map((s, i) => refreshNewest(s, pages[i]!)) : pages));
      },
      (e: CombinedError) => mine === generation.current && setError(e),
    );
  }, [version, sources]);

  const showOlder = useCallback(() => {
    const before = loaded;
    if (!before) return;
    const mine = generation.current;
    const wanted = sourcesToLoad(before);
    setLoadingOlder(true);
    Promise.all(wanted.map((i) => sources[i]!.read(before[i]!.cursor))).then(
      (pages) => {
        if (mine !== generation.current) return;
        setLoaded((now) => {
          if (!now) return now;
          const next = [...now];
          wanted.forEach((i, n) => (next[i] = appendPage(now[i]!, pages[n]!)));
          return next;
        });
        setLoadingOlder(false);
      },
      (e: CombinedError) => {
        if (mine !== generation.current) return;
        setError(e);
        setLoadingOlder(false);
      },
    );
  }, [sources, loaded]);

  const visible = useMemo(() => visibleTimeline(loaded ?? []), [loaded]);
  const all = useMemo(() => (loaded ?? []).flatMap((s) => s.entries), [loaded]);
  return {
    entries: visible.entries,
    loaded: all,
    hasOlder: visible.hasOlder,
    loading: loaded === null && !error,
    loadingOlder,
    error,
    showOlder,
  };
}
