import type { OwnerScope, Range } from './period';

/** What every card is filtered by: the period's range (null: all time) and whose records (`me`: the user's id). */
export interface DashboardFilters {
  readonly range: Range | null;
  readonly owner: OwnerScope;
  readonly me: string | undefined;
  /** Whether the user may read every record (an admin): figures of others need no care for the read scope. */
  readonly seesAll: boolean;
}

/** `createdAt`, the system field every object has: cards count the records created in the period by it. */
export const CREATED_AT = { name: 'createdAt', type: 'datetime' } as const;

/** A query for a paused `useQuery` that has nothing to ask (urql parses the text even when paused). */
export const NOTHING = 'query DashboardNothing { __typename }';
