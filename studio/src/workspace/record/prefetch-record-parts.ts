import type { Client } from 'urql';
import type { WorkspaceObject } from '../record-api';
import { ObjectConversionDocument } from './convert/conversion-api';
import { relatedListsOf, relatedListsQuery } from './related-query';
import { ManualWorkflowsDocument } from './WorkflowButtons';

/**
 * Sends, as soon as the record's answer has arrived, the queries the record page's parts make when they mount:
 * the related lists, the manual workflows and the object's conversion (the header's buttons). The server reads
 * them while the browser renders the form, not after; each part's `useQuery` (cache-first, with the same query
 * and variables) finds its answer in urql's cache, or joins the request still in flight.
 */
export function prefetchRecordParts(
  client: Client,
  object: WorkspaceObject,
  objects: readonly WorkspaceObject[],
  recordId: string,
): void {
  const lists = relatedListsOf(object, objects);
  if (lists.length > 0) void client.query(relatedListsQuery(object, lists, objects), { id: recordId }).toPromise();
  void client.query(ManualWorkflowsDocument, { object: object.name, recordId }).toPromise();
  void client.query(ObjectConversionDocument, { object: object.name }).toPromise();
}
