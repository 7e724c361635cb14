import { graphql } from '../../../gql';

/** The object's `conversion` as written (null: its records do not convert). */
export const ObjectConversionDocument = graphql(`
  query ObjectConversion($object: String!) {
    object(name: $object) {
      name
      conversion
    }
  }
`);

/** Each target's mapped values and the existing records that could be used instead. */
export const ConversionPreviewDocument = graphql(`
  query ConversionPreview($object: String!, $id: ID!) {
    conversionPreview(object: $object, id: $id) {
      converted
      targets {
        key
        object
        optional
        canCreate
        data
        references
        matches
      }
    }
  }
`);

export const ConvertRecordDocument = graphql(`
  mutation ConvertRecord($object: String!, $id: ID!, $targets: [ConversionChoiceInput!]!) {
    convertRecord(object: $object, id: $id, targets: $targets) {
      id
      targets {
        key
        object
        id
        created
      }
    }
  }
`);
