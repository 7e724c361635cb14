import { notFound } from '../errors';
import { findObject, type ConversionTargetDef, type ObjectDef } from '../model/model';
import { requireObject, type RecordContext, type RecordData } from './context';
import { isConverted, mappedValues, requireConversion } from './convert';
import { findMany, findOne } from './find';

/** At most this many existing records are offered per target. */
export const MAX_MATCHES = 5;

export interface TargetPreview {
  readonly key: string;
  readonly object: string;
  readonly optional: boolean;
  /** The values the target would be created with (mapped from the source; references left out). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Target field → the reference (`$company`, `$source`) the conversion fills it with. */
  readonly references: Readonly<Record<string, string>>;
  /** Existing records whose `match` field has the source's value (none without `match`). */
  readonly matches: readonly RecordData[];
  /** Whether the actor may create records of the target's object at all. */
  readonly canCreate: boolean;
}

export interface ConversionPreview {
  readonly converted: boolean;
  readonly targets: readonly TargetPreview[];
}

/**
 * What converting a record would do, for the form a person fills before converting: each target's mapped
 * values, and the existing records it could use instead (found by the target's `match` field, through the
 * record service: only records the actor may read). Reads only.
 *
 * @example
 *   const { targets } = await conversionPreview(ctx, 'lead', leadId);
 *   // [{ key: 'company', data: { name: 'Acme' }, matches: [{ id, name: 'Acme Ltd' }], … }, …]
 */
export async function conversionPreview(
  ctx: RecordContext,
  objectName: string,
  id: string,
): Promise<ConversionPreview> {
  const object = requireObject(ctx, objectName);
  const conversion = requireConversion(object);
  const source = await findOne(ctx, object.name, id);
  if (!source) throw notFound(`No ${object.name} with id ${id}`, { id });
  const targets = await Promise.all(
    conversion.targets.map(async (target): Promise<TargetPreview> => {
      const data = mappedValues(target, source);
      return {
        key: target.key,
        object: target.object,
        optional: target.optional ?? false,
        data,
        references: Object.fromEntries(Object.entries(target.fields).filter(([, from]) => from.startsWith('$'))),
        matches: await findMatches(ctx, target, data),
        canCreate: !ctx.access || ctx.access.can('create', target.object),
      };
    }),
  );
  return { converted: isConverted(conversion, source), targets };
}

/** Records of the target whose match field holds the value (text: contains it, any case); none when unreadable. */
async function findMatches(
  ctx: RecordContext,
  target: ConversionTargetDef,
  data: Readonly<Record<string, unknown>>,
): Promise<readonly RecordData[]> {
  const value = target.match === undefined ? undefined : data[target.match];
  if (value === undefined || value === null || value === '') return [];
  if (ctx.access && !ctx.access.can('read', target.object)) return [];
  if (ctx.access && !ctx.access.fieldAllowed('read', target.object, target.match!)) return [];
  const object = findObject(ctx.model, target.object) as ObjectDef;
  const textual = typeof value === 'string' && ctx.types.get(fieldType(object, target.match!)).valueKind === 'text';
  const filter = { [target.match!]: textual ? { $contains: value } : value };
  const page = await findMany(ctx, target.object, { filter, first: MAX_MATCHES });
  return page.records;
}

const fieldType = (object: ObjectDef, name: string) => object.fields.find((f) => f.name === name)!.type;
