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
  /** SMTP server for `sendEmail` steps (`smtp://user:pass@host:587`); unset: those steps fail clearly. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Hosts `httpRequest` steps may call. */
  readonly httpAllowHosts: readonly string[];
  /** Whether this process executes workflow runs (STRATUM_WORKERS=off for API-only processes). */
  readonly workers: boolean;
  /** Seconds a run job stays taken before another process retries it (after a crash). */
  readonly runLeaseSeconds: number;
  /** Worker lanes advancing runs at once (default: 4 on a server, 1 embedded). */
  readonly workflowConcurrency: number | undefined;
  /** The run queue this process works on (processes sharing one share the work). */
  readonly runQueue: string | undefined;
  /** Workspaces whose workflows this process runs; unset: all of them. */
  readonly engineWorkspaces: readonly string[] | undefined;
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
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.STRATUM_MAIL_FROM || 'Stratum <stratum@localhost>',
    httpAllowHosts: (env.STRATUM_HTTP_ALLOW ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    workers: env.STRATUM_WORKERS !== 'off',
    runLeaseSeconds: Number(env.STRATUM_RUN_LEASE_SECONDS ?? 60),
    runQueue: env.STRATUM_RUN_QUEUE || undefined,
    workflowConcurrency: env.STRATUM_WORKFLOW_CONCURRENCY ? Number(env.STRATUM_WORKFLOW_CONCURRENCY) : undefined,
    engineWorkspaces: env.STRATUM_ENGINE_WORKSPACES
      ? env.STRATUM_ENGINE_WORKSPACES.split(',').map((w) => w.trim())
      : undefined,
  };
}
