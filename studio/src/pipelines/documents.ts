import { graphql } from '../gql';

/** Everything the pipelines page shows: the objects with their fields, and every pipeline with all its settings. */
export const PipelinesPageDocument = graphql(`
  query PipelinesPage($locale: String) {
    metadataRevision
    objects {
      name
      pluralName
      label(locale: $locale)
      fields {
        name
        type
        settings
      }
    }
    pipelines {
      object
      field
      label(locale: $locale)
      labels
      stages {
        name
        labels
        probability
        won
        lost
        color
      }
    }
  }
`);

export const SavePipelineDocument = graphql(`
  mutation SavePipeline($input: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {
    savePipeline(input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) {
      applied
      revision
      changes
      destructive
    }
  }
`);

export const DeletePipelineDocument = graphql(`
  mutation DeletePipeline($object: String!, $field: String!) {
    deletePipeline(object: $object, field: $field) {
      applied
      revision
    }
  }
`);
