import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult } from './db';

/**
 * PostgreSQL embedded in the process (PGlite, WebAssembly), persisted to a directory, or in memory when no
 * directory is given. PGlite has one connection: its own mutex serialises transactions, so a transaction
 * here excludes other queries until it ends, like a single-connection pool.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    // Same value shapes as the `pg` adapter: int8 as number, numeric and date as strings.
    parsers: {
      [types.INT8]: (v: string) => Number(v),
      [types.NUMERIC]: (v: string) => v,
      [types.DATE]: (v: string) => v,
      [types.TIMESTAMPTZ]: (v: string) => v,
    },
  });
  await pg.exec(`SET TIME ZONE 'UTC'`);
  return {
    dialect: 'pglite',
    inTransaction: false,
    async query<Row>(text: string, values?: readonly unknown[]): Promise<QueryResult<Row>> {
      const result = await pg.query<Row>(text, values as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(text: string) {
      await pg.exec(text);
    },
    transaction: (work) => pg.transaction((tx) => work(transactionDb(tx, 0))),
    close: () => pg.close(),
  };
}

function transactionDb(tx: Transaction, depth: number): Db {
  return {
    dialect: 'pglite',
    inTransaction: true,
    async query<Row>(text: string, values?: readonly unknown[]): Promise<QueryResult<Row>> {
      const result = await tx.query<Row>(text, values as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(text: string) {
      await tx.exec(text);
    },
    async transaction(work) {
      const savepoint = `sp_${depth + 1}`;
      await tx.exec(`SAVEPOINT ${savepoint}`);
      try {
        const result = await work(transactionDb(tx, depth + 1));
        await tx.exec(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (error) {
        await tx.exec(`ROLLBACK TO SAVEPOINT ${savepoint}`).catch(() => undefined);
        throw error;
      }
    },
    close: async () => undefined,
  };
}
