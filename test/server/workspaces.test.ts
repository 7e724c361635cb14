import { ensureWorkspace } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import { createUser } from '../../server/src/auth/users';
import { startTestApi, type TestApi } from '../support/api';
import { uniqueName } from '../support/database';
import { types } from '../support/workspace';

let api: TestApi;
let other: string;
beforeAll(async () => {
  api = await startTestApi();
  await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, {
    m: { objects: [{ name: 'lead', pluralName: 'leads', fields: [{ name: 'title', type: 'text' }] }] },
  });
  await api.gql(`mutation { createLead(data: { title: "Only in the first workspace" }) { id } }`);
  other = uniqueName('other');
  await ensureWorkspace(api.db, other);
  await applyManifest(
    api.db,
    { objects: [{ name: 'ticket', pluralName: 'tickets', fields: [{ name: 'subject', type: 'text' }] }] },
    { workspace: other, types },
  );
  await createUser(api.db, other, { email: `b.${api.email}`, password: 'workspace b password', roles: ['admin'] });
});
afterAll(() => api.close());

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

async function gqlIn(workspace: string | undefined, token: string, query: string) {
  const response = await fetch(`${api.server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(workspace ? { 'x-stratum-workspace': workspace } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}

test('a request acts in exactly one workspace, and only a member may act in it', async () => {
  const login = await fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `b.${api.email}`, password: 'workspace b password' }),
  });
  const tokenB = ((await login.json()) as { token: string }).token;
  // The member of the other workspace sees its model and records there, and nothing of the default one.
  expect((await gqlIn(other, tokenB, `{ objects { name } }`)).data).toEqual({ objects: [{ name: 'ticket' }] });
  expect(
    (await gqlIn(other, tokenB, `mutation { createTicket(data: { subject: "Printer on fire" }) { subject } }`)).data,
  ).toEqual({ createTicket: { subject: 'Printer on fire' } });
  expect(code(await gqlIn(undefined, tokenB, `{ leads { totalCount } }`))).toBe('UNAUTHENTICATED');
  // The default workspace's admin is not a member of the other one: same answer as a bad token.
  expect(code(await gqlIn(other, api.token, `{ tickets { totalCount } }`))).toBe('UNAUTHENTICATED');
  expect(code(await gqlIn('no_such_workspace', api.token, `{ me { id } }`))).toBe('UNAUTHENTICATED');
  expect(code(await gqlIn('Bad Name!', api.token, `{ me { id } }`))).toBe('UNAUTHENTICATED');
  // Once a member of both, the same user sees each workspace's own model and data, never mixed.
  await api.db.query(
    `INSERT INTO stratum.memberships (workspace, "userId", roles) SELECT $1, id, '{admin}' FROM stratum.users WHERE email = $2`,
    [other, api.email],
  );
  expect((await gqlIn(other, api.token, `{ tickets { totalCount } objects { name } }`)).data).toEqual({
    tickets: { totalCount: 1 },
    objects: [{ name: 'ticket' }],
  });
  expect((await gqlIn(undefined, api.token, `{ leads { totalCount } objects { name } }`)).data).toEqual({
    leads: { totalCount: 1 },
    objects: [{ name: 'lead' }],
  });
  expect(code(await gqlIn(other, api.token, `{ leads { totalCount } }`))).toBe('BAD_USER_INPUT');
  // REST follows the same header.
  const rest = await fetch(`${api.server.url}/api/tickets?totalCount=true`, {
    headers: { authorization: `Bearer ${tokenB}`, 'x-stratum-workspace': other },
  });
  expect(((await rest.json()) as { totalCount: number }).totalCount).toBe(1);
});
