/**
 * The QuickJS sandbox for user scripts (workflow script steps, script validation rules). See sandbox.ts
 * for how a run is contained, prelude.ts for what a script can reach.
 */
export { createScriptRunner, type ScriptRequest, type ScriptRunner } from './sandbox';
export { checkScriptSyntax } from './syntax';
export { atScriptLine } from './source';
export { type ScriptHost } from './host-calls';
export {
  DEFAULT_SCRIPT_LIMITS,
  DEFAULT_SCRIPT_BUDGETS,
  resolveLimits,
  resolveBudgets,
  type ScriptLimits,
  type ScriptBudgets,
} from './limits';
export { type ScriptOutcome, type ScriptFailure, type ScriptFailureKind, type ScriptUsage } from './outcome';
