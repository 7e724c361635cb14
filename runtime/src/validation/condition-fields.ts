/** A field a condition object names at its top level (through `$and`, `$or` and `$not`, not into relations). */
export interface ConditionField {
  readonly name: string;
  /** Where it is named, relative to the condition: `.$or[1].lostReason`. */
  readonly path: string;
  /** Whether its value holds field names of the related record (`{ company: { name: 'Acme' } }`). */
  readonly nested: boolean;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields a condition (mongo spelling) reads, in the order it names them. A validation rule without
 * `fields` reports its failure on these.
 *
 * @example
 *   conditionFields({ $or: [{ stage: { $neq: 'lost' } }, { lostReason: { $isNull: false } }] })
 *   // [{ name: 'stage', path: '.$or[0].stage', nested: false }, { name: 'lostReason', … }]
 */
export function conditionFields(condition: unknown, path = ''): ConditionField[] {
  if (!isPlainObject(condition)) return [];
  return Object.entries(condition).flatMap(([key, value]): ConditionField[] => {
    const at = `${path}.${key}`;
    if (key === '$and' || key === '$or')
      return Array.isArray(value) ? value.flatMap((item, i) => conditionFields(item, `${at}[${i}]`)) : [];
    if (key === '$not') return conditionFields(value, at);
    if (key.startsWith('$')) return [];
    const nested =
      isPlainObject(value) &&
      Object.keys(value).some((k) => !k.startsWith('$') || k === '$and' || k === '$or' || k === '$not');
    return [{ name: key, path: at, nested }];
  });
}

/** The distinct names of `conditionFields`, in order. */
export function conditionFieldNames(condition: unknown): string[] {
  return [...new Set(conditionFields(condition).map((f) => f.name))];
}
