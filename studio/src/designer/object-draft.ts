import { labelDraft, labelValue, type LabelDraft } from './label-draft';

/** An object as the server describes it (ObjectMeta), as far as its edit form reads it. */
export interface ObjectShape {
  readonly name: string;
  readonly pluralName: string;
  readonly labels?: unknown;
  readonly description?: string | null | undefined;
  readonly titleField?: string | null | undefined;
}

export interface ObjectDraft {
  readonly name: string;
  readonly pluralName: string;
  readonly label: LabelDraft;
  readonly labelPlural: LabelDraft;
  readonly description: string;
  readonly titleField: string | null;
}

export function objectDraft(object: ObjectShape): ObjectDraft {
  const labels = (object.labels ?? {}) as { label?: unknown; labelPlural?: unknown };
  return {
    name: object.name,
    pluralName: object.pluralName,
    label: labelDraft(labels.label),
    labelPlural: labelDraft(labels.labelPlural),
    description: object.description ?? '',
    titleField: object.titleField ?? null,
  };
}

function objectInput(draft: ObjectDraft): Record<string, unknown> {
  return {
    name: draft.name.trim(),
    pluralName: draft.pluralName.trim(),
    label: labelValue(draft.label),
    labelPlural: labelValue(draft.labelPlural),
    description: draft.description.trim() || undefined,
    titleField: draft.titleField ?? undefined,
  };
}

/** What `updateObject` needs: the keys that differ, `null` for the ones removed. */
export function objectChanges(before: ObjectDraft, after: ObjectDraft): Record<string, unknown> {
  const from = objectInput(before);
  const to = objectInput(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(to)) {
    if (JSON.stringify(from[key]) !== JSON.stringify(to[key])) changes[key] = to[key] ?? null;
  }
  return changes;
}

/** Whether the change renames the object (its API names change: clients must follow). */
export const renames = (changes: Record<string, unknown>) => 'name' in changes || 'pluralName' in changes;
