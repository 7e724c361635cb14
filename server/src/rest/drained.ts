import type { Response } from 'express';

/**
 * Waits while the response's buffer is full, so an export writes its next page only once the client has
 * taken the last one: a slow download holds the database cursor back instead of the server's memory.
 * Resolves at once when the buffer has room, and when the client has gone.
 */
export function drained(res: Response): Promise<void> {
  if (!res.writableNeedDrain || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
