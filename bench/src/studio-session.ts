import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { openPostgres, type Db } from '@stratum/runtime';
import { readConfig, startServer } from '@stratum/server';
import { dropWorkspace } from './deals-fixture';
import { signIn } from './sign-in';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface StudioSession {
  readonly server: Awaited<ReturnType<typeof startServer>>;
  readonly db: Db;
  readonly browser: Browser;
  readonly workspace: string;
  readonly email: string;
  readonly password: string;
  /** A signed-in admin's bearer token. */
  readonly token: string;
  /** Closes the browser and the server and drops the scratch workspace. */
  close(): Promise<void>;
}

/**
 * What every studio benchmark starts from: a server on `BENCH_DATABASE_URL` in a scratch workspace (seeded with
 * the sales CRM or empty, no workflow workers), an admin signed in, and Debian's chromium launched with the
 * browser tests' flags (test/support/browser.ts).
 */
export async function startStudioSession(seed: 'sales-crm' | 'none'): Promise<StudioSession> {
  const workspace = `bench_${randomBytes(3).toString('hex')}`;
  const db = openPostgres({ connectionString: DATABASE_URL, max: 6 });
  const email = `${workspace}@example.com`;
  const password = 'correct horse battery staple';
  const server = await startServer(
    {
      ...readConfig({}),
      port: 0,
      workspace,
      runQueue: `q-${workspace}`,
      engineWorkspaces: [workspace],
      workers: false,
      seed,
      adminEmail: email,
      adminPassword: password,
    },
    { db, logger: pino({ level: 'silent' }), host: '127.0.0.1' },
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const close = async () => {
    await browser.close();
    await server.close();
    await dropWorkspace(db, workspace).catch(() => undefined);
    await db.close();
  };
  try {
    const token = await signIn(server.url, email, password);
    return { server, db, browser, workspace, email, password, token, close };
  } catch (error) {
    await close();
    throw error;
  }
}
