import type { z } from 'zod';
import type { Operator } from '../conditions/operators';
import type { ValueKind } from '../conditions/target';
import type { FieldDef } from '../model/model';

/**
 * A field type: everything the runtime, the API and the studio need to know about one kind of field.
 * The core's types are registered exactly as a plugin's would be (DESIGN.md decision 8).
 */
export interface ColumnSpec {
  /** Appended to the field's column name: '' for the main column, e.g. '_currency' for a second one. */
  readonly suffix: string;
  /** PostgreSQL type, written by the code (never from input). */
  readonly sqlType: string;
}

export type ConvertResult =
  { readonly ok: true; readonly values: readonly unknown[] } | { readonly ok: false; readonly message: string };

export interface GraphQLTypeNames {
  /** Output type of the field (`String`, `Float`, `Currency`…). */
  readonly output: string;
  /** Input type for create/update (`String`, `CurrencyInput`…). */
  readonly input: string;
  /** Filter input type (`StringFilter`, `NumberFilter`…), or null when the field cannot be filtered. */
  readonly filter: string | null;
}

export interface FieldType {
  readonly type: string;
  /** Type-specific manifest keys and their schema; anything else on a field of this type is refused. */
  readonly settings: z.ZodRawShape;
  /** Physical columns; an empty list means the field is virtual (to-many relations). */
  columns(field: FieldDef): readonly ColumnSpec[];
  /** How the main column compares in conditions, or null when it cannot be filtered. */
  readonly valueKind: ValueKind | null;
  readonly operators: readonly Operator[];
  readonly sortable: boolean;
  /** Whether fields of this type join full-text search unless the field says otherwise. */
  readonly searchableByDefault: boolean;
  /** Whether the type can take part in full-text search at all. */
  readonly canSearch: boolean;
  /** Validates an input value (never null: callers handle null) and returns one value per column. */
  toColumns(value: unknown, field: FieldDef): ConvertResult;
  /** Builds the API value from the column values (same order as `columns`). */
  fromColumns(values: readonly unknown[], field: FieldDef): unknown;
  /**
   * Set by the computed types (`formula`, `rollup`): such a field has no column and takes no input; the
   * record service computes its value in SQL (`formulas/`), and the value behaves like one of its result
   * type (`number`, `text`, `currency`…), which decides filters, sorting, grouping and the API types
   * (`fieldValueType`). The value-related members of a computed type are placeholders.
   */
  readonly computed?: true | undefined;
  /** JSON Schema of the value for generated forms (@rjsf/core). */
  jsonSchema(field: FieldDef): Readonly<Record<string, unknown>>;
  readonly graphql: GraphQLTypeNames;
}

export function ok(...values: unknown[]): ConvertResult {
  return { ok: true, values };
}

export function fail(message: string): ConvertResult {
  return { ok: false, message };
}
