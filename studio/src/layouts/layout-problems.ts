import type { Problem } from '../graphql/problems';
import type { Draft } from './layout-draft';

/** The server's problems with a saved draft, placed where the designer shows them. */
export interface PlacedProblems {
  /** By section key: messages about the section itself, its name, columns or condition. */
  readonly sections: ReadonlyMap<string, readonly string[]>;
  /** By field name: messages about a field's place (`input.layout.sections[1].fields[3]`). */
  readonly fields: ReadonlyMap<string, string>;
  /** Whatever names no section (`input.layout`, or another failure): shown above the designer. */
  readonly other: readonly Problem[];
}

const SECTION_PATH = /^input\.layout\.sections\[(\d+)\](?:\.fields\[(\d+)\])?/;

/**
 * Maps `updateObject` problems to the sections and fields of the draft that was sent: the server names
 * positions (`input.layout.sections[1].fields[0]`), the designer shows them on that section or chip.
 */
export function placeProblems(problems: readonly Problem[], sent: Draft): PlacedProblems {
  const sections = new Map<string, string[]>();
  const fields = new Map<string, string>();
  const other: Problem[] = [];
  for (const problem of problems) {
    const match = SECTION_PATH.exec(problem.path);
    const section = match ? sent.sections[Number(match[1])] : undefined;
    if (!section) {
      other.push(problem);
      continue;
    }
    const field = match?.[2] !== undefined ? section.fields[Number(match[2])] : undefined;
    if (field) fields.set(field, problem.message);
    sections.set(section.key, [...(sections.get(section.key) ?? []), problem.message]);
  }
  return { sections, fields, other };
}

export const NO_PROBLEMS: PlacedProblems = { sections: new Map(), fields: new Map(), other: [] };
