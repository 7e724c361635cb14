/**
 * Metadata mutations answer a `ManifestPlan`, which urql's document cache cannot relate to the queries it
 * changes; naming these types makes every cached query of objects, fields and revisions refetch.
 */
export const METADATA_TYPENAMES = ['ObjectMeta', 'FieldMeta', 'Revision', 'Pipeline'];
