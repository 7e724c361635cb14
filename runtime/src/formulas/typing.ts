/**
 * Typed formula values and the rules that combine them: how `null` and text literals fit other types,
 * what each type is called in messages, and how nodes are made (frozen, as all metadata is).
 */
import { isDate, readInstant } from '../conditions/temporal';
import type { CallNode, ExpressionType, FormulaNode, LiteralNode, Operation, ValueType } from './expression';
import { FormulaError } from './parse-expression';

/** A checked sub-expression: its tree, its type, and the currency codes of the money it was made from. */
export interface Typed {
  readonly node: FormulaNode;
  readonly type: ExpressionType;
  /** Code expressions of the currency values it reads, in source order (a currency result takes the first). */
  readonly codes: readonly FormulaNode[];
  /** Where it starts in the formula's text (for messages). */
  readonly position: number;
}

export function describeType(type: ExpressionType): string {
  switch (type) {
    case 'number':
      return 'a number';
    case 'text':
      return 'text';
    case 'boolean':
      return 'true/false';
    case 'date':
      return 'a date';
    case 'datetime':
      return 'a date-time';
    case 'null':
      return 'null';
  }
}

export function literal(type: ExpressionType, value: LiteralNode['value']): LiteralNode {
  return Object.freeze({ kind: 'literal', type, value });
}

export function call(op: Operation, type: ExpressionType, args: readonly FormulaNode[]): CallNode {
  return Object.freeze({ kind: 'call', type, op, args: Object.freeze([...args]) });
}

/** A typed value built from parts: its codes are theirs, in order. */
export function typed(node: FormulaNode, type: ExpressionType, position: number, parts: readonly Typed[]): Typed {
  return { node, type, position, codes: parts.flatMap((p) => p.codes) };
}

/** The call of `op` on typed arguments, as a typed value whose codes are those of `parts`. */
export function applied(
  op: Operation,
  type: ExpressionType,
  args: readonly Typed[],
  position: number,
  parts: readonly Typed[],
): Typed {
  return typed(
    call(
      op,
      type,
      args.map((a) => a.node),
    ),
    type,
    position,
    parts,
  );
}

/**
 * `value` as one of `allowed`: a `null` literal becomes a typed null, a text literal a date or date-time
 * when it is one (`closeDate < '2026-01-01'`); anything else must already have an allowed type.
 */
export function expect(value: Typed, allowed: readonly ValueType[], what: string): Typed {
  if (value.type !== 'null' && allowed.includes(value.type)) return value;
  for (const type of allowed) {
    const fitted = fit(value, type);
    if (fitted) return fitted;
  }
  throw new FormulaError(
    `${what} must be ${allowed.map(describeType).join(' or ')}, not ${describeType(value.type)}`,
    value.position,
  );
}

/** `value` as `type` when it can stand for one (null, or a text literal naming a date); undefined otherwise. */
function fit(value: Typed, type: ValueType): Typed | undefined {
  if (value.type === type) return value;
  if (value.node.kind !== 'literal') return undefined;
  const raw = value.node.value;
  if (raw === null) return { ...value, node: literal(type, null), type };
  if (typeof raw !== 'string') return undefined;
  if (type === 'date' && isDate(raw)) return { ...value, node: literal('date', raw), type };
  if (type === 'datetime') {
    const instant = readInstant(raw);
    if (instant) return { ...value, node: literal('datetime', instant), type };
  }
  return undefined;
}

/**
 * Values that must share one type (both sides of `==`, the branches of IF, the arguments of COALESCE):
 * the first typed value decides, nulls and date literals fit it. All nulls stay null.
 */
export function unify(values: readonly Typed[], what: string): { type: ExpressionType; values: Typed[] } {
  const decided =
    values.find((v) => v.type !== 'null' && v.node.kind !== 'literal') ?? values.find((v) => v.type !== 'null');
  if (!decided) return { type: 'null', values: [...values] };
  const type = decided.type as ValueType;
  return {
    type,
    values: values.map((v) => {
      const fitted = fit(v, type);
      if (fitted) return fitted;
      throw new FormulaError(
        `${what} must all be of one type: ${describeType(type)} and ${describeType(v.type)} do not mix`,
        v.position,
      );
    }),
  };
}

/** The closest of `candidates` to a misspelt `name` (case, or at most two edits), for "did you mean". */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= Math.min(2, Math.floor(name.length / 2)) && (!best || distance < best.distance))
      best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Text joined from parts; nested joins (`a + b + c`) become one `concat` of all parts. */
export function concat(parts: readonly Typed[], position: number): Typed {
  const args = parts.flatMap((p) => (p.node.kind === 'call' && p.node.op === 'concat' ? p.node.args : [p.node]));
  return typed(call('concat', 'text', args), 'text', position, parts);
}
