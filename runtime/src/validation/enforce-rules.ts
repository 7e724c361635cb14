/**
 * Validation rules on the write path (README "Validation rules"). Every create and update of the record
 * service checks the object's active rules on each record as it will be after the write, before anything
 * is written, and refuses the whole batch with every failure at once. The system actor is checked too:
 * rules are data integrity, not permissions.
 *
 * Records are checked as the API reads them (money as `{ amount, currency }`, dates as text, relations as
 * ids) with their stored fields only: formulas and rollups are computed by the database when records are
 * read, and to-many relations live in other tables, so rules do not see them (the migrator refuses rules
 * that would read them).
 */
import { compileCondition, evaluateCondition, type ConditionNode } from '../conditions';
import { run, type Db } from '../db/db';
import { badInput, scriptError, type Problem } from '../errors';
import type { ObjectDef } from '../model/model';
import type { EncodedInput } from '../records/codec';
import { decodeRow } from '../records/codec';
import { selectList } from '../records/columns';
import { actorId, type RecordContext, type RecordData } from '../records/context';
import { atScriptLine, type ScriptOutcome } from '../scripts';
import { ident, raw, sql } from '../sql/sql';
import { compiledRules, type CompiledRule } from './compile-rules';
import { defaultScriptRunner } from './default-runner';
import { readVerdict, RECORDS_PER_RUN } from './rule-script';

/** One record of a batch as the rules see it. */
interface Candidate {
  /** Its position in the batch: the error path is `data[index]` (or `data` for a batch of one). */
  readonly index: number;
  readonly after: RecordData;
  /** As stored; null on create. */
  readonly before: RecordData | null;
}

/**
 * Checks the rows a create is about to insert (column values with defaults, ids and owners filled in).
 * Call only when `hasActiveRules(object)`.
 */
export async function checkCreateRules(
  ctx: RecordContext,
  object: ObjectDef,
  rows: readonly Readonly<Record<string, unknown>>[],
  root: string,
): Promise<void> {
  const now = new Date().toISOString();
  const candidates = rows.map((row, index) => ({
    index,
    after: decodeRow(ctx, object, { ...row, createdAt: now, updatedAt: now, deletedAt: null }),
    before: null,
  }));
  await checkRules(ctx, object, candidates, rows.length, root);
}

/**
 * Checks an update: the stored records (read and locked in ONE statement for the whole batch, inside the
 * caller's update scope) merged with the patches, so a rule on a field the patch leaves alone still
 * holds. Records that are missing or outside the scope are skipped here; the update reports them.
 * Call only when `hasActiveRules(object)`.
 */
export async function checkUpdateRules(
  ctx: RecordContext,
  db: Db,
  object: ObjectDef,
  ids: readonly string[],
  encoded: readonly EncodedInput[],
  scope: ConditionNode | undefined,
  root: string,
): Promise<void> {
  const allowed = scope ? compileCondition(scope, 't') : raw('TRUE');
  const { rows } = await run<Record<string, unknown>>(
    db,
    sql`SELECT ${selectList(object, 't')} FROM ${ident(ctx.model.schema, object.table)} AS t
         WHERE t.id = ANY(${ids}::uuid[]) AND t."deletedAt" IS NULL AND ${allowed} ORDER BY t.id FOR UPDATE`,
  );
  const stored = new Map(rows.map((row) => [row.id as string, row]));
  const now = new Date().toISOString();
  const candidates = ids.flatMap((id, index): Candidate[] => {
    const row = stored.get(id);
    if (!row) return [];
    const merged = { ...row, ...encoded[index]!.columns, updatedAt: now };
    return [{ index, after: decodeRow(ctx, object, merged), before: decodeRow(ctx, object, row) }];
  });
  await checkRules(ctx, object, candidates, ids.length, root);
}

async function checkRules(
  ctx: RecordContext,
  object: ObjectDef,
  candidates: readonly Candidate[],
  batchSize: number,
  root: string,
): Promise<void> {
  const rules = compiledRules(ctx.model, ctx.types, object);
  // failures[i][r]: record i failed rule r, with this message (undefined: the rule's own).
  const failures = new Map<number, Map<CompiledRule, string | undefined>>();
  const failed = new Set<CompiledRule>();
  const fail = (candidate: Candidate, rule: CompiledRule, message: string | undefined) => {
    let byRule = failures.get(candidate.index);
    if (!byRule) failures.set(candidate.index, (byRule = new Map()));
    byRule.set(rule, message);
    failed.add(rule);
  };
  for (const rule of rules) {
    if (rule.kind !== 'condition') continue;
    for (const candidate of candidates)
      if (!evaluateCondition(rule.node, candidate.after)) fail(candidate, rule, undefined);
  }
  const scripts = rules.filter((rule) => rule.kind === 'script');
  if (scripts.length)
    for (const { rule, candidate, message } of await runScripts(ctx, scripts, candidates))
      fail(candidate, rule, message);
  if (failures.size === 0) return;

  const problems: Problem[] = [];
  for (const candidate of candidates) {
    const byRule = failures.get(candidate.index);
    if (!byRule) continue;
    const at = batchSize === 1 ? root : `${root}[${candidate.index}]`;
    // In rule order, whatever order the scripts finished in.
    for (const rule of rules) {
      if (!byRule.has(rule)) continue;
      const message = `validation rule "${rule.name}" failed: ${byRule.get(rule) ?? rule.message}`;
      const paths = rule.fields.length ? rule.fields.map((field) => `${at}.${field}`) : [at];
      for (const path of paths) problems.push({ path, message, rule: rule.name });
    }
  }
  throw badInput(problems, { rules: rules.filter((rule) => failed.has(rule)).map((r) => r.name) });
}

interface RuleFailure {
  readonly rule: CompiledRule;
  readonly candidate: Candidate;
  readonly message: string | undefined;
}

/**
 * Runs every script rule over the candidates, one sandbox run per rule and chunk of records, all at
 * once (the runner queues them on its workers). A run that fails, or a verdict that is not one, fails
 * the write with SCRIPT_ERROR naming the rule (the first such rule, in rule order).
 */
async function runScripts(
  ctx: RecordContext,
  rules: readonly Extract<CompiledRule, { kind: 'script' }>[],
  candidates: readonly Candidate[],
): Promise<RuleFailure[]> {
  const runner = ctx.scripts ?? defaultScriptRunner();
  const id = actorId(ctx.actor);
  const user = id === null ? null : { id };
  const chunks: Candidate[][] = [];
  for (let start = 0; start < candidates.length; start += RECORDS_PER_RUN)
    chunks.push(candidates.slice(start, start + RECORDS_PER_RUN));
  const runs = rules.map((rule) =>
    Promise.all(
      chunks.map(async (chunk) => ({
        chunk,
        outcome: await runner.run({
          code: rule.source,
          input: { items: chunk.map((c) => ({ record: c.after, before: c.before })), user },
        }),
      })),
    ),
  );
  const failures: RuleFailure[] = [];
  for (const [r, outcomes] of (await Promise.all(runs)).entries()) {
    const rule = rules[r]!;
    for (const { chunk, outcome } of outcomes) {
      const values = verdictsOf(rule, outcome, chunk.length);
      chunk.forEach((candidate, i) => {
        const verdict = readVerdict(values[i]);
        if (verdict.kind === 'bad')
          throw scriptError(
            `validation rule "${rule.name}" must return true, false or a message, not ${verdict.returned}`,
            { rule: rule.name, kind: 'result' },
          );
        if (verdict.kind === 'invalid') failures.push({ rule, candidate, message: verdict.message });
      });
    }
  }
  return failures;
}

function verdictsOf(rule: Extract<CompiledRule, { kind: 'script' }>, outcome: ScriptOutcome, count: number): unknown[] {
  if (!outcome.ok) {
    const { kind, message } = outcome.error;
    const at = atScriptLine(message, outcome.error.line, rule.lines);
    throw scriptError(`validation rule "${rule.name}" failed to run: ${at.message}`, {
      rule: rule.name,
      kind,
      ...(at.line === undefined ? {} : { line: at.line }),
    });
  }
  if (!Array.isArray(outcome.value) || outcome.value.length !== count)
    throw scriptError(`validation rule "${rule.name}" must return true, false or a message`, {
      rule: rule.name,
      kind: 'result',
    });
  return outcome.value as unknown[];
}
