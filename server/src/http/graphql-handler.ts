import { HeaderMap } from '@apollo/server';
import type { Request, Response } from 'express';
import type { Db, FieldTypeRegistry, RecordContext, WorkflowEngine } from '@stratum/runtime';
import type { GraphQLContext } from '../graphql/context';
import { Loaders } from '../graphql/loaders';
import type { Workspaces } from './workspaces';
import { bearerToken, requestPreamble } from './preamble';
import { callerRecordContext } from './record-context';
import { noteApiKeyUse } from '../auth/api-keys';

export interface GraphQLHandlerDeps {
  readonly db: Db;
  readonly types: FieldTypeRegistry;
  readonly workspaces: Workspaces;
  readonly workflows: WorkflowEngine;
}

/** `POST /graphql`: authenticate, pick the schema of the current revision, run the operation. */
export function graphqlHandler(deps: GraphQLHandlerDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const token = bearerToken(req.headers.authorization);
    const workspace = deps.workspaces.select(req);
    const { revision, caller, apiKeyId } = workspace
      ? await requestPreamble(deps.db, workspace, token)
      : { revision: 0, caller: null, apiKeyId: null };
    if (!workspace || !caller) {
      res.status(401).json({
        errors: [
          {
            message: token
              ? 'The session is invalid, expired or revoked; log in again'
              : 'Authentication required: send Authorization: Bearer <token>',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
      return;
    }
    if (apiKeyId) void noteApiKeyUse(deps.db, workspace, apiKeyId, caller.userId);
    const registry = deps.workspaces.registry(workspace);
    const served = await registry.forRevision(revision);
    const records: RecordContext = callerRecordContext(deps.db, served.model, deps.types, caller);
    const context: GraphQLContext = {
      db: deps.db,
      workspace: workspace,
      model: served.model,
      types: deps.types,
      caller,
      records,
      loaders: new Loaders(records),
      workflows: deps.workflows,
      onModelChanged: async (next) => void (await registry.forRevision(next)),
    };
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const apollo = await served.apolloFor(caller.roles);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: new URL(req.url, 'http://localhost').search,
        body: req.body,
      },
      context: async () => context,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.status(response.status ?? 200);
    if (response.body.kind === 'complete') {
      res.send(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
