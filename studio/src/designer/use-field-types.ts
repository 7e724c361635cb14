import { useQuery } from 'urql';
import { graphql } from '../gql';

const FieldTypesDocument = graphql(`
  query FieldTypes {
    fieldTypes {
      name
      computed
      settings
    }
  }
`);

export interface FieldTypeInfo {
  readonly name: string;
  readonly computed: boolean;
  /** JSON Schema of the type's settings. */
  readonly settings: { readonly properties?: Readonly<Record<string, unknown>> };
}

/** The field types of the server's registry (core and plugins), in its order; empty while loading. */
export function useFieldTypes(): readonly FieldTypeInfo[] {
  const [{ data }] = useQuery({ query: FieldTypesDocument });
  return (data?.fieldTypes ?? []) as readonly FieldTypeInfo[];
}
