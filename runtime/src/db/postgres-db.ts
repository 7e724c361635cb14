import { Pool, types, type PoolClient, type QueryConfig } from 'pg';
import type { Db, QueryOptions, QueryResult } from './db';

// Parse int8 (counts) as numbers and numeric as strings (exact decimals stay exact); dates stay strings
// so that a `date` field reads back as the day it was written, whatever the server's time zone.
types.setTypeParser(types.builtins.INT8, (v) => Number(v));
types.setTypeParser(types.builtins.DATE, (v) => v);
// Timestamps stay PostgreSQL text (exact, and cheap to pass on); sessions run in UTC (see timestamps.ts).
types.setTypeParser(types.builtins.TIMESTAMPTZ, (v) => v);

export interface PostgresOptions {
  readonly connectionString: string;
  readonly max?: number;
}

/** A PostgreSQL server through a `pg` pool. */
export function openPostgres(options: PostgresOptions): Db {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    options: '-c TimeZone=UTC',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return {
    dialect: 'postgres',
    inTransaction: false,
    async query<Row>(text: string, values?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<Row>> {
      const result = await pool.query(statement(text, values, options));
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(clientDb(client, 0));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function clientDb(client: PoolClient, depth: number): Db {
  return {
    dialect: 'postgres',
    inTransaction: true,
    async query<Row>(text: string, values?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<Row>> {
      const result = await client.query(statement(text, values, options));
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(text: string) {
      await client.query(text);
    },
    async transaction(work) {
      const savepoint = `sp_${depth + 1}`;
      await client.query(`SAVEPOINT ${savepoint}`);
      try {
        const result = await work(clientDb(client, depth + 1));
        await client.query(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${savepoint}`).catch(() => undefined);
        throw error;
      }
    },
    close: async () => undefined,
  };
}

function statement(
  text: string,
  values: readonly unknown[] | undefined,
  options: QueryOptions | undefined,
): QueryConfig {
  return { text, values: values as unknown[] | undefined, ...(options?.prepare ? { name: options.prepare } : {}) };
}
