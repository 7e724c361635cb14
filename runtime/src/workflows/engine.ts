import type { Access } from '../access/access';
import { memberAccess } from '../access/member-access';
import type { Db } from '../db/db';
import { badInput, notFound } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { currentRevision, listWorkspaces, loadModel } from '../metadata/workspace';
import type { Model } from '../model/model';
import { findOne } from '../records/find';
import type { ScriptRunner } from '../scripts';
import { defaultScriptRunner } from '../validation/default-runner';
import { wakeOverdueApprovals } from './approval-timeouts';
import { findWorkflow, type WorkflowDef } from './definition';
import { dispatchOutbox, pruneOutbox } from './dispatch';
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
  /** The sandbox for script steps; default: the process's shared runner (`defaultScriptRunner`). */
  readonly scripts?: ScriptRunner;
  readonly mailer?: Mailer | null;
  readonly mailFrom?: string;
  readonly httpAllowHosts?: readonly string[];
  /**
   * Worker lanes of this process, each advancing a batch of up to 100 runs in one transaction at a time
   * (default 4 on a server, which keeps most of a default pool of 10 connections for the API; 1 embedded:
   * PGlite has one connection). A dispatcher beside them needs one connection more.
   */
  readonly concurrency?: number;
  /** How often idle loops look for work (ms); local writes wake them at once through `wake()`. */
  readonly pollMs?: number;
  /** How long a taken job stays taken before another process may retry it (seconds). */
  readonly leaseSeconds?: number;
  /** How often time triggers are scanned (ms). */
  readonly scheduleEveryMs?: number;
  /** Days a dispatched outbox event is kept before it is deleted (default 7). */
  readonly outboxRetentionDays?: number;
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
  testRun(workspace: string, request: ManualRunRequest): Promise<RunDetails>;
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

/**
 * Jobs a worker lane takes at once, and so the runs advanced in one transaction by `advanceBatch`. Larger
 * batches save statements per run (a 3-step workflow needs about a dozen per batch, whatever its size);
 * beyond about 100 the gain is gone and a batch holds its locks longer (bench/README.md, workflow-bench).
 */
const BATCH = 100;
/** A workspace whose outbox was slow to find empty is looked at again after this many times as long... */
const IDLE_SHARE = 20;
/** ...but at least this often (events committed by other processes wait at most this much). */
const MAX_IDLE_POLL_MS = 5_000;

interface WorkspaceState {
  readonly model: Model;
  readonly versions: ReadonlyMap<string, number>;
  readonly triggers: readonly CompiledTrigger[];
}

export async function startWorkflowEngine(options: WorkflowEngineOptions): Promise<WorkflowEngine> {
  const { db, types } = options;
  const embedded = db.dialect === 'pglite';
  const concurrency = options.concurrency ?? (embedded ? 1 : 4);
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
  // Without a runner of its own, the engine shares the process's default sandbox with the record
  // service's script validation rules: one warm pool per process (its idle workers keep nothing alive).
  const scripts = options.scripts ?? defaultScriptRunner();
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

  /**
   * Creates a queued run in `tx` and its job; null when the trigger key already ran. A test run gets no
   * job: `testRun` executes it at once, in the transaction it then rolls back.
   */
  async function createRun(tx: Db, workspace: string, request: StartRunRequest, options: { test?: boolean } = {}) {
    const { model, versions } = await state(workspace, tx);
    const workflow = findWorkflow(model, request.workflow);
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
        test: options.test,
      },
    ]);
    if (!id) return null;
    if (!options.test) await queue.enqueue(tx, [{ workspace, runId: id }]);
    return { id };
  }

  async function triggerEvent(workspace: string, request: ManualRunRequest): Promise<TriggerEvent> {
    const { model } = await state(workspace);
    const workflow = findWorkflow(model, request.workflow);
    if (!workflow) throw notFound(`No workflow "${request.workflow}"`);
    const object = 'object' in workflow.trigger ? workflow.trigger.object : undefined;
    let record = null;
    if (request.recordId) {
      if (!object) throw badInput({ path: 'recordId', message: `workflow "${workflow.name}" does not run on records` });
      // Read as the run will act: a run as the triggering user sees only what that user may read.
      const actor = runActor(workflow.runAs, request.userId);
      const reader =
        actor.kind === 'user'
          ? { db, model, types, actor, access: await env.access(db, model, actor.id) }
          : { db, model, types, actor };
      record = await findOne(reader, object, request.recordId);
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
  /** The loops sleeping now: `wake()` (and a dispatch that made runs) ends their sleep at once. */
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      }
      sleepers.add(done);
    });
  const wakeUp = () => [...sleepers].forEach((done) => done());
  /** Lanes waiting for the dispatcher to make runs (while draining with a dispatcher beside them). */
  const waitingLanes: (() => void)[] = [];
  const nextDispatch = () => new Promise<void>((resolve) => waitingLanes.push(resolve));
  /** Lets as many waiting lanes go as there are batches in `runs` new runs (all of them: Infinity). */
  const dispatchDone = (runs: number) => {
    for (let batches = Math.ceil(runs / BATCH); batches > 0 && waitingLanes.length; batches--) waitingLanes.shift()!();
  };

  async function workspaceList(): Promise<string[]> {
    return options.workspaces ? [...options.workspaces] : listWorkspaces(db);
  }

  let workspaces = await workspaceList();

  /**
   * Workspaces whose last look at the outbox found nothing and was slow, with when to look again. A long
   * transaction writing many events (a big import) makes every look step over its uncommitted rows; at the
   * polling pace those looks would cost the database more than the import itself, so the idle loop looks at
   * such a workspace at most 1/IDLE_SHARE of the time (and at least every MAX_IDLE_POLL_MS).
   */
  const quietUntil = new Map<string, number>();

  /**
   * Turns pending outbox events into runs (one batch per workspace); returns the events taken. The idle loop
   * passes `patient` to skip the workspaces it recently found quiet and slow to look at.
   */
  async function dispatchOnce(patient = false): Promise<number> {
    let events = 0;
    let runs = 0;
    try {
      for (const workspace of workspaces) {
        if (patient && (quietUntil.get(workspace) ?? 0) > Date.now()) continue;
        const { model, triggers } = await state(workspace);
        const started = performance.now();
        const result = await dispatchOutbox(db, model, types, triggers, runStore, queue, { onError });
        const pause = (performance.now() - started) * IDLE_SHARE;
        if (result.events === 0 && pause > pollMs)
          quietUntil.set(workspace, Date.now() + Math.min(pause, MAX_IDLE_POLL_MS));
        else quietUntil.delete(workspace);
        events += result.events;
        runs += result.runs;
      }
    } finally {
      if (runs) wakeUp();
      dispatchDone(runs);
    }
    return events;
  }

  /** Dispatches until the outbox is empty; returns the events taken. */
  async function dispatchAll(): Promise<number> {
    let total = 0;
    for (let events = await dispatchOnce(); events; events = await dispatchOnce()) total += events;
    return total;
  }

  /**
   * Works the queue until it is empty, in up to `concurrency` lanes: each takes up to BATCH jobs at a
   * time and completes them before it takes more, so no lane waits for another. One lane starts; a lane
   * that takes a full batch starts another (the queue may hold more), so a quiet queue costs one fetch.
   * While `producing()` says more runs are coming (a dispatcher beside), a lane that finds the queue
   * empty waits for them instead of ending. A lane that fails (the queue cannot be read) ends; the first
   * failure is thrown once every lane has ended.
   */
  async function executeOnce(producing: () => boolean = () => false): Promise<number> {
    let total = 0;
    let active = 0;
    const failures: unknown[] = [];
    const lanes: Promise<void>[] = [];
    const lane = async () => {
      active += 1;
      try {
        while (!stopped) {
          const jobs = await queue.fetch(BATCH);
          if (jobs.length === BATCH && active < concurrency) lanes.push(lane());
          if (jobs.length === 0) {
            if (!producing()) return;
            await nextDispatch();
            continue;
          }
          total += jobs.length;
          await executeJobs(jobs);
        }
      } catch (error) {
        failures.push(error);
      } finally {
        active -= 1;
      }
    };
    lanes.push(lane());
    for (let i = 0; i < lanes.length; i++) await lanes[i];
    if (failures.length) throw failures[0];
    return total;
  }

  /**
   * Advances the runs of the jobs taken together: in one transaction per workspace first (see
   * `advanceBatch`), then one by one for the runs it left over.
   */
  async function executeJobs(jobs: readonly FetchedJob[]): Promise<void> {
    const failed = new Set<string>();
    const byWorkspace = new Map<string, FetchedJob[]>();
    for (const job of jobs) byWorkspace.set(job.data.workspace, [...(byWorkspace.get(job.data.workspace) ?? []), job]);
    for (const [workspace, list] of byWorkspace) {
      let later: ReadonlySet<string>;
      try {
        later = new Set(
          await advanceBatch(
            env,
            workspace,
            list.map((j) => j.data.runId),
          ),
        );
      } catch (error) {
        onError(error, `batch of ${list.length} runs`);
        later = new Set(list.map((j) => j.data.runId));
      }
      for (const job of list) {
        if (!later.has(job.data.runId)) continue;
        try {
          await advanceRun(env, workspace, job.data.runId);
        } catch (error) {
          onError(error, `run ${job.data.runId}`);
          failed.add(job.id);
        }
      }
    }
    await queue.complete(jobs.filter((j) => !failed.has(j.id)).map((j) => j.id));
    await queue.fail([...failed], null);
  }

  async function scanOnce(now = new Date()): Promise<number> {
    workspaces = await workspaceList();
    let total = 0;
    for (const workspace of workspaces) {
      const { model, versions } = await state(workspace);
      total += await scanTimeTriggers(db, model, types, versions, runStore, queue, now);
      // Not counted: a run past its approval's due time is not a new run (approval-timeouts.ts).
      await wakeOverdueApprovals(db, model.schema, workspace, queue);
    }
    return total;
  }

  /** Runs `step` until the engine stops, sleeping `pollMs` (or until woken) whenever it found nothing to do. */
  async function loop(where: string, step: () => Promise<number>): Promise<void> {
    while (!stopped) {
      let busy = 0;
      try {
        busy = await step();
      } catch (error) {
        onError(error, where);
      }
      if (!busy && !stopped) await sleep(pollMs);
    }
  }

  // Two loops, so that runs execute while the next events are being dispatched: the dispatcher (with the
  // time-trigger scan) wakes the workers whenever it made runs.
  const loops: Promise<void>[] = [];
  if (work) {
    let lastScan = 0;
    loops.push(
      loop('engine loop: dispatch', async () => {
        let busy = await dispatchOnce(true);
        if (Date.now() - lastScan >= (options.scheduleEveryMs ?? 15_000)) {
          lastScan = Date.now();
          busy += await scanOnce();
          for (const workspace of workspaces)
            await pruneOutbox(db, (await state(workspace)).model.schema, options.outboxRetentionDays ?? 7);
        }
        return busy;
      }),
      loop('engine loop: execute', () => executeOnce()),
    );
  }

  return {
    wake() {
      wakeUp();
    },
    async startRun(workspace, request) {
      const trigger = await triggerEvent(workspace, request);
      const created = await db.transaction((tx) => createRun(tx, workspace, { ...request, trigger, depth: 0 }));
      wakeUp();
      return created!.id;
    },
    async testRun(workspace, request) {
      const trigger = await triggerEvent(workspace, request);
      const { model } = await state(workspace);
      const rollback = new Error('test run: roll back');
      let details: RunDetails | null = null;
      await db
        .transaction(async (tx) => {
          const { id } = (await createRun(tx, workspace, { ...request, trigger, depth: 0 }, { test: true }))!;
          await advanceRun({ ...env, db: tx }, workspace, id, { dryRun: true });
          details = await getRun(tx, model.schema, id);
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
      wakeUp();
      return approval;
    },
    scanTimeTriggers: (now) => scanOnce(now),
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      await scanOnce();
      for (;;) {
        let busy: number;
        if (embedded) {
          // One connection: dispatching beside the workers would only queue behind them.
          busy = (await dispatchAll()) + (await executeOnce());
        } else {
          let producing = true;
          const dispatching = dispatchAll().finally(() => {
            producing = false;
            dispatchDone(Infinity);
          });
          const [events, jobs] = await Promise.allSettled([dispatching, executeOnce(() => producing)]);
          if (events.status === 'rejected') throw events.reason;
          if (jobs.status === 'rejected') throw jobs.reason;
          busy = events.value + jobs.value;
        }
        if (!busy) return;
        if (Date.now() > deadline) throw new Error('workflow engine: still busy after drain timeout');
      }
    },
    async stop() {
      stopped = true;
      wakeUp();
      await Promise.all(loops);
      await queue.stop();
    },
  };
}
