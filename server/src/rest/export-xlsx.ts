import type { Response } from 'express';
import ExcelJS from 'exceljs';
import {
  fieldLabel,
  fieldValueType,
  findMany,
  minorUnits,
  type FieldDef,
  type ObjectDef,
  type RecordContext,
  type RecordData,
} from '@stratum/runtime';
import { drained } from './drained';
import { exportFields, type ExportOptions } from './export-columns';

const PAGE = 500;

/** How one column's values become typed cells: the kind, and its number format. */
type CellKind = 'number' | 'percent' | 'money' | 'date' | 'datetime' | 'boolean' | 'text';

const NUMBER_KINDS: Record<string, CellKind> = {
  number: 'number',
  rating: 'number',
  percent: 'percent',
  currency: 'money',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
};

const FORMATS: Partial<Record<CellKind, string>> = {
  percent: '0.00%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/**
 * Streams a list as an XLSX workbook with exceljs's streaming writer: page by page through the record
 * service (the same filter, order, search and permissions as the list and the CSV export), each row
 * committed as it is written, so memory stays flat whatever the size. Cells are typed: numbers as numbers,
 * dates and times as dates (UTC), money as its amount with the currency in the cell's number format (so a
 * column of mixed currencies still sums per currency with a filter), booleans as booleans. The header row
 * holds the field labels in `locale`.
 */
export async function exportXlsx(
  ctx: RecordContext,
  object: ObjectDef,
  { fields: wanted, ...options }: ExportOptions,
  locale: string,
  res: Response,
): Promise<void> {
  const fields = exportFields(ctx, object, wanted);
  const kinds = fields.map((f) => cellKind(ctx, object, f));
  // The first page runs before any byte is sent, so bad input still answers a clean error.
  let page = await findMany(ctx, object.name, { ...options, first: PAGE });
  res
    .status(200)
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .attachment(`${object.pluralName}.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(object.pluralName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = fields.map((f, i) => ({
    header: fieldLabel(f, locale),
    key: f.name,
    width: kinds[i] === 'text' ? 28 : 16,
    ...(FORMATS[kinds[i]!] ? { style: { numFmt: FORMATS[kinds[i]!] } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (;;) {
    for (const record of page.records) writeRow(sheet, fields, kinds, record);
    if (!page.pageInfo.hasNextPage || res.destroyed) break;
    await drained(res);
    page = await findMany(ctx, object.name, { ...options, first: PAGE, after: page.pageInfo.endCursor! });
  }
  sheet.commit();
  await workbook.commit();
}

function cellKind(ctx: RecordContext, object: ObjectDef, field: FieldDef): CellKind {
  if (field.system) return field.type === 'datetime' ? 'datetime' : 'text';
  return NUMBER_KINDS[fieldValueType(ctx.model, ctx.types, object.name, field).type] ?? 'text';
}

function writeRow(sheet: ExcelJS.Worksheet, fields: FieldDef[], kinds: CellKind[], record: RecordData): void {
  const row = sheet.addRow(fields.map((f, i) => cellValue(kinds[i]!, record[f.name])));
  fields.forEach((f, i) => {
    const money = kinds[i] === 'money' ? (record[f.name] as { currency?: unknown } | null) : null;
    if (money && typeof money.currency === 'string') row.getCell(i + 1).numFmt = moneyFormat(money.currency);
  });
  row.commit();
}

/** `#,##0.00 "EUR"`: the amount stays a number; the currency's own decimals (JPY has none). */
function moneyFormat(currency: string): string {
  const digits = minorUnits(currency) ?? 2;
  const code = currency.replace(/[^A-Z]/g, '');
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${code}"`;
}

function cellValue(kind: CellKind, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'percent':
      return (typeof value === 'number' ? value : Number(value)) / 100;
    case 'money': {
      const amount = (value as { amount?: unknown }).amount;
      return amount === null || amount === undefined ? null : Number(amount);
    }
    case 'date':
    case 'datetime': {
      const date = new Date(kind === 'date' ? `${String(value)}T00:00:00Z` : String(value));
      return Number.isNaN(date.getTime()) ? String(value) : date;
    }
    case 'boolean':
      return value === true;
    case 'text':
      if (Array.isArray(value)) return value.join('; ');
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
