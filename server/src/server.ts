import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createLogger } from './logger';
import {
  createFieldTypeRegistry,
  ensureWorkspace,
  syncStoredRollups,
  openDatabase,
  smtpMailer,
  startWorkflowEngine,
  type Db,
  type WorkflowEngine,
} from '@stratum/runtime';
import { createApp, type App } from './app';
import { ensureFirstAdmin } from './auth/users';
import type { Config } from './config';
import { seedWorkspace } from './seed';

export interface RunningServer {
  readonly url: string;
  readonly db: Db;
  readonly app: App;
  readonly workflows: WorkflowEngine;
  /** Credentials of the admin created on this start (a fresh database), to print once. */
  readonly admin: { email: string; password: string; generated: boolean } | null;
  close(): Promise<void>;
}

/**
 * Opens the database, prepares the workspace (first admin, example seed), and serves the API. Used by
 * `npm start` and by the end-to-end tests alike.
 */
export async function startServer(
  config: Config,
  options: { logger?: Logger; db?: Db; host?: string } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const types = createFieldTypeRegistry();
  await ensureWorkspace(db, config.workspace);
  await syncStoredRollups(db, config.workspace, types);
  const admin = await ensureFirstAdmin(db, config.workspace, config);
  const seeded = await seedWorkspace(db, {
    workspace: config.workspace,
    types,
    seed: config.seed,
    owners: admin ? [admin.id] : [],
  });
  if (seeded) logger.info({ seed: config.seed, records: seeded }, 'example loaded');
  const workflows = await startWorkflowEngine({
    db,
    types,
    mailer: config.smtpUrl ? smtpMailer(config.smtpUrl) : null,
    mailFrom: config.mailFrom,
    httpAllowHosts: config.httpAllowHosts,
    work: config.workers,
    leaseSeconds: config.runLeaseSeconds,
    ...(config.runQueue ? { queue: config.runQueue } : {}),
    ...(config.workflowConcurrency ? { concurrency: config.workflowConcurrency } : {}),
    ...(config.engineWorkspaces ? { workspaces: config.engineWorkspaces } : {}),
    onError: (error, where) => logger.error({ err: error, where }, 'workflow engine'),
  });
  const app = createApp({
    workflows,
    db,
    workspace: config.workspace,
    types,
    logger,
    introspection: process.env.NODE_ENV !== 'production' || process.env.STRATUM_INTROSPECTION === 'on',
  });
  await app.registry.forRevision(0);
  const server: Server = await new Promise((resolve) => {
    const s = app.express.listen(config.port, options.host ?? '0.0.0.0', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://localhost:${port}`,
    db,
    app,
    workflows,
    admin,
    async close() {
      // Stop accepting connections, let requests in flight finish, close idle keep-alive connections.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await workflows.stop();
      await app.workspaces.stop();
      if (!options.db) await db.close();
    },
  };
}
