import type { ActivityKind } from './timeline-query';

/** Who did something, as the API answers users. */
export interface Person {
  readonly id: string;
  readonly name?: string | null | undefined;
  readonly email: string;
}

/** One line of the timeline, whatever its source. */
export type TimelineEntry =
  | {
      readonly kind: 'history';
      readonly key: string;
      readonly at: string;
      readonly who: Person | null;
      readonly field: string;
      readonly oldValue: unknown;
      readonly newValue: unknown;
    }
  | {
      readonly kind: ActivityKind;
      readonly key: string;
      readonly at: string;
      readonly who: Person | null;
      readonly id: string;
      readonly values: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'run';
      readonly key: string;
      readonly at: string;
      /** Runs name who started them only by id: the line shows the workflow instead. */
      readonly who: null;
      /** The workflow's name; `label` is its label as the API gives it (one per language), shown when set. */
      readonly workflow: string;
      readonly label?: unknown;
      readonly status: string;
      readonly error: string | null | undefined;
    };

/**
 * One update of several fields is one history row per field; they are kept apart (each says what changed)
 * but merged with everything else by time, newest first; equal times keep their sources' order.
 */
export function mergeTimeline(...sources: readonly (readonly TimelineEntry[])[]): TimelineEntry[] {
  return sources
    .flat()
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => b.at - a.at || a.index - b.index)
    .map(({ entry }) => entry);
}
