import { Router, type NextFunction, type Request, type Response } from 'express';
import {
  aggregate,
  badInput,
  createMany,
  deleteRecord,
  findMany,
  findOne,
  isStratumError,
  notFound,
  restoreRecord,
  updateMany,
  type Db,
  type FieldTypeRegistry,
  type GroupBy,
  type ObjectDef,
  type OrderBy,
  type RecordContext,
  type StratumError,
} from '@stratum/runtime';
import type { Workspaces } from '../http/workspaces';
import { HTTP_STATUS } from '../http/error-status';
import { bearerToken, requestPreamble } from '../http/preamble';
import { callerRecordContext } from '../http/record-context';
import { noteApiKeyUse } from '../auth/api-keys';
import { audit } from '../auth/audit';
import type { ExportOptions } from './export-columns';
import { exportCsv } from './export-csv';
import { importCsv } from './import-csv';
import { exportXlsx } from './export-xlsx';
import { openApiDocument } from './openapi';

export interface RestDeps {
  readonly db: Db;
  readonly types: FieldTypeRegistry;
  readonly workspaces: Workspaces;
}

type Handler = (req: Request, ctx: RecordContext, object: ObjectDef) => Promise<unknown>;

/**
 * The REST face (`/api/<plural>`): the same runtime operations as GraphQL, for integrations that prefer
 * plain HTTP. Filters use the API filter syntax as JSON (`?filter={"amount":{"gte":1000}}`), order is
 * `?orderBy=-amount,name`, pages are `?first=50&after=<cursor>`.
 */
export function restRoutes(deps: RestDeps): Router {
  const router = Router();
  const unauthenticated = (res: Response) =>
    res.status(401).json({
      error: { code: 'UNAUTHENTICATED', message: 'Authentication required: send Authorization: Bearer <token>' },
    });
  /** The caller and the model of the current revision, or null without a live session. */
  const authenticate = async (req: Request) => {
    const workspace = deps.workspaces.select(req);
    if (!workspace) return null;
    const { revision, caller, apiKeyId } = await requestPreamble(
      deps.db,
      workspace,
      bearerToken(req.headers.authorization),
    );
    if (!caller) return null;
    if (apiKeyId) void noteApiKeyUse(deps.db, workspace, apiKeyId, caller.userId);
    return { workspace, caller, model: (await deps.workspaces.registry(workspace).forRevision(revision)).model };
  };
  type Session = NonNullable<Awaited<ReturnType<typeof authenticate>>>;
  /** A refusal is audited (`permissionDenied`) whichever route answered it. */
  const auditDenial = async (session: Session | null, req: Request, error: StratumError): Promise<void> => {
    if (error.code !== 'FORBIDDEN') return;
    await audit(deps.db, {
      workspace: session?.workspace ?? null,
      userId: session?.caller.userId ?? null,
      event: 'permissionDenied',
      subject: `${req.method} ${req.path}`,
      detail: { message: error.message },
    });
  };
  const route =
    (handler: Handler, status = 200) =>
    async (req: Request, res: Response, next: NextFunction) => {
      let session: Session | null = null;
      try {
        session = await authenticate(req);
        if (!session) return void unauthenticated(res);
        const object = session.model.objects.find((o) => o.pluralName === req.params.plural);
        if (!object) throw notFound(`No object with the plural name "${String(req.params.plural)}"`);
        const ctx: RecordContext = callerRecordContext(deps.db, session.model, deps.types, session.caller);
        res.status(status).json(await handler(req, ctx, object));
      } catch (error) {
        if (!isStratumError(error)) return next(error);
        await auditDenial(session, req, error);
        sendError(res, error);
      }
    };

  // The document names every object and field, so it is for authenticated callers only.
  router.get('/api/openapi.json', async (req, res, next) => {
    try {
      const session = await authenticate(req);
      if (!session) return void unauthenticated(res);
      res.json(openApiDocument(session.model, deps.types));
    } catch (error) {
      next(error);
    }
  });
  router.get(
    '/api/:plural/aggregate',
    route((req, ctx, object) =>
      aggregate(ctx, object.name, {
        filter: jsonParam(req, 'filter'),
        filterSyntax: 'api',
        search: stringParam(req, 'search'),
        groupBy: groupByParam(req),
      }),
    ),
  );
  router.get(
    '/api/:plural',
    route(async (req, ctx, object) => {
      const page = await findMany(ctx, object.name, {
        filter: jsonParam(req, 'filter'),
        filterSyntax: 'api',
        orderBy: orderByParam(req),
        first: intParam(req, 'first'),
        after: stringParam(req, 'after'),
        search: stringParam(req, 'search'),
        totalCount: req.query.totalCount === 'true',
      });
      return {
        data: page.records,
        pageInfo: page.pageInfo,
        ...(page.totalCount !== undefined ? { totalCount: page.totalCount } : {}),
      };
    }),
  );
  /**
   * A route that answers by streaming (a file, NDJSON progress) rather than one JSON body: the caller and the object
   * resolved as for `route`, and an error still answered as JSON while nothing has been sent.
   */
  const streamedRoute =
    (handle: (req: Request, ctx: RecordContext, object: ObjectDef, res: Response) => Promise<void>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      let session: Session | null = null;
      try {
        session = await authenticate(req);
        if (!session) return void unauthenticated(res);
        const object = session.model.objects.find((o) => o.pluralName === req.params.plural);
        if (!object) throw notFound(`No object with the plural name "${String(req.params.plural)}"`);
        await handle(req, callerRecordContext(deps.db, session.model, deps.types, session.caller), object, res);
      } catch (error) {
        if (!isStratumError(error) || res.headersSent) return next(error);
        await auditDenial(session, req, error);
        sendError(res, error);
      }
    };
  /**
   * The list's own query parameters, for a file of the list as the caller sees it; `fields=name,amount,stage`
   * (a view's visible columns, in its order) picks the columns.
   */
  const exportOptions = (req: Request): ExportOptions => ({
    filter: jsonParam(req, 'filter'),
    filterSyntax: 'api',
    orderBy: orderByParam(req),
    search: stringParam(req, 'search'),
    fields: fieldsParam(req),
  });
  router.get(
    '/api/:plural/export.csv',
    streamedRoute((req, ctx, object, res) => exportCsv(ctx, object, exportOptions(req), res)),
  );
  router.get(
    '/api/:plural/export.xlsx',
    streamedRoute((req, ctx, object, res) => exportXlsx(ctx, object, exportOptions(req), localeParam(req), res)),
  );
  router.post('/api/:plural/import', streamedRoute(importCsv));
  router.get(
    '/api/:plural/:id',
    route(async (req, ctx, object) => {
      const record = await findOne(ctx, object.name, String(req.params.id));
      if (!record) throw notFound(`No ${object.name} with id ${String(req.params.id)}`);
      return { data: record };
    }),
  );
  router.post(
    '/api/:plural',
    route(async (req, ctx, object) => {
      const body: unknown = req.body;
      const records = await createMany(ctx, object.name, Array.isArray(body) ? body : [body]);
      return { data: Array.isArray(body) ? records : records[0] };
    }, 201),
  );
  router.patch(
    '/api/:plural',
    route(async (req, ctx, object) => {
      if (!Array.isArray(req.body)) throw badInput({ path: 'body', message: 'must be a list of { id, data }' });
      return { data: await updateMany(ctx, object.name, req.body as { id: string; data: unknown }[]) };
    }),
  );
  router.patch(
    '/api/:plural/:id',
    route(async (req, ctx, object) => ({
      data: (await updateMany(ctx, object.name, [{ id: String(req.params.id), data: req.body }]))[0],
    })),
  );
  router.delete(
    '/api/:plural/:id',
    route(async (req, ctx, object) => ({ data: await deleteRecord(ctx, object.name, String(req.params.id)) })),
  );
  router.post(
    '/api/:plural/:id/restore',
    route(async (req, ctx, object) => ({ data: await restoreRecord(ctx, object.name, String(req.params.id)) })),
  );
  return router;
}

function stringParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badInput({ path: name, message: 'must be given once, as text' });
  return value;
}

function intParam(req: Request, name: string): number | undefined {
  const value = stringParam(req, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw badInput({ path: name, message: 'must be a whole number' });
  return Number(value);
}

function jsonParam(req: Request, name: string): unknown {
  const value = stringParam(req, name);
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badInput({ path: name, message: 'must be JSON, e.g. {"amount":{"gte":1000}}' });
  }
}

/** `name,amount,stage` → the field names, in order (checked against the object by exportFields). */
function fieldsParam(req: Request): string[] | undefined {
  return stringParam(req, 'fields')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The language of an export's header row (`?lang=ka`), English unless a locale tag is given. */
function localeParam(req: Request): string {
  const value = stringParam(req, 'lang');
  return value && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value) ? value : 'en';
}

/** `-amount,name` → amount descending, then name ascending. */
function orderByParam(req: Request): OrderBy[] | undefined {
  const value = stringParam(req, 'orderBy');
  return value
    ?.split(',')
    .filter(Boolean)
    .map((part) =>
      part.startsWith('-')
        ? { field: part.slice(1), direction: 'DESC' as const }
        : { field: part, direction: 'ASC' as const },
    );
}

/** `stage,closeDate:month` → group by stage, then by month of closeDate. */
function groupByParam(req: Request): GroupBy[] {
  const value = stringParam(req, 'groupBy');
  return (value?.split(',').filter(Boolean) ?? []).map((part) => {
    const [field, granularity] = part.split(':');
    return { field: field!, granularity: granularity as GroupBy['granularity'] };
  });
}

/** The REST error body: the contract's code, a message, and every problem at its path. */
function sendError(res: Response, error: StratumError): void {
  res.status(HTTP_STATUS[error.code]).json({
    error: { code: error.code, message: error.message, ...(error.problems.length ? { problems: error.problems } : {}) },
  });
}
