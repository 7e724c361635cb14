import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { loadModel, type Db, type FieldTypeRegistry, type Model } from '@stratum/runtime';
import type { Logger } from 'pino';
import { buildSchema } from './build-schema';
import type { GraphQLContext } from './context';
import { formatError } from './errors';
import { jitGateway } from './jit-gateway';
import { EVERYTHING, roleSetKey, visibilityFor, type Visibility } from './visibility';
import { auditDenials } from './audit-plugin';
import { DEFAULT_LIMITS, limitRules, type QueryLimits } from './limits';

export interface ServedSchema {
  readonly revision: number;
  readonly model: Model;
  /** The server of the schema a role set sees (objects and fields it can never read are left out). */
  apolloFor(roles: readonly string[]): Promise<ApolloServer<GraphQLContext>>;
}

export interface SchemaRegistryOptions {
  readonly db: Db;
  readonly workspace: string;
  readonly types: FieldTypeRegistry;
  readonly logger: Logger;
  readonly introspection: boolean;
  readonly limits?: QueryLimits;
}

/**
 * Holds the schema of the current metadata revision and swaps it atomically when the revision changes:
 * requests already running finish on the schema they started with; the first request that sees a new
 * revision builds the new schema (once, however many requests arrive meanwhile).
 */
export class SchemaRegistry {
  readonly #options: SchemaRegistryOptions;
  #current: ServedSchema | undefined;
  #building: Promise<ServedSchema> | undefined;
  #buildingRevision = -1;

  constructor(options: SchemaRegistryOptions) {
    this.#options = options;
  }

  get current(): ServedSchema | undefined {
    return this.#current;
  }

  /** The schema for a revision, building it if it is newer than the one served. */
  async forRevision(revision: number): Promise<ServedSchema> {
    const current = this.#current;
    if (current && current.revision >= revision) return current;
    if (this.#building && this.#buildingRevision >= revision) return this.#building;
    this.#buildingRevision = revision;
    this.#building = this.#build().finally(() => {
      this.#building = undefined;
    });
    return this.#building;
  }

  async #build(): Promise<ServedSchema> {
    const { db, workspace, types, logger } = this.#options;
    const started = performance.now();
    const model = await loadModel(db, workspace);
    // One schema per role set, built the first time a member of it calls; admins share the full one.
    const servers = new Map<string, Promise<ApolloServer<GraphQLContext>>>();
    const apolloFor = (roles: readonly string[]) => {
      const key = roleSetKey(roles);
      let server = servers.get(key);
      if (!server) {
        server = this.#start(model, key === '*' ? EVERYTHING : visibilityFor(model, types, roles));
        servers.set(key, server);
      }
      return server;
    };
    await apolloFor(['admin']);
    const served: ServedSchema & { servers: typeof servers } = { revision: model.revision, model, apolloFor, servers };
    if (!this.#current || this.#current.revision < served.revision) {
      // Requests still running on the previous schema keep their reference and finish on it; the previous
      // servers are left to the garbage collector (stopping them would fail those requests).
      this.#current = served;
    }
    logger.info(
      { revision: model.revision, objects: model.objects.length, ms: Math.round(performance.now() - started) },
      'GraphQL schema built',
    );
    return this.#current!;
  }

  async #start(model: Model, visibility: Visibility): Promise<ApolloServer<GraphQLContext>> {
    const { db, workspace, types, logger, introspection, limits = DEFAULT_LIMITS } = this.#options;
    const apollo = new ApolloServer<GraphQLContext>({
      gateway: jitGateway(buildSchema(model, types, visibility)),
      introspection,
      validationRules: limitRules(limits),
      includeStacktraceInErrorResponses: false,
      // No cache hints are used: the cache-control plugin would only instrument every resolver.
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginCacheControlDisabled(),
        auditDenials(db, workspace),
      ],
      formatError: (formatted, error) =>
        formatError(formatted, error, (e) => logger.error({ err: e }, 'unexpected error in a resolver')),
    });
    await apollo.start();
    return apollo;
  }

  async stop(): Promise<void> {
    const current = this.#current as
      (ServedSchema & { servers?: Map<string, Promise<ApolloServer<GraphQLContext>>> }) | undefined;
    await Promise.all([...(current?.servers?.values() ?? [])].map(async (server) => (await server).stop()));
  }
}
