import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  const manifest = {
    objects: [
      {
        name: 'clinic',
        pluralName: 'clinics',
        fields: [
          { name: 'title', type: 'text', required: true, unique: true },
          { name: 'beds', type: 'number', precision: 0 },
          { name: 'region', type: 'select', options: ['north', 'south'] },
          { name: 'opened', type: 'date' },
        ],
      },
    ],
  };
  await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: manifest });
});
afterAll(() => api.close());

async function rest(method: string, path: string, body?: unknown, token: string | null = api.token) {
  const response = await fetch(`${api.server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

test('the REST face runs the same operations as GraphQL', async () => {
  const one = await rest('POST', '/api/clinics', {
    title: 'Lilongwe Central',
    beds: 120,
    region: 'south',
    opened: '2001-04-01',
  });
  expect(one.status).toBe(201);
  expect(one.body.data).toMatchObject({ title: 'Lilongwe Central', beds: 120 });
  const many = await rest('POST', '/api/clinics', [
    { title: 'Mzuzu', beds: 80, region: 'north' },
    { title: 'Zomba', beds: 60, region: 'south' },
  ]);
  expect(many.body.data).toHaveLength(2);
  const filter = encodeURIComponent(JSON.stringify({ region: { eq: 'south' } }));
  const list = await rest('GET', `/api/clinics?filter=${filter}&orderBy=-beds&first=1&totalCount=true`);
  expect(list.body).toMatchObject({
    totalCount: 2,
    data: [{ title: 'Lilongwe Central' }],
    pageInfo: { hasNextPage: true },
  });
  const next = await rest(
    'GET',
    `/api/clinics?filter=${filter}&orderBy=-beds&first=1&after=${list.body.pageInfo.endCursor}`,
  );
  expect(next.body.data.map((c: { title: string }) => c.title)).toEqual(['Zomba']);
  const id = one.body.data.id as string;
  expect((await rest('GET', `/api/clinics/${id}`)).body.data.title).toBe('Lilongwe Central');
  expect((await rest('PATCH', `/api/clinics/${id}`, { beds: 130 })).body.data.beds).toBe(130);
  const bulk = await rest(
    'PATCH',
    '/api/clinics',
    many.body.data.map((c: { id: string }) => ({ id: c.id, data: { beds: 1 } })),
  );
  expect(bulk.body.data.map((c: { beds: number }) => c.beds)).toEqual([1, 1]);
  const groups = await rest('GET', '/api/clinics/aggregate?groupBy=region');
  expect(groups.body).toEqual(
    expect.arrayContaining([expect.objectContaining({ key: { region: 'south' }, count: 2 })]),
  );
  expect((await rest('DELETE', `/api/clinics/${id}`)).status).toBe(200);
  expect((await rest('GET', `/api/clinics/${id}`)).status).toBe(404);
  expect((await rest('POST', `/api/clinics/${id}/restore`)).body.data.title).toBe('Lilongwe Central');
});

test('errors carry the contract codes, paths and HTTP statuses', async () => {
  expect((await rest('GET', '/api/clinics', undefined, null)).status).toBe(401);
  const bad = await rest('POST', '/api/clinics', { title: 'X', region: 'east', wards: 3 });
  expect(bad.status).toBe(400);
  expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['data.region', 'data.wards']);
  const dup = await rest('POST', '/api/clinics', { title: 'Mzuzu' });
  expect(dup).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
  expect((await rest('GET', '/api/clinics?filter=notjson')).body.error).toMatchObject({
    code: 'BAD_USER_INPUT',
    message: expect.stringContaining('filter'),
  });
  expect((await rest('GET', '/api/clinics?first=501')).body.error.code).toBe('LIMIT_EXCEEDED');
  expect((await rest('GET', '/api/unicorns')).status).toBe(404);
});

test('an OpenAPI document describes the generated REST API', async () => {
  expect((await rest('GET', '/api/openapi.json', undefined, null)).status).toBe(401);
  const doc = (await rest('GET', '/api/openapi.json')).body;
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(['/api/clinics', '/api/clinics/{id}', '/api/clinics/{id}/restore']),
  );
  expect(doc.components.schemas.ClinicInput).toMatchObject({
    required: ['title'],
    properties: { region: { type: 'string', enum: ['north', 'south'] }, opened: { format: 'date' } },
  });
});
