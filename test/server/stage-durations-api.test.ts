import { startTestApi, type TestApi } from '../support/api';

/**
 * `stageDurations(object, field, filter, since)`: the average time records spent at each stage, from the field
 * history. The history's times are set here to known instants, so the averages are exact; an agent who reads only
 * their own tickets gets the averages of those alone.
 */
let api: TestApi;
let schema: string;
let agent: { id: string; token: string };
const ids: Record<'a' | 'b' | 'c', string> = {} as never;

const T0 = Date.parse('2026-11-02T09:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const DURATIONS = `query($object: String!, $field: String!, $filter: JSON, $since: DateTime) {
  stageDurations(object: $object, field: $field, filter: $filter, since: $since) { stage records averageSeconds }
}`;
type Durations = { stageDurations: { stage: string; records: number; averageSeconds: number }[] };

const MANIFEST = {
  objects: [
    {
      name: 'ticket',
      pluralName: 'tickets',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'status', type: 'select', options: ['open', 'working', 'waiting', 'closed'], default: 'open' },
      ],
    },
  ],
  roles: [
    {
      name: 'agent',
      rules: [{ action: ['read', 'update'], subject: 'ticket', conditions: { owner: '$user.id' } }],
    },
  ],
};

async function durations(variables: Record<string, unknown>, token?: string) {
  return api.gql<Durations>(DURATIONS, { object: 'ticket', field: 'status', ...variables }, token);
}

/** Moves a ticket through `stages` (one update each), then dates its creation and each change `seconds` after T0. */
async function walk(id: string, stages: readonly string[], seconds: readonly number[]): Promise<void> {
  for (const status of stages) {
    const moved = await api.gql(
      `mutation($id: ID!, $s: String!) { updateTicket(id: $id, data: { status: $s }) { id } }`,
      {
        id,
        s: status,
      },
    );
    expect(moved.errors).toBeUndefined();
  }
  await api.db.query(`UPDATE "${schema}".ticket SET "createdAt" = $2 WHERE id = $1`, [id, at(0)]);
  const { rows } = await api.db.query<{ id: string }>(
    `SELECT id FROM "${schema}"._history WHERE "recordId" = $1 AND field = 'status' ORDER BY id`,
    [id],
  );
  expect(rows).toHaveLength(seconds.length);
  for (const [i, row] of rows.entries()) {
    await api.db.query(`UPDATE "${schema}"._history SET at = $2 WHERE id = $1`, [row.id, at(seconds[i]!)]);
  }
}

beforeAll(async () => {
  api = await startTestApi();
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: MANIFEST });
  expect(applied.errors).toBeUndefined();
  const me = await api.gql<{ me: { workspace: string } }>(`{ me { workspace } }`);
  schema = `ws_${me.data!.me.workspace}`;
  const email = `agent@${api.email.split('@')[0]}.test`;
  const created = await api.gql<{ createUser: { id: string } }>(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { email, password: 'a long enough password', name: 'Agent', roles: ['agent'] } },
  );
  expect(created.errors).toBeUndefined();
  const login = await fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'a long enough password' }),
  });
  agent = { id: created.data!.createUser.id, token: ((await login.json()) as { token: string }).token };
  const tickets = await api.gql<{ createTickets: { id: string }[] }>(
    `mutation($d: [TicketCreateInput!]!) { createTickets(data: $d) { id } }`,
    { d: [{ title: 'A' }, { title: 'B' }, { title: 'C', owner: agent.id }] },
  );
  expect(tickets.errors).toBeUndefined();
  [ids.a, ids.b, ids.c] = tickets.data!.createTickets.map((t) => t.id) as [string, string, string];
  // A: open 100 s, working 300 s, waiting 100 s, working again 600 s, then closed (still there).
  await walk(ids.a, ['working', 'waiting', 'working', 'closed'], [100, 400, 500, 1100]);
  // B: open 300 s, then working (still there: an unfinished stay does not count).
  await walk(ids.b, ['working'], [300]);
  // C, the agent's: open 50 s, then closed.
  await walk(ids.c, ['closed'], [50]);
});
afterAll(() => api.close());

test('an admin gets every finished stay: per record the total at a stage, averaged over the records', async () => {
  const answer = await durations({});
  expect(answer.errors).toBeUndefined();
  expect(answer.data!.stageDurations).toEqual([
    { stage: 'open', records: 3, averageSeconds: 150 },
    { stage: 'waiting', records: 1, averageSeconds: 100 },
    { stage: 'working', records: 1, averageSeconds: 900 },
  ]);
});

test('since keeps the stays that ended in the period; a filter keeps its records', async () => {
  const since = await durations({ since: at(450) });
  expect(since.data!.stageDurations).toEqual([
    { stage: 'waiting', records: 1, averageSeconds: 100 },
    { stage: 'working', records: 1, averageSeconds: 600 },
  ]);
  const filtered = await durations({ filter: { owner: agent.id } });
  expect(filtered.data!.stageDurations).toEqual([{ stage: 'open', records: 1, averageSeconds: 50 }]);
});

test("a member's averages are of the records they may read only", async () => {
  const answer = await durations({}, agent.token);
  expect(answer.errors).toBeUndefined();
  expect(answer.data!.stageDurations).toEqual([{ stage: 'open', records: 1, averageSeconds: 50 }]);
});

test('a deleted record no longer counts', async () => {
  const deleted = await api.gql(`mutation($id: ID!) { deleteTicket(id: $id) { id } }`, { id: ids.b });
  expect(deleted.errors).toBeUndefined();
  const answer = await durations({});
  expect(answer.data!.stageDurations[0]).toEqual({ stage: 'open', records: 2, averageSeconds: 75 });
  await api.gql(`mutation($id: ID!) { restoreTicket(id: $id) { id } }`, { id: ids.b });
});

test('errors name what is wrong: a field that is not a select, one the caller may not read, an unknown object', async () => {
  const notSelect = await durations({ field: 'title' });
  expect(notSelect.errors?.[0]).toMatchObject({
    extensions: {
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'field', message: '"title" is not a select field of ticket' }],
    },
  });
  const hidden = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, {
    m: {
      ...MANIFEST,
      roles: [{ name: 'agent', rules: [{ action: 'read', subject: 'ticket', fields: ['title'] }] }],
    },
  });
  expect(hidden.errors).toBeUndefined();
  const unreadable = await durations({}, agent.token);
  expect(unreadable.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const unknown = await durations({ object: 'nothing' });
  expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const badSince = await durations({ since: 'yesterday' });
  expect(badSince.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
});
