/**
 * The functions formulas may call. Each entry checks its arguments' types (they are already typed) and
 * makes the node of the operation it stands for; `formulaSql` writes the SQL of every operation. Names
 * are matched without regard to case (`round` is `ROUND`).
 */
import type { Operation, ValueType } from './expression';
import { FormulaError } from './parse-expression';
import { applied, call, concat, expect, literal, typed, unify, type Typed } from './typing';

export interface FunctionSpec {
  /** How the function is written, for messages: `ROUND(number, digits)`. */
  readonly signature: string;
  readonly min: number;
  readonly max: number;
  check(args: readonly Typed[], position: number): Typed;
}

const ANY: readonly ValueType[] = ['number', 'text', 'boolean', 'date', 'datetime'];
const ORDERED: readonly ValueType[] = ['number', 'text', 'date', 'datetime'];
const TEMPORAL: readonly ValueType[] = ['date', 'datetime'];

/** A function of fixed argument types and result type. */
function simple(
  signature: string,
  op: Operation,
  argTypes: readonly (readonly ValueType[])[],
  result: ValueType,
  optional = 0,
): FunctionSpec {
  return {
    signature,
    min: argTypes.length - optional,
    max: argTypes.length,
    check(args, position) {
      const checked = args.map((arg, i) => expect(arg, argTypes[i]!, `argument ${i + 1} of ${signature}`));
      return applied(op, result, checked, position, checked);
    },
  };
}

/** Arguments that must share a type among `allowed`; the result has it. */
function uniform(signature: string, op: Operation, allowed: readonly ValueType[], min: number): FunctionSpec {
  return {
    signature,
    min,
    max: 100,
    check(args, position) {
      const { type, values } = unify(args, `the arguments of ${signature}`);
      const checked =
        type === 'null' ? values : values.map((v, i) => expect(v, allowed, `argument ${i + 1} of ${signature}`));
      return applied(op, type, checked, position, checked);
    },
  };
}

/** `IF(condition, then, else)` and `cond ? a : b`: the branches share a type; a missing else is null. */
export function conditional(args: readonly Typed[], position: number, what: string): Typed {
  const test = expect(args[0]!, ['boolean'], `the condition of ${what}`);
  const { type, values } = unify(args.slice(1), `the results of ${what}`);
  return applied('if', type, [test, ...values], position, values);
}

/** Text of any value (for CONCAT and `+` with text): numbers, booleans and dates as they read. */
export function asText(value: Typed): Typed {
  if (value.type === 'text') return value;
  if (value.type === 'null') return { ...value, node: literal('text', null), type: 'text' };
  return { ...value, node: call('toText', 'text', [value.node]), type: 'text' };
}

const UNITS: Readonly<Record<string, Operation>> = {
  day: 'addDays',
  days: 'addDays',
  week: 'addWeeks',
  weeks: 'addWeeks',
  month: 'addMonths',
  months: 'addMonths',
  year: 'addYears',
  years: 'addYears',
};

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  IF: { signature: 'IF(condition, then, else)', min: 2, max: 3, check: (args, at) => conditional(args, at, 'IF') },
  AND: {
    signature: 'AND(condition, …)',
    min: 1,
    max: 100,
    check: (args, at) => logical('and', args, at, 'AND'),
  },
  OR: { signature: 'OR(condition, …)', min: 1, max: 100, check: (args, at) => logical('or', args, at, 'OR') },
  NOT: simple('NOT(condition)', 'not', [['boolean']], 'boolean'),
  ROUND: simple('ROUND(number, digits)', 'round', [['number'], ['number']], 'number', 1),
  ABS: simple('ABS(number)', 'abs', [['number']], 'number'),
  MIN: uniform('MIN(value, …)', 'least', ORDERED, 1),
  MAX: uniform('MAX(value, …)', 'greatest', ORDERED, 1),
  COALESCE: uniform('COALESCE(value, …)', 'coalesce', ANY, 1),
  CONCAT: {
    signature: 'CONCAT(value, …)',
    min: 1,
    max: 100,
    check(args, position) {
      const texts = args.map((arg, i) => asText(expect(arg, ANY, `argument ${i + 1} of CONCAT(value, …)`)));
      return concat(texts, position);
    },
  },
  UPPER: simple('UPPER(text)', 'upper', [['text']], 'text'),
  LOWER: simple('LOWER(text)', 'lower', [['text']], 'text'),
  LEN: simple('LEN(text)', 'length', [['text']], 'number'),
  LEFT: simple('LEFT(text, count)', 'left', [['text'], ['number']], 'text'),
  RIGHT: simple('RIGHT(text, count)', 'right', [['text'], ['number']], 'text'),
  TRIM: simple('TRIM(text)', 'trim', [['text']], 'text'),
  CONTAINS: simple('CONTAINS(text, part)', 'contains', [['text'], ['text']], 'boolean'),
  TODAY: simple('TODAY()', 'today', [], 'date'),
  NOW: simple('NOW()', 'now', [], 'datetime'),
  DATE_ADD: {
    signature: "DATE_ADD(date, count, 'day' | 'week' | 'month' | 'year')",
    min: 3,
    max: 3,
    check(args, position) {
      const signature = "DATE_ADD(date, count, 'day' | 'week' | 'month' | 'year')";
      const date = expect(args[0]!, TEMPORAL, `argument 1 of ${signature}`);
      const count = expect(args[1]!, ['number'], `argument 2 of ${signature}`);
      const unit = args[2]!;
      const name = unit.node.kind === 'literal' && typeof unit.node.value === 'string' ? unit.node.value : undefined;
      const op = name !== undefined ? UNITS[name.toLowerCase()] : undefined;
      if (!op)
        throw new FormulaError(`argument 3 of ${signature} must be 'day', 'week', 'month' or 'year'`, unit.position);
      const type = date.type === 'null' ? 'date' : date.type;
      return typed(call(op, type, [date.node, count.node]), type, position, [date, count]);
    },
  },
  DAYS_BETWEEN: simple('DAYS_BETWEEN(from, to)', 'daysBetween', [TEMPORAL, TEMPORAL], 'number'),
  YEAR: simple('YEAR(date)', 'year', [TEMPORAL], 'number'),
  MONTH: simple('MONTH(date)', 'month', [TEMPORAL], 'number'),
  DAY: simple('DAY(date)', 'day', [TEMPORAL], 'number'),
  ISBLANK: {
    signature: 'ISBLANK(value)',
    min: 1,
    max: 1,
    check: (args, position) => typed(call('isBlank', 'boolean', [args[0]!.node]), 'boolean', position, []),
  },
};

function logical(op: 'and' | 'or', args: readonly Typed[], position: number, name: string): Typed {
  const checked = args.map((arg, i) => expect(arg, ['boolean'], `argument ${i + 1} of ${name}`));
  return applied(op, 'boolean', checked, position, []);
}
