import {
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLID,
  GraphQLList,
  type GraphQLFieldConfigMap,
} from 'graphql';
import type { FieldTypeRegistry, Model } from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { fieldTypeQueries } from './field-type-fields';
import { historyQueries } from './history-fields';
import { stageDurationQueries } from './stage-duration-fields';
import { identityMutations, identityQueries } from './identity-fields';
import { sharingMutations, sharingQueries } from './sharing-fields';
import { viewMutations, viewQueries } from './view-fields';
import { metadataMutations, metadataQueries } from './metadata-fields';
import { pipelineMutations, pipelineQueries } from './pipeline-fields';
import { buildObjectTypes } from './object-types';
import { conversionMutations, conversionQueries } from './conversion-fields';
import { recordMutations, recordQueries } from './record-fields';
import { workflowMutations, workflowQueries } from './workflow-fields';
import { notificationMutations, notificationQueries } from './notification-fields';
import { approvalQueries } from './approval-fields';
import { EVERYTHING, type Visibility } from './visibility';

const Me = new GraphQLObjectType({
  name: 'Me',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    email: { type: new GraphQLNonNull(GraphQLString) },
    name: { type: GraphQLString },
    roles: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) },
    workspace: { type: new GraphQLNonNull(GraphQLString) },
  },
});

/**
 * The GraphQL schema of a model: a pure function of (metadata revision, field types), built once per
 * revision and cached by the schema registry (DESIGN.md decision 5).
 */
export function buildSchema(
  model: Model,
  types: FieldTypeRegistry,
  visibility: Visibility = EVERYTHING,
): GraphQLSchema {
  const objects = buildObjectTypes(model, types, visibility);
  const query: GraphQLFieldConfigMap<unknown, GraphQLContext> = {
    me: {
      type: new GraphQLNonNull(Me),
      resolve: (_r, _a, ctx) => ({
        id: ctx.caller.userId,
        email: ctx.caller.email,
        name: ctx.caller.name,
        roles: ctx.caller.roles,
        workspace: ctx.workspace,
      }),
    },
    ...metadataQueries,
    ...fieldTypeQueries,
    ...pipelineQueries,
    ...identityQueries,
    ...sharingQueries,
    ...viewQueries,
    ...workflowQueries,
    ...notificationQueries,
    ...approvalQueries,
    ...historyQueries,
    ...stageDurationQueries,
    ...conversionQueries,
  };
  const mutation: GraphQLFieldConfigMap<unknown, GraphQLContext> = {
    ...metadataMutations,
    ...pipelineMutations,
    ...identityMutations,
    ...sharingMutations,
    ...viewMutations,
    ...workflowMutations,
    ...notificationMutations,
    ...conversionMutations,
  };
  for (const types of objects.values()) {
    Object.assign(query, recordQueries(types));
    Object.assign(mutation, recordMutations(types, visibility));
  }
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: query }),
    mutation: new GraphQLObjectType({ name: 'Mutation', fields: mutation }),
  });
}
