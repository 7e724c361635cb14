/**
 * A role's CASL rules as data (CONTRACT.md "Roles", runtime/src/access/role.ts) ⇄ the role editor's matrix
 * of objects × actions. Pure: no React, no GraphQL.
 *
 * Terminology: a *cell* is one object and one action; it may hold one *allow* grant and one *deny* grant
 * (an `inverted` rule), each with optional `conditions` (the one condition language, `$user.*` values
 * allowed), `fields` and `reason`. A rule the matrix cannot hold — subject `all` or an unknown object,
 * a second grant for a cell that has one, an allow rule that an earlier deny rule overlaps (CASL: later
 * rules win, so its place matters), anything malformed — is *kept*: written back unchanged, in its order.
 *
 * Written rules are: the cells' allow rules, then the kept rules, then the cells' deny rules. That order
 * gives every rule the same meaning it had, because of how kept rules are chosen: a cell's allow rule had
 * no overlapping deny rule before it, and a cell's deny rule no overlapping allow rule after it.
 */

export const MATRIX_ACTIONS = ['create', 'read', 'update', 'delete', 'manage'] as const;
export type MatrixAction = (typeof MATRIX_ACTIONS)[number];

type Json = Record<string, unknown>;

/** One allow or deny of a cell. */
export interface Grant {
  readonly conditions?: Json;
  readonly fields?: readonly string[];
  readonly reason?: string;
}

export interface Cell {
  readonly allow?: Grant;
  readonly deny?: Grant;
}

export type SubjectCells = Readonly<Partial<Record<MatrixAction, Cell>>>;

export interface RuleMatrix {
  /** By object name, then action. */
  readonly cells: Readonly<Record<string, SubjectCells>>;
  /** The rules the matrix cannot show, unchanged, in their order. */
  readonly kept: readonly unknown[];
}

/** Where a written rule came from, to put the server's problems at `input.rules[i]` on the right cell. */
export type RuleOrigin =
  | {
      readonly kind: 'cells';
      readonly subjects: readonly string[];
      readonly actions: readonly MatrixAction[];
      readonly inverted: boolean;
    }
  | { readonly kind: 'kept'; readonly index: number };

export const EMPTY_MATRIX: RuleMatrix = { cells: {}, kept: [] };

const RULE_KEYS = new Set(['action', 'subject', 'conditions', 'fields', 'inverted', 'reason']);

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

const isAction = (value: unknown): value is MatrixAction =>
  typeof value === 'string' && (MATRIX_ACTIONS as readonly string[]).includes(value);

interface ReadRule {
  readonly actions: readonly MatrixAction[];
  readonly subjects: readonly string[];
  readonly inverted: boolean;
  readonly grant: Grant;
}

/** A rule as actions, subjects and a grant when it is well formed; undefined otherwise. */
function readRule(rule: unknown): ReadRule | undefined {
  if (!isPlainObject(rule) || Object.keys(rule).some((k) => !RULE_KEYS.has(k))) return undefined;
  const actions = listOf(rule.action);
  const subjects = listOf(rule.subject);
  const fields = listOf(rule.fields);
  if (!actions.length || !actions.every(isAction)) return undefined;
  if (!subjects.length || !subjects.every((s) => typeof s === 'string')) return undefined;
  if (!fields.every((f) => typeof f === 'string')) return undefined;
  if (rule.conditions !== undefined && !isPlainObject(rule.conditions)) return undefined;
  if (rule.inverted !== undefined && typeof rule.inverted !== 'boolean') return undefined;
  if (rule.reason !== undefined && typeof rule.reason !== 'string') return undefined;
  return {
    actions,
    subjects: subjects as string[],
    inverted: rule.inverted === true,
    grant: grantOf(rule.conditions as Json | undefined, fields as string[], rule.reason as string | undefined),
  };
}

/** A grant without empty parts (`{}` conditions and `[]` fields mean no restriction). */
export function grantOf(conditions: Json | undefined, fields: readonly string[] | undefined, reason?: string): Grant {
  return {
    ...(conditions && Object.keys(conditions).length ? { conditions } : {}),
    ...(fields && fields.length ? { fields: [...fields] } : {}),
    ...(reason ? { reason } : {}),
  };
}

const overlaps = (a: readonly string[], b: readonly string[], wildcard: string) =>
  a.includes(wildcard) || b.includes(wildcard) || a.some((x) => b.includes(x));

function overlapsRule(a: ReadRule, b: ReadRule): boolean {
  return overlaps(a.actions, b.actions, 'manage') && overlaps(a.subjects, b.subjects, 'all');
}

/**
 * A role's rules as a matrix over the given objects, and where each rule went.
 *
 * @example
 *   rulesToMatrix([{ action: ['read', 'update'], subject: 'lead', conditions: { owner: '$user.id' } }], ['lead'])
 *   // cells.lead.read.allow = cells.lead.update.allow = { conditions: { owner: '$user.id' } }
 */
export function rulesToMatrix(
  rules: readonly unknown[],
  objects: readonly string[],
): { matrix: RuleMatrix; origins: RuleOrigin[] } {
  const known = new Set(objects);
  const cells: Record<string, Partial<Record<MatrixAction, Cell>>> = {};
  const kept: unknown[] = [];
  const origins: RuleOrigin[] = [];
  const read = rules.map(readRule);
  rules.forEach((rule, i) => {
    const r = read[i];
    const keep = () => {
      origins.push({ kind: 'kept', index: kept.length });
      kept.push(rule);
    };
    if (!r || !r.subjects.every((s) => known.has(s))) return keep();
    const side = r.inverted ? 'deny' : 'allow';
    const taken = r.subjects.some((s) => r.actions.some((a) => cells[s]?.[a]?.[side]));
    // CASL: later rules win. An allow after an overlapping deny overrides it, which the matrix cannot say.
    const overridesDeny =
      !r.inverted && read.slice(0, i).some((earlier) => earlier?.inverted && overlapsRule(earlier, r));
    const overriddenByAllow =
      r.inverted && read.slice(i + 1).some((later) => later && !later.inverted && overlapsRule(later, r));
    if (taken || overridesDeny || overriddenByAllow) return keep();
    for (const subject of r.subjects) {
      const row = (cells[subject] ??= {});
      for (const action of r.actions) row[action] = { ...row[action], [side]: r.grant };
    }
    origins.push({ kind: 'cells', subjects: r.subjects, actions: r.actions, inverted: r.inverted });
  });
  return { matrix: { cells, kept }, origins };
}

const grantKey = (grant: Grant) =>
  JSON.stringify([grant.conditions ?? null, grant.fields ?? null, grant.reason ?? null]);

const oneOrList = <T>(items: readonly T[]): T | T[] => (items.length === 1 ? items[0]! : [...items]);

interface Draft {
  subjects: string[];
  readonly actions: MatrixAction[];
  readonly grant: Grant;
  readonly inverted: boolean;
}

/** The cells' grants of one side as rules: one per object and grant, then merged across objects. */
function sideRules(matrix: RuleMatrix, subjects: readonly string[], inverted: boolean): Draft[] {
  const side = inverted ? 'deny' : 'allow';
  const drafts: Draft[] = [];
  for (const subject of subjects) {
    const byGrant = new Map<string, Draft>();
    for (const action of MATRIX_ACTIONS) {
      const grant = matrix.cells[subject]?.[action]?.[side];
      if (!grant) continue;
      const key = grantKey(grant);
      const draft = byGrant.get(key);
      if (draft) draft.actions.push(action);
      else byGrant.set(key, { subjects: [subject], actions: [action], grant, inverted });
    }
    for (const draft of byGrant.values()) {
      const same = drafts.find(
        (d) => grantKey(d.grant) === grantKey(draft.grant) && d.actions.join() === draft.actions.join(),
      );
      if (same) same.subjects.push(subject);
      else drafts.push(draft);
    }
  }
  return drafts;
}

function ruleOf(draft: Draft): Json {
  return {
    action: oneOrList(draft.actions),
    subject: oneOrList(draft.subjects),
    ...(draft.grant.conditions ? { conditions: draft.grant.conditions } : {}),
    ...(draft.grant.fields ? { fields: [...draft.grant.fields] } : {}),
    ...(draft.inverted ? { inverted: true } : {}),
    ...(draft.grant.reason ? { reason: draft.grant.reason } : {}),
  };
}

/**
 * The matrix as CASL rules (objects in the given order), and where each written rule came from.
 *
 * @example
 *   matrixToRules({ cells: { deal: { delete: { deny: {} } } }, kept: [] }, ['deal']).rules
 *   // [{ action: 'delete', subject: 'deal', inverted: true }]
 */
export function matrixToRules(
  matrix: RuleMatrix,
  objects: readonly string[],
): { rules: unknown[]; origins: RuleOrigin[] } {
  const subjects = [...objects, ...Object.keys(matrix.cells).filter((s) => !objects.includes(s))];
  const allow = sideRules(matrix, subjects, false);
  const deny = sideRules(matrix, subjects, true);
  const cellOrigin = (d: Draft): RuleOrigin => ({
    kind: 'cells',
    subjects: d.subjects,
    actions: d.actions,
    inverted: d.inverted,
  });
  return {
    rules: [...allow.map(ruleOf), ...matrix.kept, ...deny.map(ruleOf)],
    origins: [
      ...allow.map(cellOrigin),
      ...matrix.kept.map((_, index): RuleOrigin => ({ kind: 'kept', index })),
      ...deny.map(cellOrigin),
    ],
  };
}

/** The matrix with one cell replaced (an empty cell is removed). */
export function withCell(matrix: RuleMatrix, subject: string, action: MatrixAction, cell: Cell): RuleMatrix {
  const row: Partial<Record<MatrixAction, Cell>> = { ...matrix.cells[subject] };
  if (cell.allow || cell.deny) row[action] = cell;
  else delete row[action];
  return { ...matrix, cells: { ...matrix.cells, [subject]: row } };
}

/** Whether two matrices say the same (so unchanged rules can be saved as they were written). */
export function sameMatrix(a: RuleMatrix, b: RuleMatrix, objects: readonly string[]): boolean {
  return JSON.stringify(matrixToRules(a, objects).rules) === JSON.stringify(matrixToRules(b, objects).rules);
}

/** Which part of a rule a problem is about: its conditions, its fields, or the rule itself. */
export type RulePart = 'conditions' | 'fields' | 'rule';

export interface ProblemTarget {
  /** Cells (`lead:read`) of a rule the matrix wrote. */
  readonly cells: readonly string[];
  /** Indexes of kept rules. */
  readonly kept: readonly number[];
  readonly side: 'allow' | 'deny';
  readonly part: RulePart;
}

/** Where a server problem at `input.rules[i]…` belongs: the cells or the kept rule it came from, and which part. */
export function problemTarget(path: string, origins: readonly RuleOrigin[]): ProblemTarget {
  const match = /^input\.rules\[(\d+)\](?:\.(conditions|fields))?/.exec(path);
  const origin = match ? origins[Number(match[1])] : undefined;
  const part: RulePart = (match?.[2] as RulePart | undefined) ?? 'rule';
  if (!origin) return { cells: [], kept: [], side: 'allow', part };
  if (origin.kind === 'kept') return { cells: [], kept: [origin.index], side: 'allow', part };
  return {
    cells: origin.subjects.flatMap((s) => origin.actions.map((a) => `${s}:${a}`)),
    kept: [],
    side: origin.inverted ? 'deny' : 'allow',
    part,
  };
}
