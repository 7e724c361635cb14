import { storedToken } from '../../auth/session';

/** What the server's import understands (runtime/src/imports/import-types.ts, README "Import"). */
export type DateOrder = 'YMD' | 'MDY' | 'DMY';

export interface ColumnMapping {
  readonly column: string;
  readonly field?: string | undefined;
  readonly dateOrder?: DateOrder | undefined;
  readonly currency?: string | undefined;
  readonly values?: Readonly<Record<string, string | null>> | undefined;
}

export interface ImportOptions {
  readonly columns: readonly ColumnMapping[];
  readonly matchOn?: readonly string[] | undefined;
  readonly defaults?: Readonly<Record<string, string>> | undefined;
  readonly dryRun?: boolean | undefined;
  readonly onError?: 'all' | 'skipInvalid' | undefined;
}

export interface ImportProgress {
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly rowsWithErrors: number;
}

export interface RowError {
  readonly row: number;
  readonly column?: string;
  readonly field?: string;
  readonly value?: string;
  readonly code: string;
  readonly message: string;
}

export interface ImportResult extends ImportProgress {
  readonly dryRun: boolean;
  readonly committed: boolean;
  readonly errors: readonly RowError[];
  readonly errorsTruncated: boolean;
  /** Column → cell text that matched no option or record → rows with it. */
  readonly unmatched: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface ImportProblem {
  readonly message: string;
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

export type ImportOutcome =
  | { readonly kind: 'done'; readonly result: ImportResult }
  | { readonly kind: 'refused'; readonly problem: ImportProblem }
  | { readonly kind: 'cancelled' };

/**
 * Uploads the file to `POST /api/<plural>/import` with the options, and follows the server's NDJSON answer: a
 * progress line per chunk (the progress bar), then the result. Aborting `signal` closes the request, and the server
 * rolls the whole import back.
 */
export async function runImport(
  pluralName: string,
  file: File,
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void,
  signal: AbortSignal,
): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('options', JSON.stringify(options));
  form.append('file', file, file.name);
  const token = storedToken();
  try {
    const response = await fetch(`/api/${pluralName}/import`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
      signal,
    });
    if (!response.headers.get('content-type')?.includes('ndjson')) {
      const body = (await response.json().catch(() => ({}))) as { error?: Partial<ImportProblem> };
      return {
        kind: 'refused',
        problem: { message: body.error?.message ?? `HTTP ${response.status}`, problems: body.error?.problems ?? [] },
      };
    }
    let result: ImportOutcome | undefined;
    await readLines(response.body!, (line) => {
      const parsed = JSON.parse(line) as
        | ({ type: 'progress' } & ImportProgress)
        | ({ type: 'result' } & ImportResult)
        | { type: 'error'; error: ImportProblem };
      if (parsed.type === 'progress') onProgress(parsed);
      else if (parsed.type === 'result') result = { kind: 'done', result: parsed };
      else
        result = { kind: 'refused', problem: { message: parsed.error.message, problems: parsed.error.problems ?? [] } };
    });
    return (
      result ?? { kind: 'refused', problem: { message: 'The server ended the import without a result', problems: [] } }
    );
  } catch (error) {
    if (signal.aborted) return { kind: 'cancelled' };
    return { kind: 'refused', problem: { message: (error as Error).message, problems: [] } };
  }
}

async function readLines(body: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = done ? '' : lines.pop()!;
    lines.filter((l) => l.trim()).forEach(onLine);
    if (done) return;
  }
}
