import { Writable } from 'node:stream';
import pino from 'pino';
import { readConfig } from '../../server/src/config';
import { redactUrl } from '../../server/src/http/log-redaction';
import { startServer, type RunningServer } from '../../server/src/server';
import { openTestDatabase, uniqueName } from '../support/database';

/**
 * A webhook's secret is part of its URL; the access log (pino-http) must not hold it. The server logs to a
 * stream the test reads, at the level it logs requests at.
 */
let server: RunningServer;
const lines: string[] = [];
const email = `${uniqueName('admin')}@example.com`;
const password = 'correct horse battery staple';

beforeAll(async () => {
  const workspace = uniqueName('hooklog');
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  server = await startServer(
    {
      ...readConfig({}),
      port: 0,
      workspace,
      runQueue: `q-${workspace}`,
      engineWorkspaces: [workspace],
      workers: false,
      seed: 'none',
      adminEmail: email,
      adminPassword: password,
    },
    { db: await openTestDatabase(), logger: pino({ level: 'info' }, sink), host: '127.0.0.1' },
  );
});

afterAll(async () => {
  const db = server.db;
  await server.close();
  await db.close();
});

test('redactUrl hides the secret segment of a webhook path only', () => {
  expect(redactUrl('/hooks/default/inbound/s3cr3t')).toBe('/hooks/default/inbound/…');
  expect(redactUrl('/hooks/default/inbound/s3cr3t?x=1')).toBe('/hooks/default/inbound/…?x=1');
  expect(redactUrl('/graphql?query=1')).toBe('/graphql?query=1');
});

test('a webhook call is logged without its secret', async () => {
  const login = (await (
    await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).json()) as { token: string };
  const gql = async (query: string, variables: Record<string, unknown> = {}) =>
    (await (
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json()) as { data?: Record<string, { webhookPath?: string }>; errors?: unknown };
  const applied = await gql('mutation($m: JSON!) { applyManifest(manifest: $m) { revision } }', {
    m: {
      objects: [{ name: 'lead', pluralName: 'leads', fields: [{ name: 'title', type: 'text' }] }],
      workflows: [
        {
          name: 'inbound',
          active: true,
          trigger: { type: 'webhook' },
          start: 'make',
          steps: [{ id: 'make', type: 'createRecord', object: 'lead', data: { title: '{{trigger.input.title}}' } }],
        },
      ],
    },
  });
  expect(applied.errors).toBeUndefined();
  const path = (await gql('{ workflow(name: "inbound") { webhookPath } }')).data!.workflow!.webhookPath!;
  const secret = path.split('/').pop()!;
  expect(secret.length).toBeGreaterThan(10);
  const accepted = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'From the website' }),
  });
  expect(accepted.status).toBe(202);
  const wrong = await fetch(`${server.url}${path.replace(secret, 'not-the-secret')}`, { method: 'POST' });
  expect(wrong.status).toBe(404);
  // The access log line is written when the response finishes.
  for (let i = 0; i < 50 && !lines.some((l) => l.includes('"statusCode":404')); i++)
    await new Promise((r) => setTimeout(r, 50));
  const hooks = lines.filter((l) => l.includes('/hooks/'));
  expect(hooks.length).toBeGreaterThanOrEqual(2);
  expect(hooks.some((l) => l.includes(`${path.slice(0, path.lastIndexOf('/'))}/…`))).toBe(true);
  expect(lines.filter((l) => l.includes(secret) || l.includes('not-the-secret'))).toEqual([]);
});
