import type { WorkspacePipeline, WorkspaceStage } from '../use-workspace-model';

/**
 * Funnel conversion by stage, from how many records are at each stage now.
 *
 * A record has *reached* an open stage when it is at that stage or at a later open stage (stages are passed in
 * pipeline order), or won: a won record has passed every open stage. Lost records are left out: the record does not
 * keep the stage it was lost at, so how far it got is not known. The last step is the won stages together.
 * `ofPrevious` is the share of the previous step's records that reached this one (null for the first step, or when
 * the previous step has none).
 */
export interface FunnelStep {
  readonly stage: WorkspaceStage;
  /** Records at this very stage now (for the won step: at any won stage). */
  readonly current: number;
  readonly reached: number;
  readonly ofPrevious: number | null;
}

/** The funnel of a pipeline from the record count per stage name. */
export function funnelSteps(pipeline: WorkspacePipeline, counts: ReadonlyMap<string, number>): FunnelStep[] {
  const open = pipeline.stages.filter((s) => !s.won && !s.lost);
  const won = pipeline.stages.filter((s) => s.won);
  const count = (s: WorkspaceStage) => counts.get(s.name) ?? 0;
  const wonCount = won.reduce((n, s) => n + count(s), 0);
  const steps: { stage: WorkspaceStage; current: number }[] = [
    ...open.map((stage) => ({ stage, current: count(stage) })),
    ...(won[0] ? [{ stage: won[0], current: wonCount }] : []),
  ];
  // Reached = this step's records and every later step's: sums from the end.
  let later = 0;
  const reached = steps
    .map((s) => s.current)
    .reverse()
    .map((n) => (later += n))
    .reverse();
  return steps.map((step, i) => {
    const previous = i > 0 ? reached[i - 1]! : 0;
    return { ...step, reached: reached[i]!, ofPrevious: i > 0 && previous > 0 ? reached[i]! / previous : null };
  });
}

/** The count per stage of aggregate groups keyed by the stage field (other keys, e.g. currency, add up). */
export function countsByStage(
  groups: readonly { readonly key: Readonly<Record<string, unknown>>; readonly count: number }[],
  field: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const group of groups) {
    const stage = group.key[field];
    if (typeof stage === 'string') counts.set(stage, (counts.get(stage) ?? 0) + group.count);
  }
  return counts;
}
