import pino from 'pino';
import { countingDb, type Db } from '../../runtime/src/db/db';
import { readConfig, type Config } from '../../server/src/config';
import { startServer, type RunningServer } from '../../server/src/server';
import { openTestDatabase, uniqueName } from './database';

export interface TestApi {
  readonly server: RunningServer;
  readonly db: ReturnType<typeof countingDb>;
  readonly token: string;
  readonly email: string;
  readonly password: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<{ data?: T; errors?: GraphQLErrorJson[] }>;
  close(): Promise<void>;
}

export interface GraphQLErrorJson {
  message: string;
  extensions?: { code?: string; field?: string; problems?: { path: string; message: string }[] };
}

/**
 * A real server on a random port, over the test database, in a workspace of its own, logged in as its
 * first admin. Every statement it sends is counted (`db.statements`).
 */
export async function startTestApi(
  options: { seed?: string; db?: Db; config?: Partial<Config> } = {},
): Promise<TestApi> {
  const db = countingDb(options.db ?? (await openTestDatabase()));
  const email = `${uniqueName('admin')}@example.com`;
  const password = 'correct horse battery staple';
  const workspace = uniqueName('api');
  const config = {
    ...readConfig({}),
    port: 0,
    workspace,
    // Each test server runs its own workspace's workflows on its own queue: files run in parallel.
    runQueue: `q-${workspace}`,
    engineWorkspaces: [workspace],
    // No background workflow work unless a test asks for it: its queries would land in query counts.
    workers: false,
    seed: options.seed ?? 'none',
    adminEmail: email,
    adminPassword: password,
    ...options.config,
  };
  const server = await startServer(config, { db, logger: pino({ level: 'silent' }), host: '127.0.0.1' });
  const login = (await (
    await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).json()) as { token: string };
  const gql: TestApi['gql'] = async (query, variables, token = login.token) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as never;
  };
  return {
    server,
    db,
    token: login.token,
    email,
    password,
    gql,
    async close() {
      await server.close();
      await db.close();
    },
  };
}

/** A user made by the test server's admin, signed in. */
export interface TestPerson {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly token: string;
}

/**
 * Creates a user with `roles` in the test server's workspace (as its admin) and signs them in. The email is
 * unique per call: users are shared by every workspace of the test database.
 */
export async function createPerson(api: TestApi, name: string, roles: readonly string[]): Promise<TestPerson> {
  const email = `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = `${name} has a long password`;
  const created = await api.gql<{ createUser: { id: string } }>(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email, password, name, roles } },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const login = (await (
    await fetch(`${api.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).json()) as { token: string };
  return { id: created.data!.createUser.id, email, password, token: login.token };
}
