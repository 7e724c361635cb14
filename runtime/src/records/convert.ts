import { run } from '../db/db';
import { badInput, conflict, notFound, type Problem } from '../errors';
import { SOURCE_REFERENCE, type ConversionDef, type ConversionTargetDef, type ObjectDef } from '../model/model';
import { ident, sql } from '../sql/sql';
import { requireObject, type RecordContext, type RecordData } from './context';
import { findOne } from './find';
import { createMany, updateMany } from './write';

/**
 * Converting a record (a lead) into the records its object's `conversion` names (a company, a contact, a
 * deal). Terminology as in model.ts: the *source* is converted, each *target* is one record it becomes.
 */

/** What to do with one target: create it (the mapped values, with `data` over them), use an existing record, or skip it. */
export type ConversionChoice =
  | { readonly key: string; readonly action: 'create'; readonly data?: Readonly<Record<string, unknown>> | undefined }
  | { readonly key: string; readonly action: 'use'; readonly id: string }
  | { readonly key: string; readonly action: 'skip' };

export interface ConvertedTarget {
  readonly key: string;
  readonly object: string;
  /** The record made or used; null when skipped. */
  readonly id: string | null;
  readonly created: boolean;
}

export interface ConversionResult {
  /** The source as updated by the conversion's `update`. */
  readonly source: RecordData;
  readonly targets: readonly ConvertedTarget[];
}

/**
 * Converts one record in ONE transaction through the record service, so the actor's permissions, the
 * targets' validation rules, field history and the outbox all apply: every target in order (created,
 * picked or skipped), references (`$company`, `$source`) filled with the ids made so far, then the source
 * updated per `update`. Anything refused rolls everything back; problems are at `targets.<key>.data.<field>`,
 * `targets.<key>.id` or `update.<field>`. A source that already has the `update` values is refused (CONFLICT).
 * A target without a choice is created from the mapping.
 *
 * @example
 *   await convertRecord(ctx, 'lead', leadId, [{ key: 'company', action: 'use', id: acmeId }, { key: 'deal', action: 'skip' }]);
 *   // { source: { …, status: 'converted' }, targets: [{ key: 'company', id: acmeId, created: false }, …] }
 */
export async function convertRecord(
  ctx: RecordContext,
  objectName: string,
  id: string,
  choices: readonly ConversionChoice[],
): Promise<ConversionResult> {
  const object = requireObject(ctx, objectName);
  const conversion = requireConversion(object);
  const chosen = checkChoices(conversion, choices);
  return ctx.db.transaction(async (db) => {
    const tx: RecordContext = { ...ctx, db };
    const source = await lockSource(tx, object, id);
    if (isConverted(conversion, source))
      throw conflict(`This ${object.name} is already converted`, 'id', { reason: 'converted' });
    const ids = new Map<string, string | null>();
    const targets: ConvertedTarget[] = [];
    for (const target of conversion.targets) {
      const choice = chosen.get(target.key) ?? { key: target.key, action: 'create' };
      const made = await convertTarget(tx, target, choice, source, ids);
      ids.set(target.key, made.id);
      targets.push(made);
    }
    const [updated] = await updateMany(tx, object.name, [{ id: source.id, data: conversion.update }], 'update');
    return { source: updated!, targets };
  });
}

/** The object's conversion, or BAD_USER_INPUT when it has none. */
export function requireConversion(object: ObjectDef): ConversionDef {
  if (!object.conversion) throw badInput({ path: 'object', message: `${object.name} has no conversion` });
  return object.conversion;
}

/** Whether the source already has every `update` value (it was converted before). */
export function isConverted(conversion: ConversionDef, source: RecordData): boolean {
  return Object.entries(conversion.update).every(([field, value]) => sameValue(source[field], value));
}

/**
 * The values a target is created with before any edits: each mapped source field's value (nulls left out,
 * so the target's defaults apply). References are not included: their ids exist only during the conversion.
 */
export function mappedValues(target: ConversionTargetDef, source: RecordData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, from] of Object.entries(target.fields)) {
    if (from.startsWith('$')) continue;
    const value = source[from];
    if (value !== null && value !== undefined) values[field] = value;
  }
  return values;
}

/** Choices by key, each checked against the conversion: known target, once, skip only where optional. */
function checkChoices(conversion: ConversionDef, choices: readonly ConversionChoice[]): Map<string, ConversionChoice> {
  const problems: Problem[] = [];
  const byKey = new Map<string, ConversionChoice>();
  choices.forEach((choice, i) => {
    const target = conversion.targets.find((t) => t.key === choice.key);
    const at = `targets.${choice.key}`;
    if (!target) {
      const known = conversion.targets.map((t) => t.key).join(', ');
      problems.push({ path: `targets[${i}].key`, message: `"${choice.key}" is not a target (targets: ${known})` });
    } else if (byKey.has(choice.key)) {
      problems.push({ path: `targets[${i}].key`, message: `"${choice.key}" is chosen twice` });
    } else if (choice.action === 'skip' && !target.optional) {
      problems.push({ path: `${at}.action`, message: `"${choice.key}" is not optional and cannot be skipped` });
    } else if (choice.action === 'use' && typeof choice.id !== 'string') {
      problems.push({ path: `${at}.id`, message: 'is required to use an existing record' });
    } else if (choice.action === 'create' && choice.data != null && !isPlainObject(choice.data)) {
      problems.push({ path: `${at}.data`, message: 'must be an object of field values' });
    }
    byKey.set(choice.key, choice);
  });
  if (problems.length) throw badInput(problems);
  return byKey;
}

/** Locks the source row (two people converting at once: the second waits, then sees it converted) and reads it. */
async function lockSource(ctx: RecordContext, object: ObjectDef, id: string): Promise<RecordData> {
  const missing = () => notFound(`No ${object.name} with id ${id}`, { id });
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw missing();
  await run(ctx.db, sql`SELECT 1 FROM ${ident(ctx.model.schema, object.table)} WHERE id = ${id}::uuid FOR UPDATE`);
  const source = await findOne(ctx, object.name, id);
  if (!source) throw missing();
  return source;
}

async function convertTarget(
  ctx: RecordContext,
  target: ConversionTargetDef,
  choice: ConversionChoice,
  source: RecordData,
  ids: ReadonlyMap<string, string | null>,
): Promise<ConvertedTarget> {
  const at = `targets.${target.key}`;
  switch (choice.action) {
    case 'skip':
      return { key: target.key, object: target.object, id: null, created: false };
    case 'use': {
      // Read through the record service: a record the actor may not read cannot be linked either.
      const existing = await findOne(ctx, target.object, choice.id);
      if (!existing) throw badInput({ path: `${at}.id`, message: `no ${target.object} with this id` });
      return { key: target.key, object: target.object, id: existing.id, created: false };
    }
    case 'create': {
      const data = {
        ...mappedValues(target, source),
        ...(choice.data ?? {}),
        ...references(target, choice, source, ids),
      };
      const [created] = await createMany(ctx, target.object, [data], `${at}.data`);
      return { key: target.key, object: target.object, id: created!.id, created: true };
    }
  }
}

/** The reference fields of a target filled in: `$source` and the ids of earlier targets (null when skipped). */
function references(
  target: ConversionTargetDef,
  choice: ConversionChoice & { action: 'create' },
  source: RecordData,
  ids: ReadonlyMap<string, string | null>,
): Record<string, string | null> {
  const filled: Record<string, string | null> = {};
  for (const [field, from] of Object.entries(target.fields)) {
    if (!from.startsWith('$')) continue;
    if (choice.data && field in choice.data)
      throw badInput({ path: `targets.${target.key}.data.${field}`, message: `is set by the conversion (${from})` });
    filled[field] = from === SOURCE_REFERENCE ? source.id : (ids.get(from.slice(1)) ?? null);
  }
  return filled;
}

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Values compared as the API returns them (text, numbers, `{ amount, currency }`…). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
