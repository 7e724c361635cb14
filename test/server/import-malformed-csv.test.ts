import { startTestApi, type TestApi } from '../support/api';

/**
 * A file that is not valid CSV (a quote never closed, text after a closing quote) is refused as a whole, with the
 * row or line where it goes wrong, and nothing of it is written — also when the server finds out only after it has
 * streamed progress for the chunks before, and also when told to skip bad rows (a broken quote is not a bad row: from
 * there on the file's cells cannot be told apart). Wrong types in cells, unknown options and related records, and
 * duplicates within one file are reported per row by test/server/import-api.test.ts.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  const manifest = {
    objects: [
      {
        name: 'crate',
        pluralName: 'crates',
        titleField: 'label',
        fields: [
          { name: 'label', type: 'text', required: true, unique: true },
          { name: 'weight', type: 'number', precision: 0 },
        ],
      },
    ],
  };
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: manifest });
  expect(applied.errors).toBeUndefined();
});
afterAll(() => api.close());

interface Line {
  readonly type: 'progress' | 'result' | 'error';
  readonly error?: { readonly code: string; readonly message: string; readonly problems: readonly Problem[] };
}
interface Problem {
  readonly path: string;
  readonly message: string;
}

const COLUMNS = [
  { column: 'Label', field: 'label' },
  { column: 'Weight', field: 'weight' },
];

/** Posts a CSV to the import; the answer as a refusal (JSON before any progress) or the NDJSON lines. */
async function importFile(csv: string, options: object) {
  const form = new FormData();
  form.append('options', JSON.stringify({ columns: COLUMNS, ...options }));
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'crates.csv');
  const response = await fetch(`${api.server.url}/api/crates/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
  });
  const text = await response.text();
  const ndjson = response.headers.get('content-type')?.includes('ndjson') ?? false;
  return {
    status: response.status,
    ndjson,
    lines: ndjson
      ? text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Line)
      : [],
    refusal: ndjson ? undefined : (JSON.parse(text) as Required<Pick<Line, 'error'>>),
  };
}

const crates = async () =>
  (await api.gql<{ crates: { totalCount: number } }>(`{ crates(first: 1) { totalCount } }`)).data!.crates.totalCount;

const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `Crate ${from + i},${(from + i) % 90}`);

test('a quote never closed is refused before anything is written, naming the row where it opens', async () => {
  // Line 4 (row 4) opens a quoted cell that runs to the end of the file: the parser notices only there, at line 6.
  const csv = ['Label,Weight', ...rows(1, 2), '"Crate 3,12', ...rows(4, 2)].join('\n');
  for (const options of [{ dryRun: true }, {}, { onError: 'skipInvalid' }]) {
    const before = await crates();
    const { status, refusal } = await importFile(csv, options);
    expect(status).toBe(400);
    expect(refusal!.error.code).toBe('BAD_USER_INPUT');
    expect(refusal!.error.problems).toEqual([
      {
        path: 'file',
        message: 'is not valid CSV: the quote opened in row 4 is never closed (the file ends at line 6)',
      },
    ]);
    expect(await crates()).toBe(before);
  }
});

test('text after a closing quote is refused at its line', async () => {
  const csv = ['Label,Weight', ...rows(1, 4), '"Crate 5" large,3', ...rows(6, 2)].join('\n');
  const before = await crates();
  const { status, refusal } = await importFile(csv, {});
  expect(status).toBe(400);
  expect(refusal!.error.problems).toEqual([
    { path: 'file:6', message: expect.stringMatching(/^is not valid CSV: Invalid Closing Quote: got " " at line 6/) },
  ]);
  expect(await crates()).toBe(before);
});

test('a broken quote found after chunks were written ends the stream with an error line and rolls them back', async () => {
  // Two chunks of 5,000 good rows are written (in the import's transaction) before the parser reaches row 11,002.
  const csv = ['Label,Weight', ...rows(1, 11_000), '"Crate 11001,1', ...rows(11_002, 500)].join('\n');
  for (const options of [{}, { onError: 'skipInvalid' }]) {
    const before = await crates();
    const { status, ndjson, lines } = await importFile(csv, options);
    expect({ status, ndjson }).toEqual({ status: 200, ndjson: true });
    expect(lines.filter((l) => l.type === 'progress').length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => l.type === 'result')).toEqual([]);
    const last = lines.at(-1)!;
    expect(last.type).toBe('error');
    expect(last.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        {
          path: 'file',
          message: 'is not valid CSV: the quote opened in row 11002 is never closed (the file ends at line 11502)',
        },
      ],
    });
    expect(await crates()).toBe(before);
  }
  // The same file without the broken line imports whole: the rollback above was the quote's doing.
  const fixed = csv.replace('"Crate 11001,1', 'Crate 11001,1');
  const before = await crates();
  const done = await importFile(fixed, {});
  expect(done.lines.at(-1)).toMatchObject({ type: 'result', committed: true, rowsWritten: 11_501 });
  expect(await crates()).toBe(before + 11_501);
});
