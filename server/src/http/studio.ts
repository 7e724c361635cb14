import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type Request, type Response, type NextFunction } from 'express';
import type { Logger } from 'pino';

/**
 * The built studio: `STRATUM_STUDIO_DIR` when set (a build of one's own, or one per test run), else where
 * `npm run -w studio build` writes it (the same path from server/src and server/dist).
 */
export const STUDIO_DIST = process.env.STRATUM_STUDIO_DIR
  ? path.resolve(process.env.STRATUM_STUDIO_DIR)
  : path.resolve(__dirname, '../../../studio/dist');

/** Paths the server answers itself: the studio's client-side routes never shadow them. */
const SERVER_PATHS = ['/graphql', '/graphiql', '/api', '/auth', '/hooks', '/healthz'];

function isServerPath(url: string): boolean {
  return SERVER_PATHS.some((prefix) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`));
}

/**
 * Serves the built studio at `/`: its files, and index.html for every other GET (client-side routes such as
 * `/objects/deal`). Without a build the server runs API-only and says so once.
 */
export function studioRoutes(options: { dir?: string; logger: Logger }): Router {
  const dir = options.dir ?? STUDIO_DIST;
  const router = Router();
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    options.logger.info({ dir }, 'the studio is not built (npm run -w studio build): serving the API only');
    return router;
  }
  // Vite names assets by content hash: they never change, so browsers may keep them for good.
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.use(express.static(dir, { index: false }));
  router.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
