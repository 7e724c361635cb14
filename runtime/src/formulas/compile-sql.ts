/**
 * Formula trees → SQL expressions over one row. Every literal is a bind parameter with its cast, every
 * identifier comes from metadata through `ident`; many-to-one paths and rollups are correlated scalar
 * subqueries, so a formula is an ordinary expression wherever it goes: a select list, a WHERE clause, an
 * ORDER BY, a GROUP BY, a nested condition. PostgreSQL runs each subquery once per row it is needed for,
 * as an index lookup (paths use primary keys, rollups the relation's foreign-key index). A rollup or a path
 * kept in a column of its row (`stored-rollups.ts`, `stored-paths.ts`) is read from that column instead, for
 * readers who may see every related row.
 *
 * Semantics: NULL propagates through arithmetic, comparisons with `<` … and functions, as in SQL; `==` and
 * `!=` are null-safe; `/` and `%` by zero give NULL; `+` with text joins texts with NULL as empty; a path
 * through a missing or deleted record is NULL; count and sum over no rows are 0.
 */
import { compileCondition } from '../conditions/compile';
import { restrictCondition } from '../conditions/restrict';
import type { RowRestriction } from '../conditions/target';
import { ident, join, raw, sql, type Fragment } from '../sql/sql';
import { SQL_TYPES, sqlTypeOf, type CallNode, type FormulaNode, type PathNode, type RollupNode } from './expression';

/**
 * The SQL of `node` for the row aliased `alias`; with `restrict`, paths and rollups only read related rows
 * the reader may see.
 *
 * @example
 *   compile(formulaSql(tree, 't0')) // { text: '("t0"."amount" * $1::numeric)', values: [2] }
 */
export function formulaSql(node: FormulaNode, alias: string, restrict?: RowRestriction): Fragment {
  return new SqlWriter(aliases(alias), restrict, true).write(node, alias);
}

/**
 * The aggregate a rollup node stands for, always computed from the related rows (never its stored
 * column): what keeps a stored rollup current (`stored-rollups.ts`), cast like `typedFormulaSql`.
 */
export function liveRollupSql(node: RollupNode, alias: string): Fragment {
  return sql`(${new SqlWriter(aliases(alias), undefined, false).write(node, alias)})::${raw(SQL_TYPES[node.type])}`;
}

/**
 * The value a stored path keeps, always looked up on the related record (never read from its column): what
 * keeps a stored path current (`stored-paths.ts`), cast like `typedFormulaSql`.
 */
export function livePathSql(node: PathNode, alias: string): Fragment {
  return sql`(${new SqlWriter(aliases(alias), undefined, false).write(node, alias)})::${raw(sqlTypeOf(node.type))}`;
}

/**
 * Subqueries alias their tables `<alias>_f1`, `<alias>_f2`…: unique within one expression, and never a
 * name the condition compiler (`t1`, `t2`…) or an enclosing formula (`t0_f1`) gives.
 */
function aliases(alias: string): () => string {
  let counter = 0;
  return () => `${alias}_f${++counter}`;
}

/** The SQL of a computed field's value, cast to its type so every reader sees one type. */
export function typedFormulaSql(node: FormulaNode, alias: string, restrict?: RowRestriction): Fragment {
  return sql`(${formulaSql(node, alias, restrict)})::${raw(sqlTypeOf(node.type))}`;
}

class SqlWriter {
  readonly #nextAlias: () => string;
  readonly #restrict: RowRestriction | undefined;
  readonly #readStored: boolean;

  constructor(nextAlias: () => string, restrict: RowRestriction | undefined, readStored: boolean) {
    this.#nextAlias = nextAlias;
    this.#restrict = restrict;
    this.#readStored = readStored;
  }

  write(node: FormulaNode, alias: string): Fragment {
    switch (node.kind) {
      case 'literal':
        if (node.value === null) return node.type === 'null' ? raw('NULL') : raw(`NULL::${SQL_TYPES[node.type]}`);
        return sql`${node.value}::${raw(sqlTypeOf(node.type))}`;
      case 'column':
        return node.uuid ? sql`${ident(alias, node.column)}::text` : ident(alias, node.column);
      case 'path':
        return this.#path(node, alias);
      case 'rollup':
        return this.#rollup(node, alias);
      case 'call':
        return this.#call(node, alias);
    }
  }

  /** The rows a reader may see of an object, as a condition on `alias` (none: no condition). */
  #scope(object: string, alias: string): Fragment[] {
    const scope = this.#restrict?.(object);
    return scope ? [compileCondition(scope, alias)] : [];
  }

  /** `(SELECT <node> FROM a1 JOIN a2 … WHERE a1.id = <row>.fk AND <live> AND <scope>)` */
  #path(node: PathNode, alias: string): Fragment {
    const [first, ...rest] = node.hops;
    // The stored value is the related record's whatever the reader may see: only a reader who sees them all reads it.
    if (this.#readStored && node.stored && this.#scope(first!.object, alias).length === 0)
      return ident(alias, node.stored);
    const aliases = node.hops.map(() => this.#nextAlias());
    const live = (i: number): Fragment[] => {
      const hop = node.hops[i]!;
      const a = aliases[i]!;
      return [
        ...(hop.deletedColumn ? [sql`${ident(a, hop.deletedColumn)} IS NULL`] : []),
        ...(hop.object === 'user' ? [] : this.#scope(hop.object, a)),
      ];
    };
    let from = sql`${ident(first!.schema, first!.table)} AS ${ident(aliases[0]!)}`;
    rest.forEach((hop, i) => {
      const a = aliases[i + 1]!;
      const on = [sql`${ident(a, 'id')} = ${ident(aliases[i]!, hop.foreignKey)}`, ...live(i + 1)];
      from = sql`${from} JOIN ${ident(hop.schema, hop.table)} AS ${ident(a)} ON ${join(on, ' AND ')}`;
    });
    const where = [sql`${ident(aliases[0]!, 'id')} = ${ident(alias, first!.foreignKey)}`, ...live(0)];
    const value = this.write(node.node, aliases.at(-1)!);
    return sql`(SELECT ${value} FROM ${from} WHERE ${join(where, ' AND ')})`;
  }

  /** `(SELECT <aggregate> FROM <related rows of this row> WHERE <live> AND <filter> AND <scope>)` */
  #rollup(node: RollupNode, alias: string): Fragment {
    const { source } = node;
    // The stored value counts every related row: only a reader whose rules hide none of them may read it.
    if (this.#readStored && node.stored && this.#scope(source.object, alias).length === 0)
      return ident(alias, node.stored);
    const table = ident(source.schema, source.table);
    const row = this.#nextAlias();
    let from: Fragment;
    const where: Fragment[] = [];
    if (source.join.kind === 'inverse') {
      from = sql`${table} AS ${ident(row)}`;
      where.push(sql`${ident(row, source.join.column)} = ${ident(alias, 'id')}`);
    } else {
      const link = this.#nextAlias();
      from = sql`${ident(source.join.schema, source.join.table)} AS ${ident(link)} JOIN ${table} AS ${ident(row)} ON ${ident(row, 'id')} = ${ident(link, source.join.targetColumn)}`;
      where.push(sql`${ident(link, source.join.sourceColumn)} = ${ident(alias, 'id')}`);
    }
    if (source.deletedColumn) where.push(sql`${ident(row, source.deletedColumn)} IS NULL`);
    if (node.filter) {
      const filter = this.#restrict ? restrictCondition(node.filter, this.#restrict) : node.filter;
      where.push(compileCondition(filter, row));
    }
    where.push(...this.#scope(source.object, row));
    const money = node.money;
    const code = money ? this.write(money.code, row) : undefined;
    if (money?.only) where.push(sql`${code!} = ${money.only}::text`);
    const value = node.value ? this.write(node.value, row) : undefined;
    let aggregate: Fragment;
    switch (node.fn) {
      case 'count':
        aggregate = raw('count(*)::numeric');
        break;
      case 'sum':
        aggregate = sql`coalesce(sum(${value!}), 0)`;
        break;
      default:
        aggregate = sql`${raw(node.fn)}(${value!})`;
    }
    if (money && money.part === 'code') {
      const fallback = money.fallback ? sql`${money.fallback}::text` : raw('NULL::text');
      aggregate = money.only
        ? fallback
        : sql`CASE WHEN count(DISTINCT ${code!}) > 1 THEN NULL ELSE coalesce(min(${code!}), ${fallback}) END`;
    } else if (money && !money.only) {
      // Amounts in different currencies are never added up (nor compared): mixed rows give NULL.
      aggregate = sql`CASE WHEN count(DISTINCT ${code!}) > 1 THEN NULL ELSE ${aggregate} END`;
    }
    return sql`(SELECT ${aggregate} FROM ${from} WHERE ${join(where, ' AND ')})`;
  }

  #call(node: CallNode, alias: string): Fragment {
    const args = node.args.map((arg) => this.write(arg, alias));
    const [a, b] = args as [Fragment, Fragment];
    const argType = (i: number) => node.args[i]?.type;
    /** A date or date-time as a UTC calendar day. */
    const day = (i: number) => (argType(i) === 'datetime' ? sql`(${args[i]!} AT TIME ZONE 'UTC')::date` : args[i]!);
    const interval = (unit: 'weeks' | 'months' | 'years') => {
      const shifted = sql`(${a} + make_interval(${raw(unit)} => (${b})::int))`;
      return node.type === 'date' ? sql`${shifted}::date` : shifted;
    };
    switch (node.op) {
      case 'add':
        return sql`(${a} + ${b})`;
      case 'subtract':
        return sql`(${a} - ${b})`;
      case 'multiply':
        return sql`(${a} * ${b})`;
      case 'divide':
        return sql`(${a} / NULLIF(${b}, 0))`;
      case 'modulo':
        return sql`mod(${a}, NULLIF(${b}, 0))`;
      case 'negate':
        return sql`(- ${a})`;
      case 'concat':
        return sql`concat(${join(args)})`;
      case 'toText':
        switch (argType(0)) {
          case 'number':
            return sql`trim_scale(${a})::text`;
          case 'date':
            return sql`to_char(${a}, 'YYYY-MM-DD')`;
          case 'datetime':
            return sql`to_char(${a} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
          default:
            return sql`(${a})::text`;
        }
      case 'addDays':
      case 'subtractDays': {
        const sign = raw(node.op === 'addDays' ? '+' : '-');
        return node.type === 'date'
          ? sql`(${a} ${sign} (${b})::int)`
          : sql`(${a} ${sign} (${b})::float8 * interval '1 day')`;
      }
      case 'addWeeks':
        return interval('weeks');
      case 'addMonths':
        return interval('months');
      case 'addYears':
        return interval('years');
      case 'daysBetween':
        return sql`(${day(1)} - ${day(0)})::numeric`;
      case 'eq':
        return sql`(${a} IS NOT DISTINCT FROM ${b})`;
      case 'neq':
        return sql`(${a} IS DISTINCT FROM ${b})`;
      case 'lt':
        return sql`(${a} < ${b})`;
      case 'lte':
        return sql`(${a} <= ${b})`;
      case 'gt':
        return sql`(${a} > ${b})`;
      case 'gte':
        return sql`(${a} >= ${b})`;
      case 'and':
        return sql`(${join(args, ' AND ')})`;
      case 'or':
        return sql`(${join(args, ' OR ')})`;
      case 'not':
        return sql`(NOT ${a})`;
      case 'if':
        return args[2] ? sql`CASE WHEN ${a} THEN ${b} ELSE ${args[2]} END` : sql`CASE WHEN ${a} THEN ${b} END`;
      case 'lookup': {
        const whens: Fragment[] = [];
        for (let i = 1; i + 1 < args.length; i += 2) whens.push(sql`WHEN ${args[i]!} THEN ${args[i + 1]!}`);
        return sql`CASE ${a} ${join(whens, ' ')} END`;
      }
      case 'round':
        return b ? sql`round(${a}, (${b})::int)` : sql`round(${a})`;
      case 'abs':
        return sql`abs(${a})`;
      case 'least':
        return sql`least(${join(args)})`;
      case 'greatest':
        return sql`greatest(${join(args)})`;
      case 'coalesce':
        return sql`coalesce(${join(args)})`;
      case 'upper':
        return sql`upper(${a})`;
      case 'lower':
        return sql`lower(${a})`;
      case 'length':
        return sql`char_length(${a})::numeric`;
      case 'left':
        return sql`left(${a}, (${b})::int)`;
      case 'right':
        return sql`right(${a}, (${b})::int)`;
      case 'trim':
        return sql`btrim(${a})`;
      case 'contains':
        // Case-insensitive, like the condition language's $contains.
        return sql`(strpos(lower(${a}), lower(${b})) > 0)`;
      // TODAY() and NOW() make a formula's value depend on when it is read: the transaction's start (now())
      // and its calendar day in the session's time zone, which Stratum's database sessions set to UTC.
      case 'today':
        return raw('current_date');
      case 'now':
        return raw('now()');
      case 'year':
      case 'month':
      case 'day': {
        const value = argType(0) === 'datetime' ? sql`(${a} AT TIME ZONE 'UTC')` : a;
        return sql`extract(${raw(node.op)} FROM ${value})::numeric`;
      }
      case 'isBlank':
        return argType(0) === 'text' ? sql`(${a} IS NULL OR ${a} = '')` : sql`(${a} IS NULL)`;
    }
  }
}
