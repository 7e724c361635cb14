import { useMemo } from 'react';
import { useClient } from 'urql';
import type { WorkspaceObject } from '../record-api';
import { activitiesOf, type Activity } from './timeline-query';
import { timelineSources } from './timeline-sources';
import { useTimelinePages, type TimelinePages } from './use-timeline-pages';

export interface RecordTimeline {
  /** The notes and tasks the timeline lists besides the history and the runs (timeline-query.ts). */
  readonly activities: readonly Activity[];
  readonly pages: TimelinePages;
}

/**
 * The reads of a record's timeline (Timeline shows them). The record page calls it when it is entered, with the
 * promise of the record's answer (`start`): the timeline's first pages are asked for the moment the record has
 * arrived, and read while its form renders, rather than after. `version` changes when the record changed on the
 * page: the newest entries are read again.
 */
export function useTimeline(
  object: WorkspaceObject,
  objects: readonly WorkspaceObject[],
  recordId: string,
  version: number,
  start: Promise<void>,
): RecordTimeline {
  const client = useClient();
  const activities = useMemo(() => activitiesOf(object, objects), [object, objects]);
  // The model is read again when the language changes (its labels are localised): the sources, and so the pages
  // read, are kept as long as what they ask the API is the same (`asked`).
  const asked = JSON.stringify([object.name, recordId, activities.map((a) => [a.target.name, a.field.name, a.shown])]);
  const sources = useMemo(() => timelineSources(client, object, recordId, activities), [client, asked]);
  const pages = useTimelinePages(sources, version, start);
  return { activities, pages };
}
