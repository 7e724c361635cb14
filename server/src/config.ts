/**
 * Configuration from the environment (CONTRACT.md "Environment"); the server and the CLI read the same.
 */
export interface Config {
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly workspace: string;
  readonly seed: string;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
    workspace: env.STRATUM_WORKSPACE || 'default',
    seed: env.STRATUM_SEED || 'sales-crm',
    adminEmail: env.STRATUM_ADMIN_EMAIL || undefined,
    adminPassword: env.STRATUM_ADMIN_PASSWORD || undefined,
  };
}
