import { useQuery } from 'urql';
import { graphql } from '../gql';

const FieldTypesDocument = graphql(`
  query FieldTypes {
    fieldTypes {
      name
      computed
      settings
      operators
    }
  }
`);

export interface FieldTypeInfo {
  readonly name: string;
  readonly computed: boolean;
  /** JSON Schema of the type's settings. */
  readonly settings: { readonly properties?: Readonly<Record<string, unknown>> };
  /** The condition operators a field of the type takes, as the server parses conditions. */
  readonly operators: readonly string[];
}

/** The field types of the server's registry (core and plugins), in its order; empty while loading. */
export function useFieldTypes(): readonly FieldTypeInfo[] {
  const [{ data }] = useQuery({ query: FieldTypesDocument });
  return (data?.fieldTypes ?? []) as readonly FieldTypeInfo[];
}
