import type { Problem } from '../graphql/problems';
import { problemTarget, type RuleOrigin, type RulePart } from './rules-matrix';

/** The server's problems with one cell: all of them (for its row), and by side and part (for its editor). */
export interface CellProblems {
  readonly all: string;
  readonly allow: Readonly<Partial<Record<RulePart, string>>>;
  readonly deny: Readonly<Partial<Record<RulePart, string>>>;
}

const join = (a: string | undefined, b: string) => (a ? `${a}; ${b}` : b);

/**
 * Server problems at `input.rules[i]…`, put on the matrix cells and kept rules they came from (`origins`
 * says where each sent rule came from).
 */
export function placeRuleProblems(
  problems: readonly Problem[],
  origins: readonly RuleOrigin[],
): { cells: ReadonlyMap<string, CellProblems>; kept: ReadonlyMap<number, string> } {
  const cells = new Map<string, CellProblems>();
  const kept = new Map<number, string>();
  for (const problem of problems) {
    const target = problemTarget(problem.path, origins);
    for (const cell of target.cells) {
      const before = cells.get(cell) ?? { all: '', allow: {}, deny: {} };
      const side = before[target.side];
      cells.set(cell, {
        ...before,
        all: join(before.all, problem.message),
        [target.side]: { ...side, [target.part]: join(side[target.part], problem.message) },
      });
    }
    for (const index of target.kept) kept.set(index, join(kept.get(index), problem.message));
  }
  return { cells, kept };
}
