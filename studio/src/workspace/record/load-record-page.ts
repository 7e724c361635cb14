/**
 * The record page's code (its chunk: the generated form, its widgets, ajv), loaded once. The route renders it
 * lazily (`recordPage`); the shell calls `prefetchRecordPage` once the first page has loaded, so that the
 * chunk is already there when a record is clicked, instead of downloading and compiling it on the click; a link
 * to a record calls `preloadRecord` when it is pointed at or focused, for the widget chunks its object needs.
 */
import { whenQuietAndIdle } from '../../graphql/network-activity';
import { lazyPage } from '../../lazy-page';
import type { WorkspaceObject } from '../record-api';
import { WIDGET_CHUNKS } from './widgets/widget-chunks';

/** The record page's route (routes.ts) and chunk: the prefetches below load it through the same import. */
export const recordPage = lazyPage(() => import('./RecordPage'));

/**
 * Loads the record page's code once the page calling it is done loading (`whenQuietAndIdle`): parsing it
 * competes with the first page for the main thread, and started on the first idle moment it fell between that
 * page's queries. Answers a function that cancels it if it has not started, for an effect's cleanup:
 *
 *   useEffect(() => prefetchRecordPage(), []);
 */
export function prefetchRecordPage(): () => void {
  return whenQuietAndIdle(recordPage.preload);
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
  recordPage.preload();
  for (const load of chunks) void load().catch(() => undefined);
}
