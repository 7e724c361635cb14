/**
 * The designer's working copy of a form layout and every edit it allows, as a pure reducer (TanStack-style:
 * state changes only through `Action`s), plus the checks the studio makes before saving. The server checks
 * again (runtime/src/manifest/check-layout.ts); its problems come back at `input.layout.sections[i]…` paths.
 *
 * Terminology: the *pool* holds the fields no section places (left out of the form). A draft section has a
 * `key` of its own, because its `name` is being edited.
 */
// `.js`: these modules also type-check under Node's resolution, for test/studio.
import type { FormLayout, LayoutSection } from './layout-form';

export interface DraftSection {
  readonly key: string;
  readonly name: string;
  /** As stored (text or text per locale) until edited, then the text typed. */
  readonly label: unknown;
  readonly columns: 1 | 2 | 3;
  readonly fields: readonly string[];
  readonly visibleWhen?: Readonly<Record<string, unknown>> | undefined;
}

export interface Draft {
  readonly sections: readonly DraftSection[];
  /** The object's fields in field order: the pool lists the unplaced ones in this order. */
  readonly fieldNames: readonly string[];
}

/** Where a field can go: a section (by key) or the pool. */
export const POOL = 'pool';

export type Action =
  | { readonly type: 'addSection'; readonly label: string }
  | { readonly type: 'removeSection'; readonly key: string }
  | {
      readonly type: 'editSection';
      readonly key: string;
      readonly patch: Partial<Pick<DraftSection, 'name' | 'label' | 'columns' | 'visibleWhen'>>;
    }
  /** Puts `field` into `to` (a section key or POOL) before position `index` (the end when absent). */
  | { readonly type: 'moveField'; readonly field: string; readonly to: string; readonly index?: number | undefined }
  | { readonly type: 'load'; readonly draft: Draft };

let counter = 0;
const newKey = () => `s${++counter}`;

/** A draft of the stored layout; no layout: one section with every field, labelled `defaultLabel`. */
export function draftOf(
  layout: FormLayout | null | undefined,
  fieldNames: readonly string[],
  defaultLabel: string,
): Draft {
  const known = new Set(fieldNames);
  const sections = layout?.sections ?? [{ name: 'main', label: defaultLabel, columns: 1 as const, fields: fieldNames }];
  return {
    fieldNames,
    sections: sections.map((s) => ({
      key: newKey(),
      name: s.name,
      label: s.label,
      columns: s.columns,
      fields: s.fields.filter((f) => known.has(f)),
      ...(s.visibleWhen !== undefined ? { visibleWhen: s.visibleWhen } : {}),
    })),
  };
}

/** The layout to save: labels left out when empty. */
export function layoutOf(draft: Draft): FormLayout {
  return {
    sections: draft.sections.map((s): LayoutSection => {
      const label = typeof s.label === 'string' ? s.label.trim() : s.label;
      return {
        name: s.name,
        ...(label !== undefined && label !== null && label !== '' ? { label } : {}),
        columns: s.columns,
        fields: s.fields,
        ...(s.visibleWhen !== undefined ? { visibleWhen: s.visibleWhen } : {}),
      };
    }),
  };
}

/** The fields no section places, in field order. */
export function poolOf(draft: Draft): string[] {
  const placed = new Set(draft.sections.flatMap((s) => s.fields));
  return draft.fieldNames.filter((f) => !placed.has(f));
}

/** The section (key) or POOL holding `field`. */
export function containerOf(draft: Draft, field: string): string {
  return draft.sections.find((s) => s.fields.includes(field))?.key ?? POOL;
}

/** A section name not taken yet: section2, section3… */
function freeName(draft: Draft): string {
  const taken = new Set(draft.sections.map((s) => s.name));
  let n = draft.sections.length + 1;
  while (taken.has(`section${n}`)) n++;
  return `section${n}`;
}

export function reduce(draft: Draft, action: Action): Draft {
  switch (action.type) {
    case 'addSection':
      return {
        ...draft,
        sections: [
          ...draft.sections,
          { key: newKey(), name: freeName(draft), label: action.label, columns: 1, fields: [] },
        ],
      };
    case 'removeSection':
      // Its fields go back to the pool.
      return { ...draft, sections: draft.sections.filter((s) => s.key !== action.key) };
    case 'editSection':
      return {
        ...draft,
        sections: draft.sections.map((s) => {
          if (s.key !== action.key) return s;
          const next = { ...s, ...action.patch };
          if ('visibleWhen' in action.patch && action.patch.visibleWhen === undefined) delete next.visibleWhen;
          return next;
        }),
      };
    case 'moveField': {
      const sections = draft.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== action.field) }));
      if (action.to === POOL) return { ...draft, sections };
      return {
        ...draft,
        sections: sections.map((s) => {
          if (s.key !== action.to) return s;
          const fields = [...s.fields];
          fields.splice(action.index ?? fields.length, 0, action.field);
          return { ...s, fields };
        }),
      };
    }
    case 'load':
      return action.draft;
  }
}

const NAME = /^[a-z][a-zA-Z0-9]{0,62}$/;

/** What is wrong with a section before saving, as text keys of `layouts.section.*`, by section key. */
export function draftProblems(draft: Draft): ReadonlyMap<string, { readonly name: string }> {
  const problems = new Map<string, { name: string }>();
  const seen = new Set<string>();
  for (const s of draft.sections) {
    if (s.name === '') problems.set(s.key, { name: 'nameRequired' });
    else if (!NAME.test(s.name)) problems.set(s.key, { name: 'nameInvalid' });
    else if (seen.has(s.name)) problems.set(s.key, { name: 'nameTaken' });
    seen.add(s.name);
  }
  return problems;
}
