/**
 * A revision's diff (the plan it applied, `Revision.diff`: runtime/src/migrator/plan.ts `Change`s) as what a
 * person reads: what was added, changed, removed or renamed, and for a change each key before → after.
 */
export interface DiffDetail {
  readonly key: string;
  /** Undefined: the key was not set. */
  readonly before: unknown;
  readonly after: unknown;
}

export type DiffAction = 'added' | 'removed' | 'changed' | 'renamed' | 'restored';

export interface DiffItem {
  readonly action: DiffAction;
  /** What it is about: `object`, `field`, `pipeline`, `workflows`, `roles`. */
  readonly subject: 'object' | 'field' | 'pipeline' | 'workflows' | 'roles';
  /** `deal`, `deal.amount`, `deal.stage`, or `a → b` for a rename. */
  readonly name: string;
  readonly destructive?: string | undefined;
  readonly details: readonly DiffDetail[];
}

type Json = Record<string, unknown>;

// Physical identity and structure: not what a person changed.
const HIDDEN = new Set(['key', 'table', 'columns', 'junctionTable', 'system', 'fields', 'renamedFrom']);

/** The keys of a definition, with `settings` spread out (`options`, `target`…), without physical ones. */
function keysOf(definition: Json | undefined): Json {
  if (!definition) return {};
  const { settings, ...rest } = definition;
  const out: Json = {};
  for (const [key, value] of Object.entries({ ...rest, ...((settings as Json | undefined) ?? {}) }))
    if (!HIDDEN.has(key) && value !== undefined) out[key] = value;
  return out;
}

/** Every key that differs between two definitions; `name` too unless it is a rename shown elsewhere. */
export function detailsOf(before: Json | undefined, after: Json | undefined): DiffDetail[] {
  const from = keysOf(before);
  const to = keysOf(after);
  const details: DiffDetail[] = [];
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (JSON.stringify(from[key]) !== JSON.stringify(to[key])) details.push({ key, before: from[key], after: to[key] });
  }
  return details;
}

/** What an added definition sets: its keys without the `false` flags every field has (required, unique…). */
function setKeys(definition: Json | undefined): DiffDetail[] {
  return detailsOf(undefined, definition).filter((d) => d.after !== false);
}

const name = (o: unknown) => String((o as Json | undefined)?.['name'] ?? '?');

/** One change of the plan → what the history shows of it. */
export function diffItem(change: Json): DiffItem {
  const object = change['object'] as Json | undefined;
  switch (change['kind']) {
    case 'createObject':
      return { action: 'added', subject: 'object', name: name(object), details: setKeys(object) };
    case 'restoreObject':
      return { action: 'restored', subject: 'object', name: name(object), details: [] };
    case 'renameObject':
      return {
        action: 'renamed',
        subject: 'object',
        name: `${name(change['from'])} → ${name(change['to'])}`,
        details: detailsOf(change['from'] as Json, change['to'] as Json).filter((d) => d.key !== 'name'),
      };
    case 'updateObject':
      return {
        action: 'changed',
        subject: 'object',
        name: name(change['after']),
        details: detailsOf(change['before'] as Json, change['after'] as Json),
      };
    case 'removeObject':
      return {
        action: 'removed',
        subject: 'object',
        name: name(object),
        destructive: change['destructive'] as string,
        details: [],
      };
    case 'addField':
      return {
        action: 'added',
        subject: 'field',
        name: `${name(object)}.${name(change['field'])}`,
        details: setKeys(change['field'] as Json).filter((d) => d.key !== 'name'),
      };
    case 'restoreField':
      return { action: 'restored', subject: 'field', name: `${name(object)}.${name(change['field'])}`, details: [] };
    case 'renameField':
      return {
        action: 'renamed',
        subject: 'field',
        name: `${name(object)}.${name(change['from'])} → ${name(change['to'])}`,
        details: detailsOf(change['from'] as Json, change['to'] as Json).filter((d) => d.key !== 'name'),
      };
    case 'updateField':
      return {
        action: 'changed',
        subject: 'field',
        name: `${name(object)}.${name(change['after'])}`,
        destructive: change['destructive'] as string | undefined,
        details: detailsOf(change['before'] as Json, change['after'] as Json),
      };
    case 'removeField':
      return {
        action: 'removed',
        subject: 'field',
        name: `${name(object)}.${name(change['field'])}`,
        destructive: change['destructive'] as string | undefined,
        details: [],
      };
    case 'setPipeline': {
      const after = change['after'] as Json;
      const before = change['before'] as Json | undefined;
      const stages = (p: Json | undefined) =>
        p ? ((p['stages'] as Json[] | undefined) ?? []).map((s) => name(s)).join(' → ') : undefined;
      return {
        action: before ? 'changed' : 'added',
        subject: 'pipeline',
        name: `${String(after['object'])}.${String(after['field'])}`,
        details: [{ key: 'stages', before: stages(before), after: stages(after) }],
      };
    }
    case 'removePipeline': {
      const pipeline = change['pipeline'] as Json;
      return {
        action: 'removed',
        subject: 'pipeline',
        name: `${String(pipeline['object'])}.${String(pipeline['field'])}`,
        details: [],
      };
    }
    case 'setWorkflows':
    case 'setRoles': {
      const list = ((change[change['kind'] === 'setRoles' ? 'roles' : 'workflows'] as Json[] | undefined) ?? []).map(
        name,
      );
      return {
        action: 'changed',
        subject: change['kind'] === 'setRoles' ? 'roles' : 'workflows',
        name: list.join(', '),
        details: [],
      };
    }
    default:
      return { action: 'changed', subject: 'object', name: String(change['kind']), details: [] };
  }
}

/** A value as the diff prints it: text as is, anything else as compact JSON. */
export function printed(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** How a list changed: the items removed and added (by value), and whether the rest was only reordered. */
export function listChange(
  before: readonly unknown[],
  after: readonly unknown[],
): { removed: unknown[]; added: unknown[]; reordered: boolean } {
  const key = (v: unknown) => JSON.stringify(v);
  const from = new Set(before.map(key));
  const to = new Set(after.map(key));
  const removed = before.filter((v) => !to.has(key(v)));
  const added = after.filter((v) => !from.has(key(v)));
  const kept = (list: readonly unknown[], other: Set<string>) =>
    list
      .map(key)
      .filter((k) => other.has(k))
      .join();
  return { removed, added, reordered: kept(before, to) !== kept(after, from) };
}
