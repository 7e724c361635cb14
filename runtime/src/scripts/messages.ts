/**
 * The wording of sandbox failures, shared by the worker (which sees most of them) and the main thread
 * (which sees kills and budgets), so that one kind always reads the same. Imports nothing: the worker
 * loads it.
 */
const KiB = 1024;
const MiB = 1024 * KiB;

/** `33554432` → `32 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}

export const failureMessages = {
  timeout: (timeoutMs: number) => `script exceeded ${timeoutMs} ms`,
  killed: (timeoutMs: number) =>
    `script exceeded ${timeoutMs} ms and did not stop when interrupted; its worker was terminated`,
  crashed: (reason: string) => `the script's worker stopped unexpectedly (${reason})`,
  closed: () => 'the script runner was closed',
  memory: (memoryBytes: number) => `script exceeded its memory limit of ${formatBytes(memoryBytes)}`,
  stack: (stackBytes: number) =>
    `script exceeded its stack limit of ${formatBytes(stackBytes)} (recursion or nesting too deep)`,
  output: (maxOutputBytes: number) => `script result is larger than ${formatBytes(maxOutputBytes)} of JSON`,
  notJson: (reason: string) => `script result is not JSON: ${reason}`,
  neverSettles: () => 'script returned a promise that never settles',
  notAFunctionBody: () => 'script code must be the body of a function',
  tooDeep: () => 'script is nested too deeply to compile',
  tooLong: (maxLength: number) => `script is longer than ${maxLength} characters`,
  budget: (what: string) => `script exceeded its budget: ${what}`,
} as const;
