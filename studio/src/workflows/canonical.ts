/** JSON with keys sorted and undefined left out: equal definitions give equal text, whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A definition as versions compare it: without `active`, which is not part of a version (versions.ts). */
export function definitionText(definition: unknown): string {
  const { active: _active, ...rest } = (definition ?? {}) as Record<string, unknown>;
  return canonicalJson(rest);
}
