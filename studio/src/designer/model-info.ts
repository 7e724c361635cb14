/** The objects of the workspace as the field editor needs them: relation targets, rollup sources. */
export interface ObjectInfo {
  readonly name: string;
  readonly label: string;
  readonly fields: readonly {
    readonly name: string;
    readonly type: string;
    readonly label: string;
    readonly settings: unknown;
  }[];
}

/** What a relation field's settings say. */
export function relationOf(field: { type: string; settings: unknown }): { target: string; many: boolean } | null {
  if (field.type !== 'relation') return null;
  const s = (field.settings ?? {}) as { target?: unknown; many?: unknown };
  return typeof s.target === 'string' ? { target: s.target, many: s.many === true } : null;
}
