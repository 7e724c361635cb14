import { formatPath, type Problem } from '../errors';
import type { ObjectSpec } from './manifest';

/**
 * Checks an object's form layout against the object: section names are unique, and every field a section
 * lists is a field of the object, placed once across all sections. Reported at `objects[i].layout…` paths.
 * The sections' `visibleWhen` conditions are checked on the model (check-layout-conditions.ts).
 *
 * @example
 *   checkLayout(deal, ['objects', 3, 'layout']);
 *   // [{ path: 'objects[3].layout.sections[1].fields[0]', message: '"amount" is already in section "main"' }]
 */
export function checkLayout(object: ObjectSpec, at: readonly PropertyKey[]): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], message: string) =>
    problems.push({ path: formatPath([...at, ...path]), message });
  const fields = new Set(object.fields.map((f) => f.name));
  const sections = new Set<string>();
  // Where each field was first placed, to name it when it is placed again.
  const placed = new Map<string, string>();
  object.layout?.sections.forEach((section, j) => {
    if (sections.has(section.name))
      report(['sections', j, 'name'], `duplicate section "${section.name}" in the layout of ${object.name}`);
    sections.add(section.name);
    section.fields.forEach((name, k) => {
      const path = ['sections', j, 'fields', k];
      if (!fields.has(name)) return report(path, `"${name}" is not a field of ${object.name}`);
      const first = placed.get(name);
      if (first !== undefined) return report(path, `"${name}" is already in section "${first}"`);
      placed.set(name, section.name);
    });
  });
  return problems;
}
