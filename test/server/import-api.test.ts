import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  const manifest = {
    objects: [
      {
        name: 'clinic',
        pluralName: 'clinics',
        titleField: 'title',
        fields: [
          { name: 'title', type: 'text', required: true, unique: true },
          { name: 'beds', type: 'number', precision: 0 },
          {
            name: 'region',
            type: 'select',
            options: [{ value: 'north', label: { en: 'North', ru: 'Север' } }, 'south'],
          },
          { name: 'opened', type: 'date' },
          { name: 'budget', type: 'currency' },
          { name: 'accredited', type: 'boolean' },
        ],
      },
      {
        name: 'ward',
        pluralName: 'wards',
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'clinic', type: 'relation', target: 'clinic' },
          { name: 'beds', type: 'number', precision: 0 },
        ],
        // Refused only when written (not while a row is read), so the import learns of it from the record service.
        validationRules: [
          {
            name: 'bedsLimit',
            message: 'A ward has at most 60 beds',
            fields: ['beds'],
            condition: { $or: [{ beds: { $isNull: true } }, { beds: { $lte: 60 } }] },
          },
        ],
      },
    ],
    // A nurse adds wards to no more than 30 beds: a create scope that refuses some rows of a file, not the file.
    roles: [
      {
        name: 'nurse',
        rules: [
          { action: 'read', subject: ['clinic', 'ward'] },
          { action: 'create', subject: 'ward', conditions: { beds: { $lte: 30 } } },
        ],
      },
    ],
  };
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: manifest });
  expect(applied.errors).toBeUndefined();
  await api.gql(`mutation { createClinic(data: { title: "Zomba General" }) { id } }`);
});
afterAll(() => api.close());

interface Line {
  type: 'progress' | 'result' | 'error';
  [key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function importFile(plural: string, csv: string | Blob, options: unknown, init: RequestInit = {}) {
  const form = new FormData();
  form.append('options', JSON.stringify(options));
  form.append('file', typeof csv === 'string' ? new Blob([csv], { type: 'text/csv' }) : csv, 'data.csv');
  const response = await fetch(`${api.server.url}/api/${plural}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
    ...init,
  });
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('ndjson'))
    return {
      status: response.status,
      lines: [] as Line[],
      error: JSON.parse(text) as Line,
      result: { type: 'error' } as Line,
    };
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
  return { status: response.status, lines, error: undefined, result: lines.at(-1)! };
}

const count = async (plural: string) =>
  (await api.gql<Record<string, { totalCount: number }>>(`{ ${plural}(first: 1) { totalCount } }`)).data![plural]!
    .totalCount;

const CLINIC_COLUMNS = [
  { column: 'Clinic', field: 'title' },
  { column: 'Beds', field: 'beds' },
  { column: 'Region', field: 'region' },
  { column: 'Opened', field: 'opened', dateOrder: 'MDY' },
  { column: 'Budget', field: 'budget', currency: 'MWK' },
  { column: 'Accredited', field: 'accredited' },
];

const CLINICS = [
  'Clinic,Beds,Region,Opened,Budget,Accredited',
  'Mzuzu Central,"1,200",North,3/1/2017,2500000,yes',
  'Kasungu,forty,south,12/31/2019,,no',
  'Dedza,40,Nrth,1/15/2020,100,yes',
  'Mzuzu Central,10,south,1/1/2020,,',
  'Zomba General,5,south,1/1/2020,,',
  'Salima,12,south,2/30/2021,,',
  'Nkhotakota,7,south',
  'Mangochi,"30",SOUTH,7/4/2018,"1,000.50 USD",1',
].join('\n');

test('a dry run reports every bad row at its column and writes nothing', async () => {
  const before = await count('clinics');
  const { status, result, error } = await importFile('clinics', CLINICS, { columns: CLINIC_COLUMNS, dryRun: true });
  expect(error).toBeUndefined();
  expect(status).toBe(200);
  expect(result.type).toBe('result');
  expect(result).toMatchObject({ dryRun: true, committed: false, rowsRead: 8, rowsWritten: 2, rowsWithErrors: 6 });
  const byRow = Object.fromEntries(result.errors.map((e: Line) => [e.row, e]));
  expect(byRow[3]).toMatchObject({ column: 'Beds', code: 'INVALID_VALUE', value: 'forty' });
  expect(byRow[4]).toMatchObject({ column: 'Region', code: 'UNKNOWN_OPTION', value: 'Nrth' });
  expect(byRow[5]).toMatchObject({ column: 'Clinic', code: 'DUPLICATE', message: expect.stringContaining('row 2') });
  expect(byRow[6]).toMatchObject({
    column: 'Clinic',
    code: 'DUPLICATE',
    message: expect.stringContaining('already exists'),
  });
  expect(byRow[7]).toMatchObject({ column: 'Opened', code: 'INVALID_VALUE', value: '2/30/2021' });
  expect(byRow[8]).toMatchObject({ code: 'MALFORMED_ROW' });
  expect(result.unmatched).toEqual({ Region: { Nrth: 1 } });
  expect(await count('clinics')).toBe(before);
});

test('a real import with errors writes nothing unless told to skip the bad rows', async () => {
  const before = await count('clinics');
  const refused = await importFile('clinics', CLINICS, { columns: CLINIC_COLUMNS });
  expect(refused.result).toMatchObject({ dryRun: false, committed: false, rowsWritten: 0, rowsWithErrors: 6 });
  expect(await count('clinics')).toBe(before);

  const fixedRegion = CLINIC_COLUMNS.map((c) => (c.column === 'Region' ? { ...c, values: { Nrth: 'north' } } : c));
  const skipped = await importFile('clinics', CLINICS, { columns: fixedRegion, onError: 'skipInvalid' });
  expect(skipped.result).toMatchObject({ committed: true, rowsWritten: 3, rowsWithErrors: 5 });
  expect(await count('clinics')).toBe(before + 3);
  const { data } = await api.gql<{ clinics: { edges: { node: Record<string, unknown> }[] } }>(
    `{ clinics(filter: { title: { in: ["Mzuzu Central", "Dedza", "Mangochi"] } }, orderBy: [{ field: title }]) {
        edges { node { title beds region opened budget { amount currency } accredited } } } }`,
  );
  expect(data!.clinics.edges.map((e) => e.node)).toEqual([
    {
      title: 'Dedza',
      beds: 40,
      region: 'north',
      opened: '2020-01-15',
      budget: { amount: 100, currency: 'MWK' },
      accredited: true,
    },
    {
      title: 'Mangochi',
      beds: 30,
      region: 'south',
      opened: '2018-07-04',
      budget: { amount: 1000.5, currency: 'USD' },
      accredited: true,
    },
    {
      title: 'Mzuzu Central',
      beds: 1200,
      region: 'north',
      opened: '2017-03-01',
      budget: { amount: 2500000, currency: 'MWK' },
      accredited: true,
    },
  ]);
});

test('related records are found by title, and unknown names are reported and fixed by a value mapping', async () => {
  const csv = ['Ward,Clinic', 'Maternity,Zomba General', 'Surgery,Zomba Generl', 'Paediatrics,'].join('\n');
  const columns = [
    { column: 'Ward', field: 'name' },
    { column: 'Clinic', field: 'clinic' },
  ];
  const dry = await importFile('wards', csv, { columns, dryRun: true });
  expect(dry.result).toMatchObject({ rowsWithErrors: 1, unmatched: { Clinic: { 'Zomba Generl': 1 } } });
  expect(dry.result.errors[0]).toMatchObject({ row: 3, column: 'Clinic', code: 'UNKNOWN_RECORD' });

  const fixed = columns.map((c) => (c.field === 'clinic' ? { ...c, values: { 'Zomba Generl': 'Zomba General' } } : c));
  const done = await importFile('wards', csv, { columns: fixed });
  expect(done.result).toMatchObject({ committed: true, rowsWritten: 3, rowsWithErrors: 0 });
  const { data } = await api.gql<{ wards: { edges: { node: { name: string; clinic: { title: string } | null } }[] } }>(
    `{ wards(orderBy: [{ field: name }]) { edges { node { name clinic { title } } } } }`,
  );
  expect(data!.wards.edges.map((e) => [e.node.name, e.node.clinic?.title ?? null])).toEqual([
    ['Maternity', 'Zomba General'],
    ['Paediatrics', null],
    ['Surgery', 'Zomba General'],
  ]);
});

test('a related record is found whatever the case and spacing of its name, and not by a longer title', async () => {
  await api.gql(`mutation { createClinic(data: { title: "Zomba General Annex" }) { id } }`);
  const csv = ['Ward,Clinic', 'Radiology,zomba  GENERAL', 'Dental,Zomba'].join('\n');
  const columns = [
    { column: 'Ward', field: 'name' },
    { column: 'Clinic', field: 'clinic' },
  ];
  const dry = await importFile('wards', csv, { columns, dryRun: true });
  // "Zomba" is only the start of two titles: not a match (a search would find both).
  expect(dry.result).toMatchObject({ rowsWithErrors: 1, unmatched: { Clinic: { Zomba: 1 } } });
  expect(dry.result.errors[0]).toMatchObject({ row: 3, code: 'UNKNOWN_RECORD' });
  const done = await importFile('wards', csv, { columns, onError: 'skipInvalid' });
  expect(done.result).toMatchObject({ committed: true, rowsWritten: 1 });
  const { data } = await api.gql<{ wards: { edges: { node: { clinic: { title: string } | null } }[] } }>(
    `{ wards(filter: { name: { eq: "Radiology" } }) { edges { node { clinic { title } } } } }`,
  );
  expect(data!.wards.edges.map((e) => e.node.clinic?.title)).toEqual(['Zomba General']);
});

test('a mapping that does not fit the file or the object is refused before any row is read', async () => {
  const { status, error } = await importFile('clinics', 'Clinic,Beds\nA,1', {
    columns: [
      { column: 'Name', field: 'title' },
      { column: 'Beds', field: 'bedz' },
    ],
  });
  expect(status).toBe(400);
  expect(error!.error.problems).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ path: 'columns[0].column', message: expect.stringContaining('no column "Name"') }),
      expect.objectContaining({ path: 'columns[1].field', message: expect.stringContaining('unknown field "bedz"') }),
      expect.objectContaining({ path: 'columns', message: expect.stringContaining('title is required') }),
    ]),
  );
});

test('rows the record service refuses in one chunk are reported while the next chunk is read and looked up', async () => {
  const before = await count('wards');
  // Three chunks of 5,000; every 997th row breaks the rule (refused at write time), and every row is matched to
  // its clinic by name, so each chunk's lookup follows a write that failed part-way.
  const rows = Array.from({ length: 15_000 }, (_, i) => `Ward ${i},Zomba General,${i % 997 === 0 ? 99 : 20}`);
  const csv = ['Ward,Clinic,Beds', ...rows].join('\n');
  const columns = [
    { column: 'Ward', field: 'name' },
    { column: 'Clinic', field: 'clinic' },
    { column: 'Beds', field: 'beds' },
  ];
  const refusedRows = rows.flatMap((_, i) => (i % 997 === 0 ? [i + 2] : []));
  const strict = await importFile('wards', csv, { columns });
  expect(strict.result).toMatchObject({ rowsRead: 15_000, rowsWithErrors: refusedRows.length, committed: false });
  expect(await count('wards')).toBe(before);

  const skipping = await importFile('wards', csv, { columns, onError: 'skipInvalid' });
  expect(skipping.result).toMatchObject({
    rowsRead: 15_000,
    rowsWritten: 15_000 - refusedRows.length,
    rowsWithErrors: refusedRows.length,
    committed: true,
  });
  expect((skipping.result.errors as { row: number; field: string; code: string }[]).map((e) => e.row)).toEqual(
    refusedRows,
  );
  expect(skipping.result.errors[0]).toMatchObject({ field: 'beds', column: 'Beds', code: 'INVALID_VALUE' });
  expect(skipping.result.errors[0].message).toContain('bedsLimit');
  expect(await count('wards')).toBe(before + 15_000 - refusedRows.length);
  const { data } = await api.gql<{ wards: { totalCount: number } }>(
    `{ wards(first: 1, filter: { beds: { gt: 60 } }) { totalCount } }`,
  );
  expect(data!.wards.totalCount).toBe(0);
});

test('the rows an importer may not create are set aside at their row, the others written', async () => {
  const email = `nurse-${Date.now()}@${api.email.split('@')[1]}`;
  const created = await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
    i: { email, password: 'a long enough password', roles: ['nurse'] },
  });
  expect(created.errors).toBeUndefined();
  const { token } = (await (
    await fetch(`${api.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a long enough password' }),
    })
  ).json()) as { token: string };
  const before = await count('wards');
  // Two chunks: every 1,000th ward is too big for a nurse.
  const rows = Array.from({ length: 6_000 }, (_, i) => `Nurse ward ${i},${i % 1000 === 7 ? 45 : 12}`);
  const columns = [
    { column: 'Ward', field: 'name' },
    { column: 'Beds', field: 'beds' },
  ];
  const result = (
    await importFile(
      'wards',
      ['Ward,Beds', ...rows].join('\n'),
      { columns, onError: 'skipInvalid' },
      {
        headers: { authorization: `Bearer ${token}` },
      },
    )
  ).result;
  expect(result).toMatchObject({ rowsWritten: 5_994, rowsWithErrors: 6, committed: true });
  expect((result.errors as { row: number; code: string }[]).map((e) => [e.row, e.code])).toEqual(
    [9, 1009, 2009, 3009, 4009, 5009].map((row) => [row, 'REFUSED']),
  );
  expect(await count('wards')).toBe(before + 5_994);
});

test('progress is streamed chunk by chunk and cancelling leaves nothing behind', async () => {
  const before = await count('wards');
  const rows = Array.from({ length: 12_000 }, (_, i) => `Ward ${i},Zomba General`);
  const csv = ['Ward,Clinic', ...rows].join('\n');
  const columns = [
    { column: 'Ward', field: 'name' },
    { column: 'Clinic', field: 'clinic' },
  ];
  const whole = await importFile('wards', csv, { columns, dryRun: true });
  expect(whole.lines.filter((l) => l.type === 'progress').length).toBeGreaterThanOrEqual(3);
  expect(whole.result).toMatchObject({ rowsRead: 12_000, rowsWritten: 12_000, rowsWithErrors: 0 });

  // A real import of a file still uploading, cancelled once the server has reported its first chunk.
  const boundary = 'stratum-test-boundary';
  const encoder = new TextEncoder();
  const pieces = [
    `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify({ columns })}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="wards.csv"\r\n\r\nWard,Clinic\n`,
    ...Array.from({ length: 60 }, (_, p) => rows.slice(p * 200, (p + 1) * 200).join('\n') + '\n'),
  ];
  const upload = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const piece = pieces.shift();
      if (piece === undefined) return controller.close();
      await new Promise((r) => setTimeout(r, 50));
      controller.enqueue(encoder.encode(piece));
    },
  });
  const abort = new AbortController();
  const response = await fetch(`${api.server.url}/api/wards/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: upload,
    signal: abort.signal,
    duplex: 'half',
  } as RequestInit);
  const reader = response.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  expect(JSON.parse(first.split('\n')[0]!)).toMatchObject({ type: 'progress' });
  abort.abort();
  // The rollback happens on the server after the connection closes: wait until it has.
  for (let i = 0; i < 50 && (await count('wards')) !== before; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
  expect(await count('wards')).toBe(before);
});
