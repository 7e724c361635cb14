import { useMemo } from 'react';
import { useQuery } from 'urql';
import { isToMany, recordTitle, relationTarget, type WorkspaceField, type WorkspaceObject } from '../record-api';

const MAX_IDS = 100;

/**
 * The titles of the records that to-one relation values name by id (the timeline's "from … to …" of a
 * changed relation): one query, one list per target object filtered by those ids. Ids the user may not read
 * (or of deleted records) get no title.
 */
export function useRelatedTitles(
  fields: readonly WorkspaceField[],
  values: readonly { field: string; value: unknown }[],
  objects: readonly WorkspaceObject[],
): ReadonlyMap<string, string> {
  const wanted = useMemo(() => {
    const byTarget = new Map<WorkspaceObject, Set<string>>();
    for (const { field: name, value } of values) {
      const field = fields.find((f) => f.name === name);
      if (!field || field.type !== 'relation' || isToMany(field) || typeof value !== 'string') continue;
      const target = objects.find((o) => o.name === relationTarget(field));
      if (!target) continue;
      if (!byTarget.has(target)) byTarget.set(target, new Set());
      byTarget.get(target)!.add(value);
    }
    return [...byTarget].map(([target, ids]) => ({ target, ids: [...ids].slice(0, MAX_IDS) }));
  }, [fields, values, objects]);
  const query = useMemo(() => {
    if (wanted.length === 0) return 'query NoRelatedTitles { __typename }';
    const variables = wanted.map((_, i) => `$ids${i}: [ID!]`).join(', ');
    const lists = wanted.map(
      ({ target }, i) =>
        `t${i}: ${target.api.many}(first: ${MAX_IDS}, filter: { id: { in: $ids${i} } }) { edges { node { id ${target.titleField ?? ''} } } }`,
    );
    return `query RelatedTitles(${variables}) { ${lists.join(' ')} }`;
  }, [wanted]);
  const variables = useMemo(() => Object.fromEntries(wanted.map((w, i) => [`ids${i}`, w.ids])), [wanted]);
  const [{ data }] = useQuery<Record<string, { edges: { node: Record<string, unknown> & { id: string } }[] }>>({
    query,
    variables,
    pause: wanted.length === 0,
  });
  return useMemo(() => {
    const titles = new Map<string, string>();
    wanted.forEach(({ target }, i) => {
      for (const { node } of data?.[`t${i}`]?.edges ?? []) titles.set(node.id, recordTitle(target, node));
    });
    return titles;
  }, [data, wanted]);
}
