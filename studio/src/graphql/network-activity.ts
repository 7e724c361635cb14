/**
 * How busy the studio's GraphQL traffic is: the client's requests go through `trackedFetch`, and
 * `whenNetworkQuiet` tells when none has been in flight for a while. Background work that would compete with
 * a page's first load (prefetching another page's code) waits for it.
 */
let inFlight = 0;
let quietSince = performance.now();
const waiting = new Set<() => void>();

/** `fetch`, counted. */
export const trackedFetch: typeof fetch = async (input, init) => {
  inFlight++;
  try {
    return await fetch(input, init);
  } finally {
    inFlight--;
    if (inFlight === 0) {
      quietSince = performance.now();
      for (const wake of waiting) wake();
    }
  }
};

/**
 * Resolves once no GraphQL request has been in flight for `quietMs` (a page's queries come in rounds a few
 * tens of ms apart, so a short gap between rounds does not count as quiet).
 */
export function whenNetworkQuiet(quietMs = 300): Promise<void> {
  return new Promise((resolve) => {
    let timer: number | undefined;
    const check = () => {
      window.clearTimeout(timer);
      if (inFlight > 0) return;
      const left = quietMs - (performance.now() - quietSince);
      if (left > 0) timer = window.setTimeout(check, left);
      else {
        waiting.delete(check);
        resolve();
      }
    };
    waiting.add(check);
    check();
  });
}

/**
 * Runs `work` (a prefetch of code the user may need next) once the GraphQL traffic has been quiet
 * (`whenNetworkQuiet`) and then the browser is idle, so that it never competes with the page still loading.
 * Answers a function that cancels it if it has not run, for an effect's cleanup:
 *
 *   useEffect(() => whenQuietAndIdle(recordPage.preload), []);
 */
export function whenQuietAndIdle(work: () => void): () => void {
  let cancelled = false;
  let cancel = () => {
    cancelled = true;
  };
  void whenNetworkQuiet().then(() => {
    if (cancelled) return;
    if (typeof window.requestIdleCallback !== 'function') return work();
    const handle = window.requestIdleCallback(work, { timeout: 1000 });
    cancel = () => window.cancelIdleCallback(handle);
  });
  return () => cancel();
}
