/**
 * Messages between the main thread and a script worker. Types only, so the worker needs nothing else from
 * the runtime. Terminology:
 *
 * - a *run* is one script execution on one worker (`runId`); a worker does one run at a time;
 * - a *host call* is `records.find/create/update` from inside a run (`callId`). The worker posts a
 *   `call` and blocks with `Atomics.wait` on `signal`; the main thread answers with a `HostReply` on the
 *   worker's dedicated port, then stores 1 in `signal` and notifies. The worker reads the reply with
 *   `receiveMessageOnPort`, so the script sees a synchronous function.
 *
 * Worker → main messages go through `parentPort` (one port, so logs arrive before `done`); host replies
 * go through the dedicated port because the worker must read them while its event loop is blocked.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ScriptLimits } from './limits';
import type { ScriptFailure } from './outcome';

/** `workerData` of every script worker. */
export interface WorkerData {
  readonly port: MessagePort;
  /** An Int32Array(1) over this buffer: 1 when a host reply waits on `port`. */
  readonly signal: SharedArrayBuffer;
}

export type HostMethod = 'find' | 'create' | 'update';

/** Main → worker: run this script. `inputJson` is the JSON of the input, parsed inside the VM. */
export interface RunMessage {
  readonly type: 'run';
  readonly runId: number;
  readonly code: string;
  readonly inputJson: string;
  /** Without a host, every `records.*` call throws FORBIDDEN inside the script. */
  readonly hasHost: boolean;
  readonly limits: ScriptLimits;
  readonly logLimits: { readonly lines: number; readonly lineLength: number };
}

/** Worker → main, once: the WebAssembly module is loaded and the worker takes runs. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Worker → main: one `log(...)` line, already truncated; sent as it happens so a killed run keeps its logs. */
export interface LogMessage {
  readonly type: 'log';
  readonly runId: number;
  readonly line: string;
}

/** Worker → main: a host call; `argsJson` is the JSON array of the script's arguments. */
export interface CallMessage {
  readonly type: 'call';
  readonly runId: number;
  readonly callId: number;
  readonly method: HostMethod;
  readonly argsJson: string;
}

/** What the VM produced: the result's JSON text, or a failure. */
export type RunResult =
  { readonly ok: true; readonly json: string } | { readonly ok: false; readonly error: ScriptFailure };

/** Worker → main: the run is over. `recycle` asks for a fresh worker (the WebAssembly state is suspect). */
export interface DoneMessage {
  readonly type: 'done';
  readonly runId: number;
  readonly result: RunResult;
  readonly droppedLogs: number;
  readonly recycle: boolean;
}

export type WorkerMessage = ReadyMessage | LogMessage | CallMessage | DoneMessage;

/**
 * The answer to a host call: the JSON of the value, or an error the script sees as a thrown `Error` with
 * `code`. `fatal` marks a budget overrun: the worker then interrupts the script even if it catches the error.
 */
export type ReplyBody =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly message: string; readonly code: string; readonly fatal?: true };

/** Main → worker on the dedicated port. */
export interface HostReply {
  readonly callId: number;
  readonly body: ReplyBody;
}
