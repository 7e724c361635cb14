import { compile, type Fragment } from '../sql/sql';

/**
 * One interface over the two PostgreSQL backends (a server through `pg`, or PGlite embedded), so every
 * module above behaves the same on both. A `Db` is either the whole database or one open transaction:
 * whoever calls `transaction` commits it (STYLE.md: pass the transaction as a value).
 */
export interface QueryResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number;
}

export interface QueryOptions {
  /**
   * Prepare the statement under this name and reuse it on the same connection (the server skips parsing
   * and planning it again). Only for statements whose result columns cannot change under the name: the
   * record service names them after the model revision.
   */
  readonly prepare?: string;
}

export interface Db {
  /** Which backend this is; only for diagnostics and the few places where PGlite differs (none in SQL). */
  readonly dialect: 'postgres' | 'pglite';
  /** True inside `transaction`. */
  readonly inTransaction: boolean;
  query<Row = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult<Row>>;
  /** Several statements without parameters (DDL scripts). */
  exec(text: string): Promise<void>;
  /**
   * Runs `work` in a transaction and commits when it resolves, rolls back when it throws.
   * Called on a transaction, it opens a savepoint, so nested units of work compose.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Runs a built fragment. */
export function run<Row = Record<string, unknown>>(
  db: Db,
  fragment: Fragment,
  options?: QueryOptions,
): Promise<QueryResult<Row>> {
  const { text, values } = compile(fragment);
  return db.query<Row>(text, values, options);
}

/** Counts statements; tests and benchmarks use it to prove query budgets (e.g. no N+1). */
export function countingDb(inner: Db): Db & { readonly statements: string[]; reset(): void } {
  const statements: string[] = [];
  const wrap = (db: Db): Db => ({
    dialect: db.dialect,
    inTransaction: db.inTransaction,
    query(text, values, options) {
      statements.push(text);
      return db.query(text, values, options);
    },
    exec(text) {
      statements.push(text);
      return db.exec(text);
    },
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  });
  return Object.assign(wrap(inner), {
    statements,
    reset() {
      statements.length = 0;
    },
  });
}
