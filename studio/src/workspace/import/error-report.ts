import Papa from 'papaparse';
import type { RowError } from './import-request';
import { saveFile } from '../save-file';

/** The reported errors as a CSV a spreadsheet opens: row, column, value, code and message. */
export function errorReportCsv(errors: readonly RowError[]): string {
  return Papa.unparse({
    fields: ['row', 'column', 'value', 'code', 'message'],
    data: errors.map((e) => [e.row, e.column ?? '', e.value ?? '', e.code, e.message]),
  });
}

export function downloadText(text: string, fileName: string): void {
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}
