import type { Request, Response } from 'express';
import busboy from 'busboy';
import {
  badInput,
  importRecords,
  ImportCancelled,
  isStratumError,
  type ImportOptions,
  type ImportProgress,
  type ObjectDef,
  type RecordContext,
  type StratumError,
} from '@stratum/runtime';
import { csvRows } from './csv-rows';

/** Larger files are refused before they fill a disk or a transaction nobody meant to start. */
const MAX_FILE_BYTES = 2 * 1024 ** 3;

/**
 * `POST /api/<plural>/import`: a multipart form with an `options` part (JSON ImportOptions: the column mapping, dry
 * run or not) followed by a `file` part (CSV, UTF-8, header row first, comma or semicolon separated). The file is
 * parsed as it arrives and handed to the runtime's streaming import; the answer is NDJSON — a `progress` line per
 * chunk, then one `result` (or `error`) line — so the wizard shows a live progress bar. Closing the request cancels
 * the import: its transaction rolls back and nothing is written.
 */
export async function importCsv(req: Request, ctx: RecordContext, object: ObjectDef, res: Response): Promise<void> {
  const cancel = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) cancel.abort();
  });
  const answer = new NdjsonAnswer(res);
  try {
    const { options, file } = await readForm(req);
    const records = await csvRows(file);
    // A closed connection stops the file's stream mid-way: end the rows with the cancellation so the import's
    // transaction rolls back now, instead of waiting forever for a row that will not come.
    cancel.signal.addEventListener('abort', () => records.destroy(new ImportCancelled()), { once: true });
    const iterator = records[Symbol.asyncIterator]() as AsyncIterator<string[]>;
    const first = await iterator.next();
    if (first.done) throw badInput({ path: 'file', message: 'is empty: the first line must name the columns' });
    const header = first.value.map((cell) => cell.trim());
    const rows: AsyncIterable<string[]> = { [Symbol.asyncIterator]: () => iterator };
    const result = await importRecords(ctx, object.name, header, rows, options, {
      signal: cancel.signal,
      onProgress: (progress) => answer.progress(progress),
    });
    answer.finish({ type: 'result', ...result });
  } catch (error) {
    if (error instanceof ImportCancelled || cancel.signal.aborted) return void res.destroy();
    const problem = isStratumError(error) ? error : csvProblem(error);
    if (!problem) throw error;
    // Before any progress the route answers (and audits) it as any request's error; after, it ends the stream.
    if (!answer.started) throw problem;
    answer.fail(problem);
  }
}

/** Streams NDJSON: a line per progress report, then the result or an error. */
class NdjsonAnswer {
  #started = false;
  constructor(private readonly res: Response) {}

  get started(): boolean {
    return this.#started;
  }

  progress(progress: ImportProgress): void {
    this.#start();
    this.res.write(JSON.stringify({ type: 'progress', ...progress }) + '\n');
  }

  finish(line: object): void {
    this.#start();
    this.res.end(JSON.stringify(line) + '\n');
  }

  /** Ends a stream already started with an error line. */
  fail(error: StratumError): void {
    const body = {
      code: error.code,
      message: error.message,
      ...(error.problems.length ? { problems: error.problems } : {}),
    };
    this.res.end(JSON.stringify({ type: 'error', error: body }) + '\n');
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.res.status(200).type('application/x-ndjson; charset=utf-8');
    this.res.setHeader('Cache-Control', 'no-store');
    this.res.flushHeaders();
  }
}

/** The form's `options` (which must come first) and the readable stream of its `file`. */
function readForm(req: Request): Promise<{ options: ImportOptions; file: NodeJS.ReadableStream }> {
  return new Promise((resolve, reject) => {
    if (!req.headers['content-type']?.startsWith('multipart/form-data'))
      return reject(badInput({ path: 'body', message: 'must be multipart/form-data with parts "options" and "file"' }));
    let options: ImportOptions | undefined;
    const form = busboy({ headers: req.headers, limits: { files: 1, fields: 4, fileSize: MAX_FILE_BYTES } });
    form.on('field', (name, value) => {
      if (name !== 'options') return;
      try {
        options = JSON.parse(value) as ImportOptions;
      } catch {
        reject(badInput({ path: 'options', message: 'must be JSON: { "columns": [{ "column": …, "field": … }] }' }));
      }
    });
    form.on('file', (name, stream) => {
      if (name !== 'file') return void stream.resume();
      if (!options) {
        stream.resume();
        return reject(badInput({ path: 'options', message: 'must come before the file in the form' }));
      }
      stream.on('limit', () => stream.destroy(badInput({ path: 'file', message: 'is larger than 2 GB' })));
      resolve({ options, file: stream });
    });
    form.on('error', reject);
    form.on('close', () => reject(badInput({ path: 'file', message: 'is missing' })));
    req.pipe(form);
  });
}

/**
 * csv-parse's errors as bad input naming the line. An unclosed quote is noticed only at the end of the file, the line
 * csv-parse names: the quote opened in the row after the last one it read (`records` counts the header too), so that
 * row is named, numbered as the import numbers rows.
 */
function csvProblem(error: unknown): StratumError | undefined {
  if (!(error instanceof Error) || !('code' in error) || !String(error.code).startsWith('CSV_')) return undefined;
  const { lines, records } = error as { lines?: number; records?: number };
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' && records !== undefined) {
    const opened = `the quote opened in row ${records + 1} is never closed`;
    return badInput({ path: 'file', message: `is not valid CSV: ${opened} (the file ends at line ${lines})` });
  }
  return badInput({ path: lines ? `file:${lines}` : 'file', message: `is not valid CSV: ${error.message}` });
}
