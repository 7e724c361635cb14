import type { Access } from '../access/access';
import { memberAccess } from '../access/member-access';
import type { Db } from '../db/db';
import { badInput, notFound } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { currentRevision, loadModel } from '../metadata/workspace';
import type { Model } from '../model/model';
import { findOne } from '../records/find';
import { createScriptRunner, type ScriptRunner } from '../scripts';
import type { WorkflowDef } from './definition';
import { dispatchOutbox } from './dispatch';
import { advanceBatch, advanceRun, type ExecutionEnv } from './executor';
import { openRunQueue, type FetchedJob, type RunQueue } from './queue';
import { MAX_RUN_DEPTH, type RunActor, type TriggerEvent } from './run-model';
import { runStore } from './run-store';
import { decideApproval, getRun, type Approval, type RunDetails } from './runs';
import { scanTimeTriggers } from './schedules';
import type { EngineServices, Mailer, StartRunRequest } from './services';
import { compileTriggers, runActor, type CompiledTrigger } from './triggers';
import { loadVersion, syncVersions } from './versions';

export interface WorkflowEngineOptions {
  readonly db: Db;
  readonly types: FieldTypeRegistry;
  /** Workspaces served; default: every workspace in the database (re-read on each schedule scan). */
  readonly workspaces?: readonly string[];
  readonly scripts?: ScriptRunner;
  readonly mailer?: Mailer | null;
  readonly mailFrom?: string;
  readonly httpAllowHosts?: readonly string[];
  /** Runs advanced at once by this process (default 8 on a server, 1 embedded: PGlite has one connection). */
  readonly concurrency?: number;
  /** How often idle loops look for work (ms); local writes wake them at once through `wake()`. */
  readonly pollMs?: number;
  /** How long a taken job stays taken before another process may retry it (seconds). */
  readonly leaseSeconds?: number;
  /** How often time triggers are scanned (ms). */
  readonly scheduleEveryMs?: number;
  /** The run queue's name (default `stratum-runs`); processes sharing a queue share the work. */
  readonly queue?: string;
  /** Whether this process executes runs; false serves only the API side (starting and test runs). */
  readonly work?: boolean;
  readonly onError?: (error: unknown, where: string) => void;
}

/** A run started by hand (the `manual` trigger, a webhook, the API). */
export interface ManualRunRequest {
  readonly workflow: string;
  readonly recordId?: string | undefined;
  readonly input?: unknown;
  /** The user starting it (their permissions apply when the workflow runs as the triggering user). */
  readonly userId?: string | null | undefined;
  readonly type?: 'manual' | 'webhook';
}

/**
 * The workflow engine of one process (DESIGN.md decision 6): a dispatcher turning outbox events into
 * runs, workers advancing runs from the queue, and a scanner for schedules and dates. Processes share
 * the work through the database; any number may run against one database.
 *
 * @example
 *   const engine = await startWorkflowEngine({ db, types });
 *   await engine.startRun('default', { workflow: 'qualifyLead', recordId, userId });
 *   await engine.stop();
 */
export interface WorkflowEngine {
  /** Looks for work now (after a local write, an approval). */
  wake(): void;
  startRun(workspace: string, request: ManualRunRequest): Promise<string>;
  /** A run on a chosen record whose changes are rolled back and whose messages are reported, not sent. */
  testRun(workspace: string, request: ManualRunRequest & { readonly definition?: WorkflowDef }): Promise<RunDetails>;
  /** Approves or rejects an approval step and lets its run go on. */
  decideApproval(
    workspace: string,
    decision: { id: string; approve: boolean; comment?: string | undefined },
    decider: { userId: string; roles: readonly string[]; isAdmin: boolean },
  ): Promise<Approval>;
  /**
   * Scans schedules and dates now, as if the time were `now` (default: the clock): runs for moments
   * between the previous scan and `now` start. The engine scans on its own every `scheduleEveryMs`.
   */
  scanTimeTriggers(now?: Date): Promise<number>;
  /** Dispatches, scans and executes until there is nothing left to do now (tests and benchmarks). */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Runs advanced in one transaction by `advanceBatch`. */
const BATCH = 25;

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

interface WorkspaceState {
  readonly model: Model;
  readonly versions: ReadonlyMap<string, number>;
  readonly triggers: readonly CompiledTrigger[];
}

export async function startWorkflowEngine(options: WorkflowEngineOptions): Promise<WorkflowEngine> {
  const { db, types } = options;
  const embedded = db.dialect === 'pglite';
  const concurrency = options.concurrency ?? (embedded ? 1 : 8);
  const pollMs = options.pollMs ?? 250;
  const work = options.work !== false;
  const onError = options.onError ?? (() => undefined);
  const queue: RunQueue = await openRunQueue(db, {
    ...(options.queue ? { name: options.queue } : {}),
    leaseSeconds: options.leaseSeconds ?? 60,
    supervise: work,
    maintenanceIntervalSeconds: Math.max(1, Math.min(10, Math.floor((options.leaseSeconds ?? 60) / 3))),
    onError: (error) => onError(error, 'queue'),
  });
  const ownScripts = options.scripts ? null : createScriptRunner();
  const scripts = options.scripts ?? ownScripts!;
  const states = new Map<string, WorkspaceState>();
  const definitions = new Map<string, WorkflowDef>();
  const accessCache = new WeakMap<Model, Map<string, Promise<Access>>>();

  /** The workspace's model, versions and triggers, read through `q` (a transaction, when one is open). */
  async function state(workspace: string, q: Db = db): Promise<WorkspaceState> {
    const known = states.get(workspace);
    const revision = await currentRevision(q, workspace);
    if (known && known.model.revision === revision) return known;
    const model = await loadModel(q, workspace);
    const versions = await syncVersions(q, model);
    const fresh = { model, versions, triggers: compileTriggers(model, types, versions) };
    states.set(workspace, fresh);
    return fresh;
  }

  const services: EngineServices = {
    scripts,
    mailer: options.mailer ?? null,
    mailFrom: options.mailFrom ?? 'Stratum <stratum@localhost>',
    httpAllowHosts: options.httpAllowHosts ?? [],
    startRun: (tx, workspace, request) => createRun(tx, workspace, request),
  };

  const env: ExecutionEnv = {
    db,
    types,
    services,
    queue,
    store: runStore,
    model: async (q, workspace) => (await state(workspace, q)).model,
    async definition(q, model, workflow, version) {
      const key = `${model.schema}:${workflow}:${version}`;
      let definition = definitions.get(key);
      if (!definition) definitions.set(key, (definition = await loadVersion(q, model.schema, workflow, version)));
      return definition;
    },
    access(q, model, userId) {
      let byUser = accessCache.get(model);
      if (!byUser) accessCache.set(model, (byUser = new Map()));
      let access = byUser.get(userId);
      if (!access) {
        access = memberAccess(q, model, types, userId);
        byUser.set(userId, access);
        access.catch(() => byUser.delete(userId));
      }
      return access;
    },
  };

  /** Creates a queued run in `tx` and its job; null when the trigger key already ran. */
  async function createRun(tx: Db, workspace: string, request: StartRunRequest) {
    const { model, versions } = await state(workspace, tx);
    const workflow = (model.workflows as WorkflowDef[]).find((w) => w.name === request.workflow);
    const version = versions.get(request.workflow);
    if (!workflow || version === undefined) throw notFound(`No workflow "${request.workflow}"`);
    if (request.depth > MAX_RUN_DEPTH)
      throw badInput({ path: 'workflow', message: `workflows may start each other at most ${MAX_RUN_DEPTH} deep` });
    const actor: RunActor = request.actor ?? runActor(workflow.runAs, request.trigger.userId);
    const [id] = await runStore.insertRuns(tx, model.schema, [
      {
        workflow: workflow.name,
        version,
        trigger: request.trigger,
        actor,
        depth: request.depth,
        start: workflow.start,
        triggerKey: request.triggerKey,
        parentRunId: request.parentRunId,
      },
    ]);
    if (!id) return null;
    await queue.enqueue(tx, [{ workspace, runId: id }]);
    return { id };
  }

  async function triggerEvent(workspace: string, request: ManualRunRequest): Promise<TriggerEvent> {
    const { model } = await state(workspace);
    const workflow = (model.workflows as WorkflowDef[]).find((w) => w.name === request.workflow);
    if (!workflow) throw notFound(`No workflow "${request.workflow}"`);
    const object = 'object' in workflow.trigger ? workflow.trigger.object : undefined;
    let record = null;
    if (request.recordId) {
      if (!object) throw badInput({ path: 'recordId', message: `workflow "${workflow.name}" does not run on records` });
      record = await findOne({ db, model, types, actor: { kind: 'system' } }, object, request.recordId);
      if (!record) throw notFound(`No ${object} with id ${request.recordId}`, { id: request.recordId });
    }
    return {
      type: request.type ?? 'manual',
      object,
      recordId: request.recordId,
      record,
      input: request.input,
      userId: request.userId ?? null,
      firedAt: new Date().toISOString(),
    };
  }

  // ---- loops ----
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  async function workspaceList(): Promise<string[]> {
    if (options.workspaces) return [...options.workspaces];
    const { rows } = await db.query<{ name: string }>('SELECT name FROM stratum.workspaces ORDER BY name');
    return rows.map((r) => r.name);
  }

  let workspaces = await workspaceList();

  async function dispatchOnce(): Promise<number> {
    let total = 0;
    for (const workspace of workspaces) {
      const { model, triggers } = await state(workspace);
      const result = await dispatchOutbox(db, model, types, triggers, runStore, queue);
      total += result.events;
    }
    return total;
  }

  /**
   * Takes a batch of jobs and advances their runs: in chunks of BATCH runs per transaction first (see
   * `advanceBatch`), `concurrency` chunks at a time, then one by one for the runs a chunk left over.
   */
  async function executeOnce(): Promise<number> {
    const jobs = await queue.fetch(Math.max(1, concurrency * BATCH));
    if (jobs.length === 0) return 0;
    const failed = new Set<string>();
    const byWorkspace = new Map<string, FetchedJob[]>();
    for (const job of jobs) byWorkspace.set(job.data.workspace, [...(byWorkspace.get(job.data.workspace) ?? []), job]);
    const chunks: { workspace: string; jobs: FetchedJob[] }[] = [];
    for (const [workspace, list] of byWorkspace)
      for (let i = 0; i < list.length; i += BATCH) chunks.push({ workspace, jobs: list.slice(i, i + BATCH) });
    const single: FetchedJob[] = [];
    await inParallel(chunks, concurrency, async (chunk) => {
      try {
        const later = new Set(
          await advanceBatch(
            env,
            chunk.workspace,
            chunk.jobs.map((j) => j.data.runId),
          ),
        );
        single.push(...chunk.jobs.filter((j) => later.has(j.data.runId)));
      } catch (error) {
        onError(error, `batch of ${chunk.jobs.length} runs`);
        single.push(...chunk.jobs);
      }
    });
    await inParallel(single, concurrency, async (job) => {
      try {
        await advanceRun(env, job.data.workspace, job.data.runId);
      } catch (error) {
        onError(error, `run ${job.data.runId}`);
        failed.add(job.id);
      }
    });
    await queue.complete(jobs.filter((j) => !failed.has(j.id)).map((j) => j.id));
    await queue.fail([...failed], null);
    return jobs.length;
  }

  async function scanOnce(now = new Date()): Promise<number> {
    workspaces = await workspaceList();
    let total = 0;
    for (const workspace of workspaces) {
      const { model, versions } = await state(workspace);
      total += await scanTimeTriggers(db, model, types, versions, runStore, queue, now);
    }
    return total;
  }

  const loops: Promise<void>[] = [];
  if (work) {
    loops.push(
      (async () => {
        let lastScan = 0;
        while (!stopped) {
          let busy = 0;
          try {
            busy += await dispatchOnce();
            busy += await executeOnce();
            if (Date.now() - lastScan >= (options.scheduleEveryMs ?? 15_000)) {
              lastScan = Date.now();
              busy += await scanOnce();
            }
          } catch (error) {
            onError(error, 'engine loop');
          }
          if (!busy && !stopped) await sleep(pollMs);
        }
      })(),
    );
  }

  return {
    wake() {
      wakeUp?.();
    },
    async startRun(workspace, request) {
      const trigger = await triggerEvent(workspace, request);
      const created = await db.transaction((tx) => createRun(tx, workspace, { ...request, trigger, depth: 0 }));
      wakeUp?.();
      return created!.id;
    },
    async testRun(workspace, request) {
      const trigger = await triggerEvent(workspace, request);
      const { model, versions } = await state(workspace);
      const workflow = (model.workflows as WorkflowDef[]).find((w) => w.name === request.workflow)!;
      const rollback = new Error('test run: roll back');
      let details: RunDetails | null = null;
      await db
        .transaction(async (tx) => {
          const [id] = await runStore.insertRuns(tx, model.schema, [
            {
              workflow: workflow.name,
              version: versions.get(workflow.name)!,
              trigger,
              actor: runActor(workflow.runAs, request.userId),
              depth: 0,
              start: workflow.start,
              test: true,
            },
          ]);
          await advanceRun({ ...env, db: tx }, workspace, id!, { dryRun: true });
          details = await getRun(tx, model.schema, id!);
          throw rollback;
        })
        .catch((error: unknown) => {
          if (error !== rollback) throw error;
        });
      return details!;
    },
    async decideApproval(workspace, decision, decider) {
      const { model } = await state(workspace);
      const approval = await db.transaction(async (tx) => {
        const decided = await decideApproval(tx, model.schema, decision, decider);
        await queue.enqueue(tx, [{ workspace, runId: decided.runId }]);
        return decided;
      });
      wakeUp?.();
      return approval;
    },
    scanTimeTriggers: (now) => scanOnce(now),
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      await scanOnce();
      for (;;) {
        const busy = (await dispatchOnce()) + (await executeOnce());
        if (!busy) return;
        if (Date.now() > deadline) throw new Error('workflow engine: still busy after drain timeout');
      }
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await Promise.all(loops);
      await queue.stop();
      await ownScripts?.close();
    },
  };
}
