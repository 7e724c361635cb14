import { createLogger } from './logger';
import { readConfig } from './config';
import { startServer } from './server';

/** `npm start`: serve the API (and, later, the studio) until SIGTERM or SIGINT, then shut down cleanly. */
async function main(): Promise<void> {
  const logger = createLogger();
  const config = readConfig();
  const server = await startServer(config, { logger });
  if (server.admin) {
    // Printed once, on the start that created the admin; only the hash is stored.
    process.stdout.write(
      `\n  Stratum admin created: ${server.admin.email} / ${server.admin.password}` +
        `${server.admin.generated ? '\n  (generated password: note it now, it is not shown again; set STRATUM_ADMIN_PASSWORD to choose one)' : ''}\n\n`,
    );
  }
  logger.info(
    { url: server.url, database: config.databaseUrl ? 'postgres' : `embedded (${config.dataDir})` },
    'Stratum is listening',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Stratum could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
