import { createScriptRunner, type ScriptRunner } from '../scripts';

/**
 * The script runner of record contexts that bring none (`RecordContext.scripts`), made on first use.
 *
 * Why a module-level runner, against STYLE.md's "no globals": validation rules are data integrity, so
 * the record service must enforce them on every path — the server, workflows, the CLI, seeding and any
 * code that builds a context by hand — and a context without a runner must not be a way around a script
 * rule. Callers that own a runner pass it; this one is the fallback.
 *
 * It never keeps a process alive: the pool unrefs idle workers (scripts/pool.ts), so a process whose
 * other work is done exits with the runner still open. `closeDefaultScriptRunner` ends it explicitly
 * (the next script rule makes a new one).
 */
let shared: ScriptRunner | undefined;

export function defaultScriptRunner(): ScriptRunner {
  return (shared ??= createScriptRunner({ workers: 2 }));
}

/** Terminates the default runner's workers, if it was ever made. */
export async function closeDefaultScriptRunner(): Promise<void> {
  const runner = shared;
  shared = undefined;
  await runner?.close();
}
