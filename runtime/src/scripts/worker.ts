/**
 * Entry of a script worker thread. It loads the QuickJS WebAssembly module once (so runs start warm),
 * then executes one run per `run` message (vm-run.ts) and answers `done`. Between runs it prepares the
 * next run's context (prepared-context.ts), so that cost is paid while the worker would otherwise wait.
 *
 * Why a thread at all: QuickJS checks its interrupt handler only every few thousand bytecode steps, and
 * some built-ins (`Array.prototype.join` over a huge sparse array, `String.prototype.repeat` in a loop)
 * spend seconds between checks. On a thread, the main thread can still terminate such a run from outside
 * (sandbox.ts), and a WebAssembly abort cannot take the server down.
 *
 * This file runs as compiled JavaScript (runtime/dist/scripts/worker.js) and imports only Node built-ins,
 * quickjs-emscripten and its siblings in this folder that import nothing else of the runtime.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { newQuickJSWASMModule, newVariant, RELEASE_SYNC, type EmscriptenModuleLoaderOptions } from 'quickjs-emscripten';
import type { HostMethod, HostReply, ReplyBody, RunMessage, WorkerData, WorkerMessage } from './protocol';
import { failureMessages } from './messages';
import { prepareContext, type PreparedContext } from './prepared-context';
import { runInQuickJS } from './vm-run';

if (!parentPort) throw new Error('worker.ts runs only as a worker thread');
const parent = parentPort;
const { port, signal } = workerData as WorkerData;
const flag = new Int32Array(signal);
let lastCallId = 0;

const post = (message: WorkerMessage) => parent.postMessage(message);

/**
 * One host call, synchronous for the script: post it, then sleep on `flag` until the main thread has put
 * the reply on `port`. The flag is reset before the port is read, so a reply that lands between the read
 * and the wait still wakes the wait. Replies to earlier calls that timed out carry another callId and are
 * dropped.
 */
function callMainThread(runId: number, method: HostMethod, argsJson: string, deadline: number): ReplyBody | 'timeout' {
  const callId = ++lastCallId;
  Atomics.store(flag, 0, 0);
  post({ type: 'call', runId, callId, method, argsJson });
  for (;;) {
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
      const reply = received.message as HostReply;
      if (reply.callId === callId) return reply.body;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return 'timeout';
    Atomics.wait(flag, 0, 0, remaining);
    Atomics.store(flag, 0, 0);
  }
}

/**
 * Emscripten prints an abort (e.g. QuickJS asserting, when a runtime is freed, that a pathological run left
 * objects behind) to stderr before throwing it as a RuntimeError. vm-run.ts reports that error and the
 * worker is replaced, so the print is only noise. `printErr` is honoured by the module but missing from
 * the loader options' type.
 */
const variant = newVariant(RELEASE_SYNC, {
  emscriptenModule: { printErr: () => undefined } as EmscriptenModuleLoaderOptions,
});

void newQuickJSWASMModule(variant).then((module) => {
  let next: PreparedContext | undefined;
  /**
   * Prepares the next context once the event loop is free, i.e. after `done` is posted. A failure here
   * is left for the run itself: it prepares inline, where a failure is reported and recycles the worker.
   */
  const prepareNext = () =>
    setImmediate(() => {
      if (next) return;
      try {
        next = prepareContext(module);
      } catch {
        // Left for the next run to meet (see above).
      }
    });

  parent.on('message', (job: RunMessage) => {
    // Late replies of a previous run's calls may still sit on the port.
    while (receiveMessageOnPort(port) !== undefined);
    const bridge = {
      log: (line: string) => post({ type: 'log', runId: job.runId, line }),
      call: (method: HostMethod, argsJson: string, deadline: number) =>
        callMainThread(job.runId, method, argsJson, deadline),
    };
    let report;
    try {
      const prepared = next ?? prepareContext(module);
      next = undefined;
      report = runInQuickJS(prepared, job, bridge);
    } catch (error) {
      // Only preparing can throw here (runInQuickJS reports its own failures): the sandbox itself broke.
      const message = failureMessages.crashed(error instanceof Error ? error.message : String(error));
      report = { result: { ok: false, error: { kind: 'killed', message } }, droppedLogs: 0, recycle: true } as const;
    }
    post({ type: 'done', runId: job.runId, ...report });
    if (!report.recycle) prepareNext();
  });
  prepareNext();
  post({ type: 'ready' });
});
