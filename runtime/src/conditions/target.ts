/**
 * What the condition compiler and evaluator need to know about an object: its table and, per field name,
 * the column and kind of value, or how a relation joins. The model builds one target per object
 * (`model/condition-targets.ts`); tests build small ones by hand.
 *
 * Terminology: a *target* is the object a condition is evaluated against; a *scalar* field compares a
 * column with values; a *relation* field holds a nested condition on another target.
 */
import type { Fragment } from '../sql/sql';
import type { ConditionNode } from './nodes';
import type { Operator } from './operators';

/** How values of a column compare; decides casts in SQL and comparison in memory. */
export type ValueKind = 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'uuid' | 'textArray' | 'json';

export interface ScalarField {
  readonly kind: 'scalar';
  readonly name: string;
  readonly column: string;
  readonly valueKind: ValueKind;
  /** Operators this field accepts; anything else is refused with the path. */
  readonly operators: readonly Operator[];
  /** Set for computed fields (formula, rollup): the value is this SQL expression, not `column`. */
  readonly computed?: ComputedColumn | undefined;
}

/**
 * The rows of an object a reader may see, as a condition on that object (their read scope), or undefined
 * when nothing is hidden from them. FALSE when they may not read the object at all.
 */
export type RowRestriction = (object: string) => ConditionNode | undefined;

/**
 * A value computed by an SQL expression over the row instead of read from a column (formula and rollup
 * fields). `sql` writes it for the row aliased `alias`; subqueries it needs alias their tables
 * `<alias>_f1`, `<alias>_f2`, … With a restriction, the related rows it reads (a many-to-one path, the
 * records a rollup counts) are only those the reader may see, so a computed value never reveals a hidden
 * record.
 */
export interface ComputedColumn {
  sql(alias: string, restrict?: RowRestriction): Fragment;
}

/** How a relation reaches its target's rows. */
export type RelationJoin =
  /** Many-to-one: this table holds the target's id in `column`. */
  | { readonly kind: 'foreignKey'; readonly column: string }
  /** One-to-many: the target table holds this record's id in `targetColumn`. */
  | { readonly kind: 'inverse'; readonly targetColumn: string }
  /** Many-to-many: a junction table links `sourceColumn` (this id) and `targetColumn` (target id). */
  | {
      readonly kind: 'junction';
      readonly schema: string;
      readonly table: string;
      readonly sourceColumn: string;
      readonly targetColumn: string;
    };

export interface RelationField {
  readonly kind: 'relation';
  readonly name: string;
  readonly cardinality: 'one' | 'many';
  readonly join: RelationJoin;
  /** Resolved lazily: relations may be cyclic (company ↔ contact). */
  target(): ConditionTarget;
}

export type TargetField = ScalarField | RelationField;

export interface ConditionTarget {
  readonly object: string;
  readonly schema: string;
  readonly table: string;
  /** The primary-key column (always `id`, a uuid). */
  readonly idColumn: string;
  /** Column holding the soft-delete time, if the target soft-deletes; nested filters skip deleted rows. */
  readonly deletedColumn?: string | undefined;
  field(name: string): TargetField | undefined;
}
