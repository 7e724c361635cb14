import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { lexicographicSortSchema, printSchema } from 'graphql';
import pino from 'pino';
import { buildSchema } from '../../server/src/graphql/build-schema';
import { studioRoutes } from '../../server/src/http/studio';
import { loadModel } from '../../runtime/src/metadata/workspace';
import { types, workspaceWith } from '../support/workspace';

async function serve(dir: string): Promise<{ url: string; close: () => Promise<void>; logs: string[] }> {
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const app = express();
  app.get('/graphql', (_req, res) => void res.json({ data: null }));
  app.use(studioRoutes({ dir, logger }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logs,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

test('serves the built studio, with index.html for client-side routes but not for the API paths', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'studio-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  const app = await serve(dir);
  try {
    for (const route of ['/', '/objects', '/objects/deal', '/people?x=1']) {
      const response = await fetch(app.url + route);
      expect([route, response.status, await response.text()]).toEqual([route, 200, '<div id="root"></div>']);
    }
    const asset = await fetch(`${app.url}/assets/index-abc.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(404);
    for (const route of ['/api/deals', '/auth/me', '/hooks/x', '/graphiql', '/healthz']) {
      expect([route, (await fetch(app.url + route)).status]).toEqual([route, 404]);
    }
    expect((await fetch(`${app.url}/objects`, { method: 'POST' })).status).toBe(404);
    expect(await (await fetch(`${app.url}/graphql`)).json()).toEqual({ data: null });
  } finally {
    await app.close();
  }
});

test('without a build the server runs API-only and says why', async () => {
  const app = await serve(path.join(os.tmpdir(), 'no-such-studio-build'));
  try {
    expect((await fetch(`${app.url}/`)).status).toBe(404);
    expect(app.logs.join('')).toContain('the studio is not built');
  } finally {
    await app.close();
  }
});

test('studio/schema.graphql is the current schema of the sales-crm example (re-run npm run -w studio schema)', async () => {
  const manifest = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../examples/sales-crm/manifest.json'), 'utf8'),
  ) as unknown;
  const { db, workspace } = await workspaceWith(manifest);
  const model = await loadModel(db, workspace);
  await db.close();
  const sdl = printSchema(lexicographicSortSchema(buildSchema(model, types)));
  const committed = readFileSync(path.resolve(__dirname, '../../studio/schema.graphql'), 'utf8');
  expect(committed.replace(/^#.*\n/, '').trim()).toBe(sdl.trim());
});
