import { storedToken } from '../../auth/session';
import { saveFile } from '../save-file';
import type { Sort } from './RecordTable';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * The current view as a file, from the server's permission-checked export (`GET /api/<plural>/export.csv`
 * or `export.xlsx`, README "REST"): the same filter (API spelling), search and order as the list, streamed by
 * the server, and its visible columns in the list's order (`fields`), after the record id so that the file
 * can be matched back to its records; the file holds only rows and fields the user may read. XLSX headers are
 * the field labels in `language`. Answers the server's message when it refuses.
 */
export async function downloadExport(
  pluralName: string,
  format: ExportFormat,
  view: { filter: unknown; search: string; sort: Sort | null; language: string; fields: readonly string[] },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const params = new URLSearchParams();
  if (view.filter) params.set('filter', JSON.stringify(view.filter));
  if (view.search) params.set('search', view.search);
  if (view.sort) params.set('orderBy', `${view.sort.direction === 'DESC' ? '-' : ''}${view.sort.field}`);
  params.set('fields', ['id', ...view.fields.filter((name) => name !== 'id')].join(','));
  if (format === 'xlsx') params.set('lang', view.language);
  const token = storedToken();
  const response = await fetch(`/api/${pluralName}/export.${format}?${params.toString()}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  }).catch((error: Error) => error);
  if (response instanceof Error) return { ok: false, message: response.message };
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    return { ok: false, message: body.error?.message ?? `HTTP ${response.status}` };
  }
  saveFile(await response.blob(), `${pluralName}.${format}`);
  return { ok: true };
}
