import PgBoss from 'pg-boss';
import type { Db } from '../db/db';

/**
 * The job queue under the workflow engine: pg-boss (jobs are rows in PostgreSQL, taken with
 * `FOR UPDATE SKIP LOCKED`), driven through our `Db` so that it works on the embedded database and on a
 * server alike, and so that a job can be enqueued inside the transaction that makes it necessary (a run
 * created with the outbox event that triggered it, a wake-up with the delay that schedules it).
 *
 * A job only says "advance run X of workspace W"; the run's state lives in the engine's own tables. A job
 * that is lost to a crash expires after its lease and is retried, and advancing a run is idempotent, so
 * nothing is lost and nothing happens twice.
 */
export const DEFAULT_RUN_QUEUE = 'stratum-runs';
export const QUEUE_SCHEMA = 'stratum_queue';

export interface RunJob {
  readonly workspace: string;
  readonly runId: string;
}

export interface FetchedJob {
  readonly id: string;
  readonly data: RunJob;
}

export interface RunQueue {
  /** Enqueues run jobs in `db` (a transaction, usually), to start at `startAfter` when given. */
  enqueue(db: Db, jobs: readonly RunJob[], startAfter?: Date): Promise<void>;
  fetch(batchSize: number): Promise<FetchedJob[]>;
  complete(ids: readonly string[]): Promise<void>;
  /** Gives jobs back for a retry after their retry delay (an unexpected error, not a failed step). */
  fail(ids: readonly string[], error: unknown): Promise<void>;
  stop(): Promise<void>;
}

export interface QueueOptions {
  /** The queue's name: processes sharing it share the work (tests give each server its own). */
  readonly name?: string;
  /** How long a fetched job stays taken before it is retried, e.g. after the worker died (seconds). */
  readonly leaseSeconds: number;
  /** Whether this process runs pg-boss's maintenance (expiring leases, archiving done jobs). */
  readonly supervise: boolean;
  readonly maintenanceIntervalSeconds?: number;
  readonly onError?: (error: unknown) => void;
}

/** pg-boss's database seam over a `Db`: statements without parameters may be scripts (its migrations). */
function executor(db: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      if (values.length === 0 && text.includes(';')) {
        await db.exec(text);
        return { rows: [] };
      }
      return db.query(text, values);
    },
  };
}

/**
 * Runs `work` again when PostgreSQL ends it as a deadlock victim. pg-boss creates a queue's table as a
 * partition of its job table, and servers starting at once against one database (several instances, or
 * test files in parallel) can deadlock doing so; the survivor has created what the retry then finds.
 */
async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const deadlock = (error as { code?: unknown } | null)?.code === '40P01';
      if (!deadlock || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

/** Starts pg-boss on the database (creating or upgrading its schema) and opens the run queue. */
export async function openRunQueue(db: Db, options: QueueOptions): Promise<RunQueue> {
  const RUN_QUEUE = options.name ?? DEFAULT_RUN_QUEUE;
  const boss = new PgBoss({
    db: executor(db),
    schema: QUEUE_SCHEMA,
    supervise: options.supervise,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
  });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  await retryOnDeadlock(() =>
    boss.createQueue(RUN_QUEUE, {
      name: RUN_QUEUE,
      expireInSeconds: options.leaseSeconds,
      retryLimit: 1_000_000,
      retryDelay: 1,
      retryBackoff: true,
      // Completed jobs carry nothing worth keeping: the run and its steps are the record.
      retentionMinutes: 60,
    }),
  );
  return {
    async enqueue(tx, jobs, startAfter) {
      if (jobs.length === 0) return;
      await boss.insert(
        jobs.map((data) => ({
          name: RUN_QUEUE,
          data,
          expireInSeconds: options.leaseSeconds,
          ...(startAfter ? { startAfter } : {}),
        })),
        { db: executor(tx) },
      );
    },
    async fetch(batchSize) {
      const jobs = await boss.fetch<RunJob>(RUN_QUEUE, { batchSize });
      return (jobs ?? []).map((job) => ({ id: job.id, data: job.data }));
    },
    async complete(ids) {
      if (ids.length) await boss.complete(RUN_QUEUE, [...ids]);
    },
    async fail(ids, error) {
      void error; // the run records its own errors; the job only needs to come back
      if (ids.length) await boss.fail(RUN_QUEUE, [...ids]);
    },
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}
