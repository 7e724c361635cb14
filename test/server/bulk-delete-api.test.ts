import { startTestApi, type TestApi } from '../support/api';
import { uniqueName } from '../support/database';

/**
 * `delete<Plurals>(ids)`: a soft delete of many records in one transaction, all or nothing, with the caller's
 * delete conditions checked in SQL. An agent reads the blue team's tickets and may delete only their own.
 */
let api: TestApi;
let agent: { id: string; token: string };

interface Ticket {
  id: string;
  title: string;
}

const TICKET = `mutation($data: TicketCreateInput!) { createTicket(data: $data) { id title } }`;
const DELETE = `mutation($ids: [ID!]!) { deleteTickets(ids: $ids) { id title } }`;

interface Refusal {
  message: string;
  extensions: { code: string; ids?: string[]; problems?: { path: string; message: string }[] };
}

beforeAll(async () => {
  api = await startTestApi();
  const manifest = {
    objects: [
      {
        name: 'ticket',
        pluralName: 'tickets',
        fields: [
          { name: 'title', type: 'text', required: true },
          { name: 'team', type: 'select', options: ['blue', 'red'] },
        ],
      },
    ],
    roles: [
      {
        name: 'agent',
        label: 'Agent',
        rules: [
          { action: 'read', subject: 'ticket', conditions: { team: 'blue' } },
          { action: 'delete', subject: 'ticket', conditions: { owner: '$user.id' } },
        ],
      },
    ],
  };
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: manifest });
  expect(applied.errors).toBeUndefined();
  const email = `${uniqueName('agent')}@example.com`;
  const password = 'a long enough password';
  const created = await api.gql<{ createUser: { id: string } }>(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { email, password, name: 'Agent', roles: ['agent'] } },
  );
  const response = await fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  agent = { id: created.data!.createUser.id, token: ((await response.json()) as { token: string }).token };
});
afterAll(() => api.close());

/** A ticket made by the admin, owned by `owner` (the agent, or the admin when absent). */
async function ticket(title: string, team: 'blue' | 'red', owner?: string): Promise<Ticket> {
  const result = await api.gql<{ createTicket: Ticket }>(TICKET, {
    data: { title, team, ...(owner ? { owner } : {}) },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createTicket;
}

/** The live tickets with these ids, as the admin sees them. */
async function live(ids: readonly string[]): Promise<string[]> {
  const result = await api.gql<{ tickets: { edges: { node: { id: string } }[] } }>(
    `query($ids: [ID!]) { tickets(filter: { id: { in: $ids } }) { edges { node { id } } } }`,
    { ids },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.tickets.edges.map((e) => e.node.id).sort();
}

test('deletes every record it is given, in one transaction, and answers them in input order', async () => {
  const mine = [await ticket('Printer jam', 'blue', agent.id), await ticket('VPN down', 'blue', agent.id)];
  const ids = mine.map((t) => t.id).reverse();
  const result = await api.gql<{ deleteTickets: Ticket[] }>(DELETE, { ids }, agent.token);
  expect(result.errors).toBeUndefined();
  expect(result.data!.deleteTickets.map((t) => t.id)).toEqual(ids);
  expect(result.data!.deleteTickets.map((t) => t.title)).toEqual(['VPN down', 'Printer jam']);
  expect(await live(ids)).toEqual([]);
  // A soft delete: each can be restored.
  const restored = await api.gql(`mutation($id: ID!) { restoreTicket(id: $id) { id } }`, { id: ids[0] }, agent.token);
  expect(restored.errors).toBeUndefined();
  expect(await live(ids)).toEqual([ids[0]]);
});

test('one record the caller may see but not delete refuses the whole batch, naming it', async () => {
  const mine = await ticket('Keyboard', 'blue', agent.id);
  const theirs = await ticket('Server room', 'blue');
  const alsoMine = await ticket('Monitor', 'blue', agent.id);
  const ids = [mine.id, theirs.id, alsoMine.id];
  const result = await api.gql(DELETE, { ids }, agent.token);
  const error = result.errors![0] as unknown as Refusal;
  expect(error.extensions.code).toBe('FORBIDDEN');
  expect(error.message).toBe(`You may not delete ticket ${theirs.id}: nothing was deleted`);
  expect(error.extensions.ids).toEqual([theirs.id]);
  expect(error.extensions.problems).toEqual([{ path: 'ids[1]', message: `You may not delete ticket ${theirs.id}` }]);
  expect(result.data).toBeNull();
  // Nothing was deleted, not even the agent's own tickets.
  expect(await live(ids)).toEqual([...ids].sort());
});

test('an id that is not a live record the caller may read fails the batch as not found', async () => {
  const mine = await ticket('Mouse', 'blue', agent.id);
  const hidden = await ticket('Red team laptop', 'red', agent.id);
  const gone = await ticket('Old phone', 'blue', agent.id);
  expect((await api.gql(DELETE, { ids: [gone.id] }, agent.token)).errors).toBeUndefined();
  for (const other of [hidden, gone]) {
    const result = await api.gql(DELETE, { ids: [mine.id, other.id] }, agent.token);
    const error = result.errors![0] as unknown as Refusal;
    expect(error.extensions.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`No ticket with id ${other.id}`);
    expect(error.extensions.ids).toEqual([other.id]);
  }
  expect(await live([mine.id, hidden.id])).toEqual([mine.id, hidden.id].sort());
});

test('bad input is refused at its path; the work does not grow with the number of ids', async () => {
  const one = await ticket('Chair', 'blue');
  const twice = await api.gql(DELETE, { ids: [one.id, one.id] });
  expect(twice.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  const malformed = await api.gql(DELETE, { ids: [one.id, 'not-an-id'] });
  expect(malformed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids[1]' });
  expect(await live([one.id])).toEqual([one.id]);

  // The same statements delete 2 records or 40 (a member's request, so the row conditions are compiled in).
  const statements = async (count: number) => {
    const made = await api.gql<{ createTickets: Ticket[] }>(
      `mutation($data: [TicketCreateInput!]!) { createTickets(data: $data) { id title } }`,
      {
        data: Array.from({ length: count }, (_, i) => ({ title: `Bulk ${count}/${i}`, team: 'blue', owner: agent.id })),
      },
    );
    const ids = made.data!.createTickets.map((t) => t.id);
    api.db.reset();
    const result = await api.gql<{ deleteTickets: Ticket[] }>(DELETE, { ids }, agent.token);
    expect(result.data!.deleteTickets).toHaveLength(count);
    const sent = api.db.statements.filter((s) => /"deletedAt"/.test(s)).length;
    expect(await live(ids)).toEqual([]);
    return sent;
  };
  const few = await statements(2);
  expect(few).toBe(3);
  expect(await statements(40)).toBe(few);
});
