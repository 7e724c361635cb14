import { startTestApi, type TestApi } from '../support/api';

/**
 * Rich text through every write path of the API: GraphQL create and update, REST, and a CSV import store the
 * HTML cleaned (runtime/src/fields/rich-text.ts), so what is read back has no script, event handler or
 * `javascript:` link, while the editor's own markup is kept as written.
 */
const manifest = {
  objects: [
    {
      name: 'memo',
      pluralName: 'memos',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'body', type: 'richText' },
      ],
    },
  ],
};

const HOSTILE =
  '<p onclick="steal()">Call <a href="javascript:alert(1)">here</a></p><img src="x" onerror="alert(1)">' +
  '<script>alert(2)</script><p><a href="https://example.com" target="_blank">site</a></p>';
const CLEANED =
  '<p>Call <a>here</a></p><p><a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com">site</a></p>';
const EDITOR = '<h2>Agenda</h2><ul><li><p><strong>Price</strong> and <em>terms</em></p></li></ul>';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: manifest });
  expect(applied.errors).toBeUndefined();
});
afterAll(() => api.close());

async function bodyOf(id: string): Promise<string | null> {
  const read = await api.gql<{ memo: { body: string | null } }>(`query($id: ID!) { memo(id: $id) { body } }`, { id });
  expect(read.errors).toBeUndefined();
  return read.data!.memo.body;
}

test('GraphQL create and update store cleaned HTML and keep the editor markup', async () => {
  const created = await api.gql<{ createMemo: { id: string; body: string } }>(
    `mutation($body: String) { createMemo(data: { title: "Hostile", body: $body }) { id body } }`,
    { body: HOSTILE },
  );
  expect(created.errors).toBeUndefined();
  expect(created.data!.createMemo.body).toBe(CLEANED);
  const id = created.data!.createMemo.id;
  expect(await bodyOf(id)).toBe(CLEANED);

  const updated = await api.gql(
    `mutation($id: ID!, $body: String) { updateMemo(id: $id, data: { body: $body }) { id } }`,
    {
      id,
      body: EDITOR,
    },
  );
  expect(updated.errors).toBeUndefined();
  expect(await bodyOf(id)).toBe(EDITOR);

  await api.gql(`mutation($id: ID!, $body: String) { updateMemo(id: $id, data: { body: $body }) { id } }`, {
    id,
    body: '<p><a href=" jav&#x09;ascript:alert(1)">x</a><svg onload="alert(1)"></svg></p>',
  });
  expect(await bodyOf(id)).toBe('<p><a>x</a></p>');
});

test('REST writes are cleaned the same way', async () => {
  const response = await fetch(`${api.server.url}/api/memos`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ title: 'Over REST', body: HOSTILE }),
  });
  expect(response.status).toBe(201);
  const { data } = (await response.json()) as { data: { id: string; body: string } };
  expect(data.body).toBe(CLEANED);
  expect(await bodyOf(data.id)).toBe(CLEANED);
});

test('an imported file is cleaned row by row', async () => {
  const csv = ['Title,Body', `Imported,"${HOSTILE.replaceAll('"', '""')}"`].join('\n');
  const form = new FormData();
  form.append(
    'options',
    JSON.stringify({
      columns: [
        { column: 'Title', field: 'title' },
        { column: 'Body', field: 'body' },
      ],
    }),
  );
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'memos.csv');
  const response = await fetch(`${api.server.url}/api/memos/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
  });
  const lines = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; rowsWritten?: number });
  expect(lines.at(-1)).toMatchObject({ type: 'result', rowsWritten: 1 });
  const found = await api.gql<{ memos: { edges: { node: { body: string } }[] } }>(
    `{ memos(filter: { title: { eq: "Imported" } }) { edges { node { body } } } }`,
  );
  expect(found.errors).toBeUndefined();
  expect(found.data!.memos.edges).toEqual([{ node: { body: CLEANED } }]);
});
