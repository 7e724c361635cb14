import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, type CombinedError } from 'urql';
import { messagesAt, problemsOf, type Problem } from '../../graphql/problems';
import {
  deleteManyMutation,
  recordQuery,
  recordTitle,
  updateManyMutation,
  updateMutation,
  type WorkspaceField,
  type WorkspaceObject,
} from '../record-api';
import type { RecordPages, RecordRow } from './use-record-pages';

export type BulkOutcome = { readonly ok: true } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * The list's writes: one cell (the update mutation), one field of many records (updateMany, one request for
 * all) and deleting many (deleteMany: one request, all or nothing). A refused cell edit keeps the server's
 * message on the cell and re-reads the record, so the row shows what the server has, never the refused value.
 */
export function useListEdits(object: WorkspaceObject, selection: string, pages: RecordPages) {
  const client = useClient();
  const { t } = useTranslation();
  const [cellErrors, setCellErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const setCellError = (key: string, message: string | undefined) =>
    setCellErrors((before) => {
      const next = new Map(before);
      if (message) next.set(key, message);
      else next.delete(key);
      return next;
    });

  const reread = async (id: string) => {
    const fresh = await client
      .query(recordQuery(object, selection), { id }, { requestPolicy: 'network-only' })
      .toPromise();
    const record = (fresh.data as Record<string, RecordRow | null> | undefined)?.[object.api.one];
    if (record) pages.replace(record);
  };

  const saveCell = async (row: RecordRow, field: WorkspaceField, value: unknown) => {
    const key = `${row.id}:${field.name}`;
    const result = await client
      .mutation(updateMutation(object, selection), { id: row.id, data: { [field.name]: value } })
      .toPromise();
    const updated = (result.data as Record<string, RecordRow> | undefined)?.[object.api.update];
    if (updated) {
      pages.replace(updated);
      setCellError(key, undefined);
      return;
    }
    const problems = result.error ? problemsOf(result.error) : [];
    setCellError(key, messagesAt(problems, `data.${field.name}`) ?? problems.map((p) => p.message).join('; '));
    await reread(row.id);
  };

  const bulkUpdate = async (ids: readonly string[], field: WorkspaceField, value: unknown): Promise<BulkOutcome> => {
    const result = await client
      .mutation(updateManyMutation(object), { data: ids.map((id) => ({ id, data: { [field.name]: value } })) })
      .toPromise();
    pages.reload();
    return result.error ? { ok: false, problems: problemsOf(result.error) } : { ok: true };
  };

  const bulkDelete = async (ids: readonly string[]): Promise<BulkOutcome> => {
    const result = await client.mutation(deleteManyMutation(object), { ids }).toPromise();
    pages.reload();
    return result.error ? { ok: false, problems: deleteProblems(result.error) } : { ok: true };
  };

  /** The server names the records it would not delete by id (`extensions.ids`); the user knows them by title. */
  const deleteProblems = (error: CombinedError): readonly Problem[] => {
    const refusal = error.graphQLErrors.find((e) => e.extensions?.['code'] === 'FORBIDDEN');
    const refused = refusal?.extensions?.['ids'];
    if (!Array.isArray(refused)) return problemsOf(error);
    const rows = new Map(pages.rows.map((row) => [row.id, row]));
    const titles = (refused as unknown[]).map((id) => {
      const row = rows.get(String(id));
      return row ? recordTitle(object, row) : String(id);
    });
    return [{ path: '', message: t('list.bulk.deleteRefused', { titles: titles.join(', ') }) }];
  };

  /** A new edit of the cell: the message about the last one goes. */
  const clearCellError = (row: RecordRow, field: WorkspaceField) => setCellError(`${row.id}:${field.name}`, undefined);

  return { cellErrors, saveCell, clearCellError, bulkUpdate, bulkDelete };
}
