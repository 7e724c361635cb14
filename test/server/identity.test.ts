import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: 'sales-crm' });
});
afterAll(() => api.close());

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const login = (email: string, password: string) =>
  fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

async function member(name: string, roles: string[] = ['manager']): Promise<{ id: string; email: string }> {
  const email = `${name}.${api.email}`;
  const r = await api.gql<{ createUser: { id: string } }>(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    {
      i: { email, password: 'correct horse battery', name, roles },
    },
  );
  expect(r.errors).toBeUndefined();
  return { id: r.data!.createUser.id, email };
}

test('people: bad input names the path; duplicates conflict', async () => {
  const bad = await api.gql(
    `mutation { createUser(input: { email: "nope", password: "short", roles: ["wizard"] }) { id } }`,
  );
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect((bad.errors![0]!.extensions as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual([
    'input.email',
    'input.password',
    'input.roles[0]',
  ]);
  await member('dup');
  expect(
    code(
      await api.gql(
        `mutation($e: String!) { createUser(input: { email: $e, password: "correct horse battery" }) { id } }`,
        { e: `dup.${api.email}` },
      ),
    ),
  ).toBe('CONFLICT');
});

test('repeated failed logins lock the account for a while, whatever the password', async () => {
  const { email } = await member('locky');
  for (let i = 0; i < 5; i++) expect((await login(email, 'wrong password')).status).toBe(401);
  const locked = await login(email, 'correct horse battery');
  expect(locked.status).toBe(429);
  expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  const log = await api.gql<{ auditLog: { event: string; subject: string }[] }>(
    `{ auditLog(first: 20) { event subject } }`,
  );
  const events = log.data!.auditLog.filter((e) => e.subject === email).map((e) => e.event);
  expect(events.filter((e) => e === 'loginFailed')).toHaveLength(5);
  expect(events).toContain('loginLocked');
});

test('an admin password reset and deactivation end the sessions', async () => {
  const { id, email } = await member('resetme');
  const { token } = (await (await login(email, 'correct horse battery')).json()) as { token: string };
  expect((await api.gql(`{ me { id } }`, {}, token)).data).toEqual({ me: { id } });
  await api.gql(`mutation($id: ID!) { updateUser(id: $id, input: { password: "a brand new password" }) { id } }`, {
    id,
  });
  expect(code(await api.gql(`{ me { id } }`, {}, token))).toBe('UNAUTHENTICATED');
  const again = (await (await login(email, 'a brand new password')).json()) as { token: string };
  await api.gql(`mutation($id: ID!) { deactivateUser(id: $id) { active } }`, { id });
  expect(code(await api.gql(`{ me { id } }`, {}, again.token))).toBe('UNAUTHENTICATED');
  expect((await login(email, 'a brand new password')).status).toBe(401);
});

test('API keys are shown once, act with their roles, and can be revoked', async () => {
  const created = await api.gql<{ createApiKey: { id: string; key: string; roles: string[] } }>(
    `mutation { createApiKey(name: "Website form", roles: ["manager"]) { id key roles } }`,
  );
  expect(created.errors).toBeUndefined();
  const { id, key } = created.data!.createApiKey;
  expect(key).toMatch(/^sk_/);
  expect(
    (await api.gql<{ apiKeys: { key: string | null }[] }>(`{ apiKeys { id key } }`)).data!.apiKeys.every(
      (k) => k.key === null,
    ),
  ).toBe(true);
  const me = await api.gql<{ me: { roles: string[] } }>(`{ me { roles } }`, {}, key);
  expect(me.data!.me.roles).toEqual(['manager']);
  // A manager may not change the model, whoever created the key.
  expect(
    code(
      await api.gql(
        `mutation { createField(input: { object: "deal", name: "viaKey", type: "text" }) { applied } }`,
        {},
        key,
      ),
    ),
  ).toBe('FORBIDDEN');
  await api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id });
  expect(code(await api.gql(`{ me { id } }`, {}, key))).toBe('UNAUTHENTICATED');
  const log = await api.gql<{ auditLog: { event: string }[] }>(`{ auditLog(first: 50) { event } }`);
  expect(log.data!.auditLog.map((e) => e.event)).toEqual(
    expect.arrayContaining(['apiKeyCreated', 'apiKeyUsed', 'permissionDenied', 'userCreated', 'login']),
  );
});

test('roles in a manifest are validated against the model, at their paths', async () => {
  const manifest = (await api.gql<{ exportManifest: { roles: unknown[] } }>(`{ exportManifest }`)).data!.exportManifest;
  const bad = {
    ...manifest,
    roles: [
      { name: 'admin', rules: [] },
      {
        name: 'viewer',
        rules: [
          { action: 'read', subject: 'deel' },
          { action: 'read', subject: 'deal', fields: ['price'] },
          { action: 'read', subject: 'deal', conditions: { amount: { $gte: 'lots' } } },
          { action: 'fly', subject: 'deal' },
        ],
      },
    ],
  };
  const result = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: bad });
  expect(code(result)).toBe('BAD_USER_INPUT');
  const paths = (result.errors![0]!.extensions as { problems: { path: string }[] }).problems.map((p) => p.path);
  expect(paths).toEqual(expect.arrayContaining(['roles[1].rules[3].action']));
  const fixed = { ...bad, roles: bad.roles.slice(1).map((r) => ({ ...r, rules: r.rules.slice(0, 3) })) };
  const second = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: fixed });
  const secondPaths = (second.errors![0]!.extensions as { problems: { path: string }[] }).problems.map((p) => p.path);
  expect(secondPaths).toEqual(
    expect.arrayContaining([
      'roles[0].rules[0].subject',
      'roles[0].rules[1].fields',
      'roles[0].rules[2].conditions.amount.$gte',
    ]),
  );
});

test('roles are managed through the API, validated, and audited', async () => {
  const saved = await api.gql(`mutation($r: JSON!) { saveRole(input: $r) { applied changes } }`, {
    r: { name: 'viewer', label: 'Viewer', rules: [{ action: 'read', subject: ['deal', 'company'] }] },
  });
  expect(saved.data).toEqual({ saveRole: { applied: true, changes: ['~ roles (3)'] } });
  const bad = await api.gql(`mutation($r: JSON!) { saveRole(input: $r) { applied } }`, {
    r: { name: 'viewer', rules: [{ action: 'read', subject: 'unicorn' }] },
  });
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect((bad.errors![0]!.extensions as { problems: { path: string }[] }).problems[0]!.path).toBe(
    'input.rules[0].subject',
  );
  const viewer = await member('viewer', ['viewer']);
  const { token } = (await (await login(viewer.email, 'correct horse battery')).json()) as { token: string };
  const sees = await api.gql<{ objects: { name: string }[] }>(`{ objects { name } }`, {}, token);
  expect(sees.data!.objects.map((o) => o.name).sort()).toEqual(['company', 'deal']);
  expect((await api.gql(`mutation { deleteRole(name: "viewer") { applied } }`)).data).toEqual({
    deleteRole: { applied: true },
  });
  const log = await api.gql<{ auditLog: { event: string }[] }>(
    `{ auditLog(first: 50, event: "rolesChanged") { event } }`,
  );
  expect(log.data!.auditLog.length).toBeGreaterThanOrEqual(2);
});
