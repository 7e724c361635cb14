import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { isStratumError, type Db, type FieldTypeRegistry, type WorkflowEngine } from '@stratum/runtime';
import type { SchemaRegistry } from './graphql/schema-registry';
import { Workspaces } from './http/workspaces';
import { authRoutes } from './http/auth-routes';
import { graphiqlRoutes } from './http/graphiql';
import { graphqlHandler } from './http/graphql-handler';
import { redactRequest } from './http/log-redaction';
import { studioRoutes } from './http/studio';
import { restRoutes } from './rest/routes';
import { webhookRoutes } from './rest/webhooks';

export interface AppOptions {
  readonly db: Db;
  readonly workspace: string;
  readonly types: FieldTypeRegistry;
  readonly logger: Logger;
  /** Introspection on (development, tests) or off (production, unless asked for). */
  readonly introspection: boolean;
  readonly workflows: WorkflowEngine;
  /** The built studio to serve at `/` (default: the repository's studio/dist; absent there: API only). */
  readonly studioDir?: string;
}

export interface App {
  readonly express: express.Express;
  readonly workspaces: Workspaces;
  /** The default workspace's schema registry. */
  readonly registry: SchemaRegistry;
}

/** The HTTP face: health, login, GraphQL, the studio. Stateless: every process serving one database behaves the same. */
export function createApp(options: AppOptions): App {
  const { db, workspace, types, logger } = options;
  const workspaces = new Workspaces({
    db,
    types,
    logger,
    introspection: options.introspection,
    defaultWorkspace: workspace,
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      // Bearer tokens, cookies and webhook secrets (part of the URL) never reach the logs.
      serializers: { req: redactRequest },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Webhooks read their raw body (for HMAC signatures), so they come before the JSON parser.
  app.use(webhookRoutes({ db, workflows: options.workflows }));
  app.use(express.json({ limit: '20mb' }));
  app.use(authRoutes(db, workspace));
  const graphql = graphqlHandler({ db, types, workspaces, workflows: options.workflows });
  app.get('/graphql', graphql);
  app.post('/graphql', graphql);
  app.use(restRoutes({ db, types, workspaces }));
  // A development tool, served with introspection: both are off in production unless asked for.
  if (options.introspection) app.use(graphiqlRoutes());
  // Last: the studio's client-side routes take whatever GET the API does not answer.
  app.use(studioRoutes({ logger, ...(options.studioDir ? { dir: options.studioDir } : {}) }));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if ((error as { type?: string }).type === 'entity.parse.failed') {
      res
        .status(400)
        .json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
      return;
    }
    if (isStratumError(error)) {
      res
        .status(400)
        .json({ errors: [{ message: error.message, extensions: { code: error.code, problems: error.problems } }] });
      return;
    }
    req.log.error({ err: error }, 'request failed');
    res
      .status(500)
      .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });
  return { express: app, workspaces, registry: workspaces.registry(workspace) };
}
