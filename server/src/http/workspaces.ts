import type { Request } from 'express';
import type { Logger } from 'pino';
import { WORKSPACE_NAME, type Db, type FieldTypeRegistry } from '@stratum/runtime';
import { SchemaRegistry } from '../graphql/schema-registry';

export const WORKSPACE_HEADER = 'x-stratum-workspace';

/**
 * The workspaces one server process serves. A request acts in exactly one: the one its
 * `X-Stratum-Workspace` header names, or the server's default. Each has its own schema registry, and
 * the caller must be a member of it (checked by the request preamble).
 */
export class Workspaces {
  readonly #options: { db: Db; types: FieldTypeRegistry; logger: Logger; introspection: boolean };
  readonly #registries = new Map<string, SchemaRegistry>();
  readonly defaultWorkspace: string;

  constructor(options: {
    db: Db;
    types: FieldTypeRegistry;
    logger: Logger;
    introspection: boolean;
    defaultWorkspace: string;
  }) {
    this.#options = options;
    this.defaultWorkspace = options.defaultWorkspace;
  }

  /** The workspace of a request, or null when the header names none that could exist. */
  select(req: Request): string | null {
    const header = req.headers[WORKSPACE_HEADER];
    if (header === undefined) return this.defaultWorkspace;
    return typeof header === 'string' && WORKSPACE_NAME.test(header) ? header : null;
  }

  registry(workspace: string): SchemaRegistry {
    let registry = this.#registries.get(workspace);
    if (!registry) {
      registry = new SchemaRegistry({ ...this.#options, workspace });
      this.#registries.set(workspace, registry);
    }
    return registry;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#registries.values()].map((r) => r.stop()));
  }
}
