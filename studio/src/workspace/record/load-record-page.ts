/**
 * The record page's code (its chunk: the generated form, its widgets, ajv), loaded once. The route renders it
 * lazily through `loadRecordPage`; the shell calls `prefetchRecordPage` once the first page is drawn, so that the
 * chunk is already there when a record is clicked, instead of downloading and compiling it on the click; a link
 * to a record calls `preloadRecord` when it is pointed at or focused, for the widget chunks its object needs.
 */
import type { WorkspaceObject } from '../record-api';
import { WIDGET_CHUNKS } from './widgets/widget-chunks';

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

/**
 * Fetches the record page's code and the widget chunks the object's fields need (a phone field's, a rich-text
 * field's: widget-chunks.ts) at once, for a link to one of its records that the pointer enters or that gets
 * the focus: the click that follows then waits for no download. Each chunk is fetched once.
 *
 *   <Link to={`/o/deal/${id}`} onPointerEnter={() => preloadRecord(deal)} onFocus={() => preloadRecord(deal)} />
 */
export function preloadRecord(object: Pick<WorkspaceObject, 'fields'>): void {
  const chunks = new Set(object.fields.flatMap((f) => WIDGET_CHUNKS[f.type] ?? []));
  for (const load of [loadRecordPage, ...chunks]) void load().catch(() => undefined);
}
