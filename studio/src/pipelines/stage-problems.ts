import type { Problem } from '../graphql/problems';

/** The settings a stage row shows, each with its own input (and so its own error). */
export const STAGE_KEYS = ['name', 'label', 'probability', 'won', 'lost', 'color'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

/**
 * A problem tied to the stage it is about by the stage's id rather than its position: the server reports
 * `input.stages[2].probability` for the order it was sent, and the user may reorder before fixing it.
 * `key` is null for a problem about the whole stage (`input.stages[1]`: both won and lost).
 */
export interface StageProblem {
  readonly stage: string;
  readonly key: StageKey | null;
  readonly message: string;
}

export interface LocatedProblems {
  readonly stages: readonly StageProblem[];
  /** About the pipeline itself (`input.label`, `input.stages`, `input.field` …), shown above the buttons. */
  readonly rest: readonly Problem[];
}

const STAGE_PATH = /^input\.stages\[(\d+)\](?:\.(\w+))?/;

/** Sorts problems (at the paths of `savePipeline`'s input, sent with stages `ids`) onto their stages. */
export function locateProblems(problems: readonly Problem[], ids: readonly string[]): LocatedProblems {
  const stages: StageProblem[] = [];
  const rest: Problem[] = [];
  for (const problem of problems) {
    const match = STAGE_PATH.exec(problem.path);
    const stage = match ? ids[Number(match[1])] : undefined;
    if (!match || stage === undefined) {
      rest.push(problem);
      continue;
    }
    const key = STAGE_KEYS.find((k) => k === match[2]) ?? null;
    // A key the row has no input for (an unknown key sent by a script) is about the stage as a whole.
    stages.push({ stage, key, message: key || !match[2] ? problem.message : `${match[2]}: ${problem.message}` });
  }
  return { stages, rest };
}

/** The message of one input of one stage (or of the stage as a whole, for `key` null). */
export function stageMessage(
  problems: readonly StageProblem[],
  stage: string,
  key: StageKey | null,
): string | undefined {
  const found = problems.filter((p) => p.stage === stage && p.key === key).map((p) => p.message);
  return found.length ? found.join('; ') : undefined;
}
