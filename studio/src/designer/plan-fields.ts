import { graphql } from '../gql';

/**
 * What the studio reads of a metadata mutation's answer (`ManifestPlan`): whether it was applied, its
 * revision, and the plan PlanView shows (`changes`, the `destructive` ones among them).
 *
 * @example
 *   mutation DeleteField($object: String!, $name: String!, $dryRun: Boolean) {
 *     deleteField(object: $object, name: $name, dryRun: $dryRun) { ...PlanFields }
 *   }
 */
export const PlanFieldsFragment = graphql(`
  fragment PlanFields on ManifestPlan {
    applied
    revision
    changes
    destructive
  }
`);
