/**
 * The record page's code (its chunk: the generated form, its widgets, ajv), loaded once. The route renders it
 * lazily through `loadRecordPage`; the shell calls `prefetchRecordPage` once the first page is drawn, so that the
 * chunk is already there when a record is clicked, instead of downloading and compiling it on the click.
 */
type RecordPageModule = typeof import('./RecordPage');

let loading: Promise<RecordPageModule> | undefined;

export function loadRecordPage(): Promise<RecordPageModule> {
  loading ??= import('./RecordPage').catch((error: unknown) => {
    // A failed download (offline, a new deployment) is tried again next time rather than kept.
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Loads the record page's code once the browser is idle (after the screen calling it has drawn and fetched
 * what it needs). Answers a function that cancels it if it has not started, for an effect's cleanup:
 *
 *   useEffect(() => prefetchRecordPage(), []);
 */
export function prefetchRecordPage(): () => void {
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(() => void loadRecordPage().catch(() => undefined), 500);
    return () => window.clearTimeout(timer);
  }
  const handle = window.requestIdleCallback(() => void loadRecordPage().catch(() => undefined), { timeout: 2000 });
  return () => window.cancelIdleCallback(handle);
}
