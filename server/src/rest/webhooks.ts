import express, { Router, type Request, type Response } from 'express';
import {
  findWorkflow,
  isStratumError,
  loadModel,
  secretMatches,
  signatureMatches,
  webhookSecret,
  WORKSPACE_NAME,
  type Db,
  type WorkflowEngine,
} from '@stratum/runtime';
import { HTTP_STATUS } from '../http/error-status';

/**
 * `POST /hooks/<workspace>/<workflow>/<secret>`: starts a webhook workflow with the request body as
 * `{{trigger.input}}`. The secret in the path authenticates the sender; a workflow with `hmac: true` also
 * needs the body signed (`X-Stratum-Signature: sha256=…`). Answers 202 with the run id. Any failure to
 * match answers 404, so the existence of workflows cannot be probed.
 */
export function webhookRoutes(deps: { db: Db; workflows: WorkflowEngine }): Router {
  const router = Router();
  router.post(
    '/hooks/:workspace/:workflow/:secret',
    express.raw({ type: () => true, limit: '1mb' }),
    async (req: Request, res: Response) => {
      const { workspace = '', workflow: name = '', secret = '' } = req.params as Record<string, string | undefined>;
      const notFound = () => res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such webhook' } });
      try {
        if (!WORKSPACE_NAME.test(workspace)) return void notFound();
        const model = await loadModel(deps.db, workspace);
        const workflow = findWorkflow(model, name);
        if (!workflow || workflow.trigger.type !== 'webhook' || workflow.active === false) return void notFound();
        const expected = await webhookSecret(deps.db, model.schema, workflow.name);
        if (!secretMatches(expected, secret)) return void notFound();
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (workflow.trigger.hmac && !signatureMatches(expected, body, req.header('x-stratum-signature'))) {
          res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Missing or wrong X-Stratum-Signature' } });
          return;
        }
        const runId = await deps.workflows.startRun(workspace, {
          workflow: workflow.name,
          input: parseBody(body, req.header('content-type')),
          type: 'webhook',
        });
        res.status(202).json({ runId });
      } catch (error) {
        if (isStratumError(error) && error.code === 'NOT_FOUND') return void notFound();
        if (isStratumError(error)) {
          res.status(HTTP_STATUS[error.code]).json({ error: { code: error.code, message: error.message } });
          return;
        }
        req.log.error({ err: error }, 'webhook failed');
        res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
      }
    },
  );
  return router;
}

function parseBody(body: Buffer, contentType: string | undefined): unknown {
  const text = body.toString('utf8');
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (contentType?.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return text;
}
