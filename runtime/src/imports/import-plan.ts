import { badInput, type Problem } from '../errors';
import { minorUnits } from '../fields/number-types';
import { relationKind } from '../fields/relation-type';
import { isComputed } from '../formulas/computed-fields';
import type { FieldDef, Label, ObjectDef } from '../model/model';
import { SYSTEM_FIELDS } from '../model/system-fields';
import type { RecordContext } from '../records/context';
import { DATE_ORDERS, type ImportOptions } from './import-types';
import { cellReader, normalizeText, type CellReader } from './read-cell';

/** The owner is the one system field a file may set (CONTRACT.md: `owner` is writable on create). */
const OWNER: FieldDef = SYSTEM_FIELDS.find((f) => f.name === 'owner')!;

/** One imported column: where its cells are in a row, the field they fill, how they are read and fixed. */
export interface ColumnPlan {
  readonly column: string;
  readonly index: number;
  readonly field: FieldDef;
  readonly reader: CellReader;
  /** Value fixes by the cell's exact text and by its normal form. */
  readonly fixes: ReadonlyMap<string, string | null>;
  readonly lookup: boolean;
}

/** A field every row gets where it has no value of its own. */
export interface DefaultPlan {
  readonly field: FieldDef;
  readonly value: unknown;
}

export interface ImportPlan {
  readonly object: ObjectDef;
  readonly columns: readonly ColumnPlan[];
  readonly defaults: readonly DefaultPlan[];
  /** Fields whose values must not repeat (the chosen ones and every unique field that is imported). */
  readonly distinct: readonly ColumnPlan[];
  /** Whether preparing rows queries the database: relation lookups or duplicate checks. */
  readonly queries: boolean;
}

/**
 * Checks a mapping against the file's header and the object before a single row is read: every problem names the
 * mapping entry (`columns[2].field`) so the wizard can show it where it was chosen.
 */
export function planImport(
  ctx: RecordContext,
  object: ObjectDef,
  header: readonly string[],
  options: ImportOptions,
): ImportPlan {
  const problems: Problem[] = [];
  const columns: ColumnPlan[] = [];
  const used = new Map<string, number>();
  if (!Array.isArray(options.columns))
    throw badInput({ path: 'columns', message: 'must be a list of column mappings' });
  options.columns.forEach((mapping, i) => {
    const at = (key: string) => `columns[${i}].${key}`;
    const index = header.indexOf(mapping.column);
    if (index < 0) return problems.push({ path: at('column'), message: `the file has no column "${mapping.column}"` });
    if (!mapping.field) return;
    const field = mapping.field === 'owner' ? OWNER : object.fields.find((f) => f.name === mapping.field);
    if (!field)
      return problems.push({ path: at('field'), message: `unknown field "${mapping.field}" on ${object.name}` });
    const why = unimportable(ctx, field);
    if (why) return problems.push({ path: at('field'), message: `${field.name} ${why}` });
    if (used.has(field.name))
      return problems.push({
        path: at('field'),
        message: `${field.name} is already filled by columns[${used.get(field.name)}]`,
      });
    used.set(field.name, i);
    if (mapping.dateOrder !== undefined && !DATE_ORDERS.includes(mapping.dateOrder))
      problems.push({ path: at('dateOrder'), message: `must be one of ${DATE_ORDERS.join(', ')}` });
    if (mapping.currency !== undefined && minorUnits(mapping.currency.toUpperCase()) === undefined)
      problems.push({ path: at('currency'), message: `"${mapping.currency}" is not an ISO 4217 currency code` });
    const fixes = new Map<string, string | null>();
    for (const [text, value] of Object.entries(mapping.values ?? {})) {
      if (value !== null && typeof value !== 'string') {
        problems.push({ path: `${at('values')}.${text}`, message: 'must be text or null' });
        continue;
      }
      fixes.set(text, value);
      if (!fixes.has(normalizeText(text))) fixes.set(normalizeText(text), value);
    }
    const reader = cellReader(ctx.types.get(field.type), field, {
      dateOrder: mapping.dateOrder,
      currency: mapping.currency?.toUpperCase(),
      optionLabels: stageLabels(ctx, object, field),
    });
    columns.push({ column: mapping.column, index, field, reader, fixes, lookup: field.type === 'relation' });
  });
  const defaults: DefaultPlan[] = [];
  for (const [name, text] of Object.entries(options.defaults ?? {})) {
    const at = `defaults.${name}`;
    const field = name === 'owner' ? OWNER : object.fields.find((f) => f.name === name);
    if (!field) {
      problems.push({ path: at, message: `unknown field "${name}" on ${object.name}` });
      continue;
    }
    const why = unimportable(ctx, field);
    if (why || field.type === 'relation') {
      problems.push({ path: at, message: `${name} ${why ?? 'is a relation: map a column to it'}` });
      continue;
    }
    const reading = cellReader(ctx.types.get(field.type), field, {
      optionLabels: stageLabels(ctx, object, field),
    }).read(typeof text === 'string' ? text : '');
    if (reading.kind === 'error') problems.push({ path: at, message: reading.message });
    else if (reading.kind === 'value') {
      defaults.push({ field, value: reading.value });
      used.set(field.name, -1);
    }
  }
  for (const field of object.fields) {
    if (field.required && field.default === undefined && !used.has(field.name) && !unimportable(ctx, field))
      problems.push({ path: 'columns', message: `${field.name} is required: map a column to it` });
  }
  const matchOn = options.matchOn ?? [];
  matchOn.forEach((name, i) => {
    if (!columns.some((c) => c.field.name === name))
      problems.push({ path: `matchOn[${i}]`, message: `"${name}" is not a field filled by a column` });
  });
  if (problems.length) throw badInput(problems);
  const distinct = columns.filter((c) => !c.lookup && (c.field.unique || matchOn.includes(c.field.name)));
  return { object, columns, defaults, distinct, queries: distinct.length > 0 || columns.some((c) => c.lookup) };
}

/** The labels of the stages of pipelines over a select field, by option value. */
function stageLabels(ctx: RecordContext, object: ObjectDef, field: FieldDef): Map<string, Label[]> {
  const labels = new Map<string, Label[]>();
  for (const pipeline of ctx.model.pipelines) {
    if (pipeline.object !== object.name || pipeline.field !== field.name) continue;
    for (const stage of pipeline.stages)
      if (stage.label) labels.set(stage.name, [...(labels.get(stage.name) ?? []), stage.label]);
  }
  return labels;
}

function unimportable(ctx: RecordContext, field: FieldDef): string | undefined {
  if (field === OWNER) return undefined;
  if (field.system) return 'is set by the system';
  if (field.type === 'autonumber') return 'is numbered automatically';
  if (isComputed(ctx.types, field)) return `is computed (a ${field.type})`;
  if (field.type === 'relation' && relationKind(field) === 'oneToMany')
    return 'lists related records: import them from the other side';
  return undefined;
}
