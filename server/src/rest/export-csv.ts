import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { findMany, type ObjectDef, type RecordContext, type RecordData } from '@stratum/runtime';
import { drained } from './drained';
import { exportFields, type ExportOptions } from './export-columns';

const PAGE = 500;

/**
 * Streams a list as CSV, page by page through the record service: the same filter, order, search and
 * permissions as the list itself (rows outside the caller's scope and fields they may not read never
 * reach the file), in constant memory whatever the size.
 */
export async function exportCsv(
  ctx: RecordContext,
  object: ObjectDef,
  { fields: wanted, ...options }: ExportOptions,
  res: Response,
): Promise<void> {
  const columns = exportFields(ctx, object, wanted).map((f) => f.name);
  // The first page runs before any byte is sent, so bad input still answers a clean error.
  let page = await findMany(ctx, object.name, { ...options, first: PAGE });
  res.status(200).type('text/csv; charset=utf-8').attachment(`${object.pluralName}.csv`);
  res.write(stringify([columns]));
  for (;;) {
    res.write(stringify(page.records.map((record) => columns.map((column) => cell(record, column)))));
    if (!page.pageInfo.hasNextPage || res.destroyed) break;
    await drained(res);
    page = await findMany(ctx, object.name, { ...options, first: PAGE, after: page.pageInfo.endCursor! });
  }
  res.end();
}

function cell(record: RecordData, column: string): string {
  const value = record[column];
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') {
    const money = value as { amount?: unknown; currency?: unknown };
    if ('amount' in money && 'currency' in money)
      return `${String(money.amount)} ${String(money.currency ?? '')}`.trim();
    return JSON.stringify(value);
  }
  return String(value);
}
