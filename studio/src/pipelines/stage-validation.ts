import type { Problem } from '../graphql/problems';
import type { PipelineDraft } from './stage-draft';

/** API names, as the server checks them (CONTRACT.md: Names). */
export const API_NAME = /^[a-z][a-zA-Z0-9]{0,62}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * What the server would refuse in a draft, found as the user types, at the paths the server uses
 * (`input.stages[2].name`), so the editor shows both kinds of problem the same way. `blank` says whether an
 * empty name counts yet: not before the user tried to save, so a freshly added row is not red at once.
 */
export function draftProblems(
  draft: PipelineDraft,
  message: (key: string) => string,
  options: { blank: boolean },
): Problem[] {
  const problems: Problem[] = [];
  const at = (i: number, key: string, text: string) =>
    problems.push({ path: `input.stages[${i}].${key}`, message: text });
  const names = draft.stages.map((s) => s.name.trim());
  draft.stages.forEach((stage, i) => {
    const name = names[i]!;
    if (!name) {
      if (options.blank) at(i, 'name', message('pipelines.invalid.required'));
    } else if (!API_NAME.test(name)) at(i, 'name', message('pipelines.invalid.name'));
    else if (names.indexOf(name) !== i) at(i, 'name', message('pipelines.invalid.duplicate'));
    const p = stage.probability;
    if (p === '' || !Number.isFinite(p) || p < 0 || p > 100)
      at(i, 'probability', message('pipelines.invalid.probability'));
    if (stage.color && !COLOR.test(stage.color)) at(i, 'color', message('pipelines.invalid.color'));
  });
  if (options.blank && draft.stages.length < 2)
    problems.push({ path: 'input.stages', message: message('pipelines.invalid.tooFew') });
  return problems;
}
