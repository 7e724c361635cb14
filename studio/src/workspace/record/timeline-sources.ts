import type { Client } from 'urql';
import { graphql } from '../../gql';
import type { WorkspaceObject } from '../record-api';
import type { Person, TimelineEntry } from './timeline-entries';
import type { Page } from './timeline-pages';
import { activityPageQuery, type Activity } from './timeline-query';

/**
 * Where the timeline's entries come from, one keyset page at a time: the record's field history
 * (`recordHistory`, paged by its entries' `cursor`), each activity connection (notes, tasks: `after` its
 * `endCursor`) and the workflow runs on the record (`workflowRuns`, after the last run's id).
 */
export interface TimelineSource {
  readonly key: string;
  /** The page after `cursor` (null: the newest page). Rejects with the API's error. */
  read(cursor: string | null): Promise<Page>;
}

/** How many history entries and runs a page reads (activities: ACTIVITY_PAGE). */
export const HISTORY_PAGE = 50;
export const RUNS_PAGE = 20;

const RecordHistoryDocument = graphql(`
  query RecordTimelineHistory($object: String!, $id: ID!, $first: Int!, $after: String) {
    recordHistory(object: $object, id: $id, first: $first, after: $after) {
      field
      oldValue
      newValue
      at
      cursor
      actor {
        id
        name
        email
      }
    }
  }
`);

const RecordRunsDocument = graphql(`
  query RecordTimelineRuns($id: ID!, $first: Int!, $after: ID) {
    workflowRuns(recordId: $id, first: $first, after: $after) {
      id
      workflow
      workflowLabel
      status
      error
      startedAt
    }
  }
`);

type ActivityNode = Record<string, unknown> & { id: string; createdAt: string; createdBy: Person | null };
type ActivityConnection = {
  edges: { node: ActivityNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const fresh = { requestPolicy: 'network-only' } as const;

/** A page of a list read with one more than `size`: the extra one only says that there is more. */
function pageOf<T>(rows: readonly T[], size: number, entry: (row: T) => TimelineEntry, cursor: (row: T) => string) {
  const kept = rows.slice(0, size);
  return { entries: kept.map(entry), cursor: rows.length > size && kept.length ? cursor(kept.at(-1)!) : null };
}

export function timelineSources(
  client: Client,
  object: WorkspaceObject,
  recordId: string,
  activities: readonly Activity[],
): TimelineSource[] {
  const history: TimelineSource = {
    key: 'history',
    async read(after) {
      const variables = { object: object.name, id: recordId, first: HISTORY_PAGE + 1, after };
      const result = await client.query(RecordHistoryDocument, variables, fresh).toPromise();
      if (result.error) throw result.error;
      const rows = result.data?.recordHistory ?? [];
      return pageOf(
        rows,
        HISTORY_PAGE,
        (h) => ({
          kind: 'history',
          key: `h${h.cursor}`,
          at: h.at,
          who: h.actor ?? null,
          field: h.field,
          oldValue: h.oldValue,
          newValue: h.newValue,
        }),
        (h) => h.cursor,
      );
    },
  };
  const runs: TimelineSource = {
    key: 'runs',
    async read(after) {
      const variables = { id: recordId, first: RUNS_PAGE + 1, after };
      const result = await client.query(RecordRunsDocument, variables, fresh).toPromise();
      if (result.error) throw result.error;
      // Runs on this record: everyone who may read it sees them (their steps only admins).
      return pageOf(
        result.data?.workflowRuns ?? [],
        RUNS_PAGE,
        (r) => ({
          kind: 'run',
          key: `r${r.id}`,
          at: r.startedAt,
          who: null,
          workflow: r.workflow,
          label: r.workflowLabel,
          status: r.status,
          error: r.error,
        }),
        (r) => r.id,
      );
    },
  };
  const related = activities.map((activity): TimelineSource => ({
    key: activity.kind,
    async read(after) {
      const query = activityPageQuery(object, activity);
      const result = await client
        .query<Record<string, Record<string, ActivityConnection> | null>>(query, { id: recordId, after }, fresh)
        .toPromise();
      if (result.error) throw result.error;
      const connection = result.data?.[object.api.one]?.[activity.field.name];
      if (!connection) return { entries: [], cursor: null };
      return {
        entries: connection.edges.map(({ node }) => ({
          kind: activity.kind,
          key: `${activity.kind}${node.id}`,
          at: node.createdAt,
          who: node.createdBy,
          id: node.id,
          values: node,
        })),
        cursor: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
      };
    },
  }));
  return [history, ...related, runs];
}
