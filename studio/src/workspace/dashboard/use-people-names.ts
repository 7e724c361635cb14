import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { WorkspaceObject } from '../record-api';
import { NOTHING } from './filters';

type Person = { readonly id: string; readonly name?: string | null; readonly email?: string | null };
type Answer = Record<string, { edges: { node: { owner: Person | null } }[] }>;

/**
 * The names of people by id, for the people the dashboard groups by. Only admins may list users, but everyone sees
 * who owns the records they may read (the workspace's directory): ONE query asks, per id not yet `known`, for one
 * record of `object` that person owns (an alias each). Someone who owns nothing the user may read stays unnamed.
 */
export function usePeopleNames(
  object: WorkspaceObject,
  ids: readonly string[],
  known: ReadonlyMap<string, Person>,
): ReadonlyMap<string, string> {
  const missing = useMemo(() => [...new Set(ids)].filter((id) => id && !known.has(id)).sort(), [ids, known]);
  const query = useMemo(() => {
    if (!missing.length) return NOTHING;
    const a = object.api;
    const params = missing.map((_, i) => `$u${i}: ID!`).join(', ');
    const fields = missing
      .map(
        (_, i) =>
          `u${i}: ${a.many}(first: 1, filter: { owner: { id: { eq: $u${i} } } }) { edges { node { id owner { id name email } } } }`,
      )
      .join('\n  ');
    return `query DashboardPeople(${params}) {\n  ${fields}\n}`;
  }, [missing, object]);
  const variables = useMemo(() => Object.fromEntries(missing.map((id, i) => [`u${i}`, id])), [missing]);
  const [{ data }] = useQuery<Answer>({ query, variables, pause: !missing.length });
  return useMemo(() => {
    const names = new Map<string, string>();
    const add = (p: Person | null | undefined) => {
      if (p) names.set(p.id, p.name || p.email || p.id);
    };
    for (const p of known.values()) add(p);
    for (const answer of Object.values(data ?? {})) add(answer.edges[0]?.node.owner);
    return names;
  }, [known, data]);
}
