import type { Client } from 'urql';

/**
 * How many records of an object hold one of `values` in `field`: what removing those stages leaves behind.
 * The query names the object's own list field, so it is built here; both names are API names the server
 * validated (`^[a-z][a-zA-Z0-9]*$`), nothing else is interpolated. Null when the count cannot be read.
 */
export async function countRecordsAt(
  client: Client,
  pluralName: string,
  field: string,
  values: readonly string[],
): Promise<number | null> {
  if (values.length === 0) return 0;
  const query = `query RecordsAtStages($values: [String!]) { ${pluralName}(filter: { ${field}: { in: $values } }) { totalCount } }`;
  const result = await client.query(query, { values }, { requestPolicy: 'network-only' }).toPromise();
  const count = (result.data as Record<string, { totalCount?: unknown } | undefined> | undefined)?.[pluralName]
    ?.totalCount;
  return typeof count === 'number' ? count : null;
}
