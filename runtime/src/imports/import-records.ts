import { isStratumError, type Problem, type StratumError } from '../errors';
import { relationKind } from '../fields/relation-type';
import { insertMany, joinPrepared, prepareCreate, type PreparedCreate } from '../records/write';
import { actionScope } from '../records/authorize';
import { requireObject, type RecordContext } from '../records/context';
import { planImport, type ColumnPlan, type ImportPlan } from './import-plan';
import {
  MAX_REPORTED_ERRORS,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
  type RowError,
} from './import-types';
import { normalizeText } from './read-cell';
import { RecordLookup } from './record-lookup';
import { forEachRecordWithValues } from './records-with-values';

/** Rows converted, checked and written together: one lookup query per relation and one insert per chunk. */
const CHUNK = 5000;
/**
 * Rows converted between two pauses. While a chunk is written, the next one is prepared; its work pauses this
 * often so that the write's round trips (savepoints, then the insert) are answered at once and the database is
 * kept busy, instead of waiting for the whole chunk's preparation.
 */
const SLICE = 500;
/** Distinct unmatched texts remembered per column for the wizard (the count of rows is always complete). */
const MAX_UNMATCHED_PER_COLUMN = 500;

export interface ImportHooks {
  /** Aborting it stops the import between chunks and rolls everything back. */
  readonly signal?: AbortSignal | undefined;
  /** Called after every chunk. */
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** Thrown when the import's signal was aborted: nothing of the import is in the database. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was written');
    this.name = 'ImportCancelled';
  }
}

/** Carries the report out of a transaction that must not commit (a dry run, or errors under `onError: all`). */
class RollBack extends Error {
  constructor(readonly result: ImportResult) {
    super('roll back');
  }
}

/**
 * Imports rows of a file into an object, streaming: rows are read, converted, checked and written a chunk at a
 * time, in one transaction, so memory stays flat and a cancelled or refused import leaves nothing behind. Every
 * write goes through the record service (`createMany`), so permissions, validation rules, history and the outbox
 * (workflows) apply exactly as for records created one by one.
 *
 * @example
 *   const result = await importRecords(ctx, 'lead', ['Name', 'Email'], rows, {
 *     columns: [{ column: 'Name', field: 'title' }, { column: 'Email', field: 'email' }],
 *     dryRun: true,
 *   });
 */
export async function importRecords(
  ctx: RecordContext,
  objectName: string,
  header: readonly string[],
  rows: AsyncIterable<readonly string[]>,
  options: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  const object = requireObject(ctx, objectName);
  // Someone who may not create these records at all learns it before their mapping is even looked at.
  actionScope(ctx, 'create', object);
  const plan = planImport(ctx, object, header, options);
  const dryRun = options.dryRun === true;
  const skipInvalid = options.onError === 'skipInvalid';
  try {
    return await ctx.db.transaction(async (tx) => {
      const run = new ImportRun({ ...ctx, db: tx }, plan, header.length);
      try {
        let chunk: (readonly string[])[] = [];
        for await (const row of rows) {
          chunk.push(row);
          if (chunk.length < CHUNK) continue;
          await run.submit(chunk);
          chunk = [];
          // Let timers and I/O run between chunks: the embedded database answers in microtasks, and without this
          // a closed connection (a cancel) or another request would not be seen until the whole file is done.
          await yieldToIo();
          if (hooks.signal?.aborted) throw new ImportCancelled();
          hooks.onProgress?.(run.progress());
        }
        if (chunk.length) await run.submit(chunk);
        await run.written();
      } finally {
        // Never end the transaction under a write still running: its statements would run after the rollback.
        await run.settled();
      }
      if (hooks.signal?.aborted) throw new ImportCancelled();
      const refused = run.rowsWithErrors > 0 && !skipInvalid;
      const result = run.result(dryRun, !dryRun && !refused);
      hooks.onProgress?.(run.progress());
      if (dryRun || refused) throw new RollBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
}

interface PendingRow {
  readonly row: number;
  readonly input: Record<string, unknown>;
}

/** A chunk's good rows, and (unless preparing them failed as a whole) the record service's half-done create. */
interface PreparedChunk {
  readonly pending: readonly PendingRow[];
  readonly create: PreparedCreate | null;
}

/** The state of one import while it runs: counts, the report, duplicate keys seen, lookups made. */
class ImportRun {
  readonly #ctx: RecordContext;
  readonly #plan: ImportPlan;
  readonly #width: number;
  readonly #lookup: RecordLookup;
  readonly #errors: RowError[] = [];
  readonly #unmatched = new Map<string, Map<string, number>>();
  /** Per distinct column: normalised value → the row that had it first. */
  readonly #seen = new Map<ColumnPlan, Map<string, number>>();
  /** Rows with a reported problem (numbers only: a million rows of them would still fit). */
  readonly #failedRows = new Set<number>();
  #writing: Promise<void> = Promise.resolve();
  #rowsRead = 0;
  #rowsWritten = 0;
  rowsWithErrors = 0;

  constructor(ctx: RecordContext, plan: ImportPlan, width: number) {
    this.#ctx = ctx;
    this.#plan = plan;
    this.#width = width;
    this.#lookup = new RecordLookup(ctx);
  }

  progress(): ImportProgress {
    return { rowsRead: this.#rowsRead, rowsWritten: this.#rowsWritten, rowsWithErrors: this.rowsWithErrors };
  }

  result(dryRun: boolean, committed: boolean): ImportResult {
    const unmatched = Object.fromEntries(
      [...this.#unmatched].map(([column, values]) => [column, Object.fromEntries(values)]),
    );
    return {
      ...this.progress(),
      rowsWritten: committed || dryRun ? this.#rowsWritten : 0,
      dryRun,
      committed,
      errors: this.#errors,
      errorsTruncated: this.#errors.length >= MAX_REPORTED_ERRORS,
      unmatched,
    };
  }

  /** Reads, converts and checks one chunk: the rows ready to be written. */
  async prepare(rows: readonly (readonly string[])[]): Promise<PreparedChunk> {
    const first = this.#rowsRead;
    this.#rowsRead += rows.length;
    // Spreadsheet numbering: the header is row 1, so the first record is row 2.
    const rowNumber = (i: number) => first + i + 2;
    const failed = new Set<number>();
    const fail = (row: number, error: Omit<RowError, 'row'>) => {
      this.#fail(row, error);
      failed.add(row);
    };
    const texts = rows.map((cells, i) => {
      if (cells.length !== this.#width)
        fail(rowNumber(i), {
          code: 'MALFORMED_ROW',
          message: `has ${cells.length} cells where the header has ${this.#width}`,
        });
      return this.#plan.columns.map((c) => fixed(c, cells[c.index] ?? ''));
    });
    // The chunk's queries wait for the previous chunk's write (see `submit`); a file without lookups or
    // duplicate checks never waits here.
    if (this.#plan.queries) await this.written();
    await this.#prepareLookups(texts);
    const pending: PendingRow[] = [];
    for (const [i, cells] of texts.entries()) {
      if (i % SLICE === SLICE - 1) await yieldToIo();
      const row = rowNumber(i);
      if (failed.has(row)) continue;
      const input = this.#convert(row, cells, fail);
      if (input && !failed.has(row)) pending.push({ row, input });
    }
    const distinct = await this.#refuseDuplicates(pending, fail);
    // The record service's half of the work, a slice at a time, joined into one insert.
    const parts: PreparedChunk[] = [];
    for (let start = 0; start < distinct.length; start += SLICE) {
      await yieldToIo();
      parts.push(this.#prepareCreate(distinct.slice(start, start + SLICE)));
    }
    const create = parts.every((p) => p.create) ? joinPrepared(parts.map((p) => p.create!)) : null;
    return { pending: parts.flatMap((p) => p.pending), create };
  }

  /** Writes prepared rows (a dry run writes too: its transaction is undone at the end). */
  async write({ pending, create }: PreparedChunk): Promise<void> {
    this.#rowsWritten += await this.#writeRows(pending, create);
  }

  /**
   * Prepares a chunk while the previous one is still being written, then starts writing it: the file is read
   * and converted while the database stores the chunk before. One write at a time, and a chunk's own queries
   * (lookups, duplicate checks) wait for it to end, so no statement of one chunk interleaves with another's.
   */
  async submit(rows: readonly (readonly string[])[]): Promise<void> {
    const prepared = await this.prepare(rows);
    await this.written();
    this.#writing = this.write(prepared);
    // Reported when awaited (`written`); until then it must not count as unhandled.
    this.#writing.catch(() => undefined);
  }

  /** Waits for the write in progress; throws its error. */
  async written(): Promise<void> {
    await this.#writing;
  }

  /** Waits for the write in progress, whatever its outcome. */
  async settled(): Promise<void> {
    await this.#writing.catch(() => undefined);
  }

  /** Reports a row's problem; a row counts once however many problems it has. */
  #fail(row: number, error: Omit<RowError, 'row'>): void {
    if (!this.#failedRows.has(row)) this.rowsWithErrors++;
    this.#failedRows.add(row);
    if (this.#errors.length < MAX_REPORTED_ERRORS) this.#errors.push({ row, ...error });
  }

  /** One query per relation column for the names this chunk brings that were not seen before. */
  async #prepareLookups(texts: readonly (readonly (string | null)[])[]): Promise<void> {
    for (const [k, column] of this.#plan.columns.entries()) {
      if (!column.lookup) continue;
      const names = new Set<string>();
      for (const cells of texts) {
        const reading = cells[k] === null ? null : column.reader.read(cells[k]!);
        if (reading?.kind === 'lookup') reading.names.forEach((n) => names.add(n));
      }
      await this.#lookup.prepare(column.field, names);
    }
  }

  /** The API input of one row, or null when a cell is wrong (each wrong cell reported). */
  #convert(
    row: number,
    cells: readonly (string | null)[],
    fail: (row: number, error: Omit<RowError, 'row'>) => void,
  ): Record<string, unknown> | null {
    const input: Record<string, unknown> = {};
    let ok = true;
    this.#plan.columns.forEach((column, k) => {
      if (cells[k] === null) return void (input[column.field.name] = null);
      const text = cells[k] ?? '';
      const at = { column: column.column, field: column.field.name };
      const reading = column.reader.read(text);
      switch (reading.kind) {
        case 'empty':
          return;
        case 'value':
          input[column.field.name] = reading.value;
          return;
        case 'error':
          ok = false;
          if (reading.code === 'UNKNOWN_OPTION') this.#noteUnmatched(column.column, text);
          return fail(row, { ...at, value: text, code: reading.code, message: reading.message });
        case 'lookup': {
          const ids: string[] = [];
          for (const name of reading.names) {
            const found = this.#lookup.idsOf(column.field, name);
            if (found.length === 1) ids.push(found[0]!);
            else {
              ok = false;
              this.#noteUnmatched(column.column, name);
              fail(row, {
                ...at,
                value: name,
                code: found.length ? 'AMBIGUOUS_RECORD' : 'UNKNOWN_RECORD',
                message: found.length
                  ? `"${name}" matches ${found.length} records: choose one in the mapping`
                  : `no ${column.field.name} called "${name}"`,
              });
            }
          }
          input[column.field.name] = reading.many || relationKind(column.field) === 'manyToMany' ? ids : ids[0];
          return;
        }
      }
    });
    for (const { field, value } of this.#plan.defaults) {
      if (input[field.name] === undefined || input[field.name] === null) input[field.name] = value;
    }
    return ok ? input : null;
  }

  #noteUnmatched(column: string, text: string): void {
    let values = this.#unmatched.get(column);
    if (!values) this.#unmatched.set(column, (values = new Map()));
    const key = text.trim();
    if (values.has(key) || values.size < MAX_UNMATCHED_PER_COLUMN) values.set(key, (values.get(key) ?? 0) + 1);
  }

  /** Refuses rows repeating a distinct value: of an earlier row of the file, or of a record already stored. */
  async #refuseDuplicates(
    pending: readonly PendingRow[],
    fail: (row: number, error: Omit<RowError, 'row'>) => void,
  ): Promise<PendingRow[]> {
    const refused = new Set<number>();
    for (const column of this.#plan.distinct) {
      const name = column.field.name;
      let seen = this.#seen.get(column);
      if (!seen) this.#seen.set(column, (seen = new Map()));
      const values = pending
        .map((p) => p.input[name])
        .filter((v): v is string | number => v !== undefined && v !== null);
      const existing = await this.#existing(name, values);
      for (const { row, input } of pending) {
        const value = input[name];
        if (value === undefined || value === null) continue;
        const key = normalizeText(String(value));
        const at = { column: column.column, field: name, value: String(value), code: 'DUPLICATE' as const };
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          refused.add(row);
          fail(row, { ...at, message: `${name} "${String(value)}" is also in row ${earlier}` });
        } else if (existing.has(key)) {
          refused.add(row);
          fail(row, { ...at, message: `a ${this.#plan.object.name} with ${name} "${String(value)}" already exists` });
        }
        if (earlier === undefined) seen.set(key, row);
      }
    }
    return pending.filter((p) => !refused.has(p.row));
  }

  /** The normalised values of `field` among stored records, out of `values`. */
  async #existing(field: string, values: readonly (string | number)[]): Promise<Set<string>> {
    const found = new Set<string>();
    await forEachRecordWithValues(this.#ctx, this.#plan.object.name, field, values, (record) =>
      found.add(normalizeText(String(record[field]))),
    );
    return found;
  }

  /**
   * The record service's checks and encoding of a chunk, done while the chunk before is written. Rows it
   * refuses are reported at their field and the rest prepared again; a refusal that names no row leaves the
   * chunk to `#writeRows`, which narrows it down.
   */
  #prepareCreate(rows: readonly PendingRow[]): PreparedChunk {
    let pending = rows;
    for (;;) {
      try {
        const inputs = pending.map((p) => p.input);
        return { pending, create: prepareCreate(this.#ctx, this.#plan.object.name, inputs) };
      } catch (error) {
        if (!refusal(error)) throw error;
        const rest = this.#withoutRefusedRows(pending, error);
        if (!rest) return { pending, create: null };
        pending = rest;
      }
    }
  }

  /** Reports the rows a refusal names at their fields: the other rows, or null when it names none. */
  #withoutRefusedRows(pending: readonly PendingRow[], error: StratumError): PendingRow[] | null {
    const byRow = rowProblems(error.problems, pending.length);
    if (byRow.size === 0) return null;
    for (const [index, problems] of byRow) {
      for (const problem of problems) this.#fail(pending[index]!.row, this.#rowError(problem, error.code));
    }
    return pending.filter((_, i) => !byRow.has(i));
  }

  /**
   * Writes the good rows of a chunk through the record service in a savepoint. Rows the service refuses (a
   * validation rule, a value a field type rejects, a record outside the importer's scope) are reported at their
   * field and the rest written again; a refusal that names no row is narrowed down by halving the chunk.
   * `prepared` is the rows' create already prepared (see `prepare`), else it is prepared here.
   */
  async #writeRows(pending: readonly PendingRow[], prepared: PreparedCreate | null = null): Promise<number> {
    if (pending.length === 0) return 0;
    try {
      const create =
        prepared ??
        prepareCreate(
          this.#ctx,
          this.#plan.object.name,
          pending.map((p) => p.input),
        );
      return await this.#ctx.db.transaction((tx) => insertMany({ ...this.#ctx, db: tx }, create));
    } catch (error) {
      if (!refusal(error)) throw error;
      const rest = this.#withoutRefusedRows(pending, error);
      if (rest) return this.#writeRows(rest);
      if (pending.length === 1) {
        this.#fail(pending[0]!.row, {
          ...this.#rowError(error.problems[0] ?? { path: '', message: error.message }, error.code),
          message: error.message,
        });
        return 0;
      }
      // A refusal of the whole statement (an actor who may not create at all) stops the import with its reason.
      if (error.code === 'FORBIDDEN' && error.problems.length === 0) throw error;
      const half = Math.ceil(pending.length / 2);
      return (await this.#writeRows(pending.slice(0, half))) + (await this.#writeRows(pending.slice(half)));
    }
  }

  #rowError(problem: Problem, code: string): Omit<RowError, 'row'> {
    const fieldName = /^data(?:\[\d+\])?\.([A-Za-z0-9_]+)/.exec(problem.path)?.[1];
    const column = this.#plan.columns.find((c) => c.field.name === fieldName);
    return {
      ...(column ? { column: column.column, field: column.field.name } : fieldName ? { field: fieldName } : {}),
      code:
        code === 'BAD_USER_INPUT' && /required/.test(problem.message)
          ? 'REQUIRED'
          : code === 'BAD_USER_INPUT'
            ? 'INVALID_VALUE'
            : 'REFUSED',
      message: problem.rule ? `${problem.message} (rule ${problem.rule})` : problem.message,
    };
  }
}

/** Lets the event loop handle I/O (database answers, a closed connection) before going on. */
function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The cell's text after the mapping's value fixes: null when the fix empties the field. */
function fixed(column: ColumnPlan, text: string): string | null {
  if (column.fixes.size === 0) return text;
  const fix = column.fixes.has(text) ? column.fixes.get(text) : column.fixes.get(normalizeText(text));
  return fix === undefined ? text : fix;
}

/** An error of the record service that refuses rows (reported per row), not a failure of the import itself. */
function refusal(error: unknown): error is StratumError {
  return isStratumError(error) && error.code !== 'INTERNAL' && error.code !== 'LIMIT_EXCEEDED';
}

/** Problems of a `createMany` batch by input index (`data[3].email` → 3; a one-row batch says `data.email`). */
function rowProblems(problems: readonly Problem[], size: number): Map<number, Problem[]> {
  const byRow = new Map<number, Problem[]>();
  for (const problem of problems) {
    const match = /^data\[(\d+)\]/.exec(problem.path);
    const index = match ? Number(match[1]) : size === 1 && problem.path.startsWith('data') ? 0 : -1;
    if (index < 0 || index >= size) continue;
    byRow.set(index, [...(byRow.get(index) ?? []), problem]);
  }
  return byRow;
}
