/**
 * A small pool of warm script workers. Terminology: a *slot* holds one worker thread at a time; a *lease*
 * lends a ready worker to one run; the run is the worker's *tenant* until it releases the lease. When a
 * worker is killed (its run overstayed its deadline) or dies, its slot gets a fresh worker.
 *
 * Idle workers are unref'd so a forgotten pool never keeps a process alive; they are ref'd again while
 * runs wait for them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { StratumError } from '../errors';
import { WORKER_STACK_MB } from './limits';
import { failureMessages } from './messages';
import type { HostReply, RunMessage, WorkerData, WorkerMessage } from './protocol';

/**
 * A worker thread needs JavaScript. Compiled, this module is runtime/dist/scripts/pool.js and the worker
 * is its sibling worker.js. Under jest this module is runtime/src/scripts/pool.ts, transpiled in memory
 * with no JavaScript beside it, so it uses the worker that `tsc -b` compiled into runtime/dist/scripts/
 * (`npm test` always runs `tsc -b` before jest; after editing the worker, rebuild before testing).
 */
const WORKER_FILE = __filename.endsWith('.ts')
  ? path.resolve(__dirname, '../../dist/scripts/worker.js')
  : path.join(__dirname, 'worker.js');

/** V8 heap of a worker: replies and logs pass through it; the QuickJS heap is WebAssembly memory apart. */
const WORKER_HEAP_MB = 128;

/** The run a worker is busy with: it gets the worker's messages and hears if the worker dies. */
export interface WorkerTenant {
  onMessage(message: WorkerMessage): void;
  onExit(failure: { readonly reason: string; readonly outOfMemory: boolean }): void;
}

/** A worker lent to one run. After `release` or `kill`, the lease does nothing. */
export interface Lease {
  post(message: RunMessage): void;
  /** Puts a host reply on the worker's port and wakes the worker blocked in Atomics.wait. */
  reply(reply: HostReply): void;
  release(): void;
  /** Terminates the worker and starts a fresh one in its slot. */
  kill(): void;
}

interface Slot {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly signal: Int32Array;
  state: 'starting' | 'idle' | 'busy' | 'gone';
  tenant?: WorkerTenant;
}

interface Waiter {
  readonly tenant: WorkerTenant;
  readonly resolve: (lease: Lease) => void;
  readonly reject: (error: Error) => void;
}

export class WorkerPool {
  readonly #slots = new Set<Slot>();
  readonly #waiting: Waiter[] = [];
  /** Slots whose worker died before it was ready; refilled on the next lease rather than in a tight loop. */
  #missing = 0;
  #startError: Error | undefined;
  #closed = false;

  constructor(size: number) {
    if (!existsSync(WORKER_FILE))
      throw new StratumError('INTERNAL', `the script worker ${WORKER_FILE} is not built (run \`npx tsc -b\`)`);
    for (let i = 0; i < size; i++) this.#slots.add(this.#spawn());
  }

  /** Waits for a ready worker (first come, first served) and lends it to `tenant`. */
  lease(tenant: WorkerTenant): Promise<Lease> {
    if (this.#closed) return Promise.reject(new StratumError('INTERNAL', failureMessages.closed()));
    for (; this.#missing > 0; this.#missing--) this.#slots.add(this.#spawn());
    return new Promise((resolve, reject) => {
      this.#waiting.push({ tenant, resolve, reject });
      this.#pump();
    });
  }

  /** Terminates every worker; current tenants hear `closed`, waiting leases are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new StratumError('INTERNAL', failureMessages.closed()));
    const slots = [...this.#slots];
    this.#slots.clear();
    await Promise.all(
      slots.map((slot) => {
        const tenant = slot.tenant;
        this.#retire(slot);
        tenant?.onExit({ reason: 'closed', outOfMemory: false });
        return slot.worker.terminate();
      }),
    );
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (this.#waiting.length === 0) break;
      if (slot.state !== 'idle') continue;
      const waiter = this.#waiting.shift()!;
      slot.state = 'busy';
      slot.tenant = waiter.tenant;
      waiter.resolve(this.#leaseOf(slot));
    }
    if (this.#waiting.length > 0 && this.#slots.size === 0) {
      const error = this.#startError ?? new StratumError('INTERNAL', 'no script worker is available');
      for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
    }
    const needed = this.#waiting.length > 0 || [...this.#slots].some((slot) => slot.state === 'busy');
    for (const slot of this.#slots) {
      if (needed) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  #leaseOf(slot: Slot): Lease {
    let over = false;
    return {
      post: (message) => {
        if (!over) slot.worker.postMessage(message);
      },
      reply: (reply) => {
        if (over) return;
        slot.port.postMessage(reply);
        Atomics.store(slot.signal, 0, 1);
        Atomics.notify(slot.signal, 0);
      },
      release: () => {
        if (over) return;
        over = true;
        if (slot.state !== 'busy') return;
        slot.state = 'idle';
        slot.tenant = undefined;
        this.#pump();
      },
      kill: () => {
        if (over) return;
        over = true;
        if (slot.state === 'gone') return;
        this.#retire(slot);
        void slot.worker.terminate();
        if (!this.#closed) this.#slots.add(this.#spawn());
        this.#pump();
      },
    };
  }

  /** Takes a slot out of the pool; its worker's exit is then expected and ignored. */
  #retire(slot: Slot): void {
    slot.state = 'gone';
    slot.tenant = undefined;
    this.#slots.delete(slot);
  }

  #spawn(): Slot {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const workerData: WorkerData = { port: port2, signal: signal.buffer as SharedArrayBuffer };
    const worker = new Worker(WORKER_FILE, {
      workerData,
      transferList: [port2],
      env: {},
      resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, port: port1, signal, state: 'starting' };
    let lastError: (Error & { code?: string }) | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type !== 'ready') slot.tenant?.onMessage(message);
      else if (slot.state === 'starting') {
        slot.state = 'idle';
        this.#pump();
      }
    });
    worker.on('error', (error) => (lastError = error));
    worker.on('exit', (code) => {
      if (slot.state === 'gone') return;
      const { state, tenant } = slot;
      this.#retire(slot);
      const reason = lastError?.message ?? `exit code ${code}`;
      tenant?.onExit({ reason, outOfMemory: lastError?.code === 'ERR_WORKER_OUT_OF_MEMORY' });
      if (this.#closed) return;
      if (state === 'starting') {
        this.#missing++;
        this.#startError = new StratumError('INTERNAL', `a script worker failed to start: ${reason}`);
      } else this.#slots.add(this.#spawn());
      this.#pump();
    });
    worker.unref();
    return slot;
  }
}
