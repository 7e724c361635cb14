/**
 * The record page's code (its chunk: the generated form, its widgets, ajv), loaded once. The route renders it
 * lazily through `loadRecordPage`; the shell calls `prefetchRecordPage` once the first page has loaded, so that the
 * chunk is already there when a record is clicked, instead of downloading and compiling it on the click; a link
 * to a record calls `preloadRecord` when it is pointed at or focused, for the widget chunks its object needs.
 */
import { whenNetworkQuiet } from '../../graphql/network-activity';
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
 * Loads the record page's code once the page calling it is done loading: no GraphQL request in flight for a
 * while (network-activity.ts), then an idle moment. Parsing the record page's code competes with the first
 * page for the main thread; started on the first idle moment, it fell between that page's queries. Answers a
 * function that cancels it if it has not started, for an effect's cleanup:
 *
 *   useEffect(() => prefetchRecordPage(), []);
 */
export function prefetchRecordPage(): () => void {
  let cancelled = false;
  let cancel = () => {
    cancelled = true;
  };
  void whenNetworkQuiet().then(() => {
    if (cancelled) return;
    const load = () => void loadRecordPage().catch(() => undefined);
    if (typeof window.requestIdleCallback !== 'function') return load();
    const handle = window.requestIdleCallback(load, { timeout: 1000 });
    cancel = () => window.cancelIdleCallback(handle);
  });
  return () => cancel();
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
