/**
 * Entry of a script worker thread. It loads the QuickJS WebAssembly module once (so runs start warm),
 * then executes one run per `run` message (vm-run.ts) and answers `done`.
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
  parent.on('message', (job: RunMessage) => {
    // Late replies of a previous run's calls may still sit on the port.
    while (receiveMessageOnPort(port) !== undefined);
    const report = runInQuickJS(module, job, {
      log: (line) => post({ type: 'log', runId: job.runId, line }),
      call: (method, argsJson, deadline) => callMainThread(job.runId, method, argsJson, deadline),
    });
    post({ type: 'done', runId: job.runId, ...report });
  });
  post({ type: 'ready' });
});
