import { graphql } from '../../gql';

/** An object's rules as an admin sees them (conditions and scripts included), with the fields they may name. */
export const ValidationRulesDocument = graphql(`
  query ValidationRules($name: String!, $locale: String) {
    object(name: $name) {
      name
      validationRules
      fields {
        name
        type
        label(locale: $locale)
        settings
        system
      }
    }
  }
`);

/**
 * The whole list of rules, saved (or only checked, with `dryRun`) through `updateObject`: the server checks
 * every rule against the model and answers problems at `input.validationRules[i]…`.
 */
export const SaveValidationRulesDocument = graphql(`
  mutation SaveValidationRules($name: String!, $rules: JSON, $dryRun: Boolean) {
    updateObject(name: $name, input: { validationRules: $rules }, dryRun: $dryRun) {
      applied
      revision
      changes
    }
  }
`);
