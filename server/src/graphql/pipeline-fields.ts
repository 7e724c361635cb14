import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { badInput, deletePipeline, labelText, savePipeline, type PipelineDef, type StageDef } from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { changed, ManifestPlan, opts, requireAdmin } from './metadata-fields';
import { JSONScalar } from './scalars';

/** Pipelines (sales funnels) as the API reads and edits them: one per select field, its options being the stages. */
type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;
const list = <T extends GraphQLObjectType>(t: T) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(t)));
const localeArg = { locale: { type: GraphQLString } };
const labelsField = {
  type: JSONScalar,
  description: 'The label as written: text or a map from locale to text (null when there is none)',
  resolve: (s: { label?: unknown }) => s.label ?? null,
};

const Stage = new GraphQLObjectType<StageDef>({
  name: 'Stage',
  fields: {
    name: { type: new GraphQLNonNull(GraphQLString) },
    label: {
      type: new GraphQLNonNull(GraphQLString),
      args: localeArg,
      resolve: (s, a: { locale?: string }) => (s.label ? labelText(s.label, a.locale ?? 'en') : s.name),
    },
    labels: labelsField,
    probability: { type: new GraphQLNonNull(GraphQLFloat) },
    won: { type: new GraphQLNonNull(GraphQLBoolean), resolve: (s) => s.won === true },
    lost: { type: new GraphQLNonNull(GraphQLBoolean), resolve: (s) => s.lost === true },
    color: { type: GraphQLString, description: 'A colour like #3b82f6' },
  },
});

const Pipeline = new GraphQLObjectType<PipelineDef>({
  name: 'Pipeline',
  fields: {
    object: { type: new GraphQLNonNull(GraphQLString) },
    field: { type: new GraphQLNonNull(GraphQLString), description: 'The select field whose options are the stages' },
    label: {
      type: GraphQLString,
      args: localeArg,
      resolve: (p, a: { locale?: string }) => (p.label ? labelText(p.label, a.locale ?? 'en') : null),
    },
    labels: labelsField,
    stages: { type: list(Stage) },
  },
});

export const pipelineQueries: Fields = {
  pipelines: { type: list(Pipeline), resolve: (_r, _a, ctx) => ctx.model.pipelines },
};

export const pipelineMutations: Fields = {
  savePipeline: {
    type: new GraphQLNonNull(ManifestPlan),
    description:
      'Adds a pipeline or replaces the one on the same field: { object, field, label, stages: [{ name, label, probability, won, lost, color }] }. ' +
      "The field's options become the stages in stage order; a field that does not exist is created as a select field. " +
      'Removing a stage removes its option, which is destructive: plan with dryRun, then confirm with allowDestructive',
    args: {
      input: { type: new GraphQLNonNull(JSONScalar) },
      dryRun: { type: GraphQLBoolean, description: 'Only plan the change' },
      allowDestructive: { type: GraphQLBoolean, description: 'Confirm a plan that removes options' },
    },
    resolve: async (_r, a: { input: unknown; dryRun?: boolean | null; allowDestructive?: boolean | null }, ctx) => {
      requireAdmin(ctx);
      if (typeof a.input !== 'object' || a.input === null || Array.isArray(a.input))
        throw badInput({ path: 'input', message: 'must be a pipeline object' });
      return changed(
        ctx,
        await savePipeline(ctx.db, a.input as Record<string, unknown>, {
          ...opts(ctx),
          dryRun: a.dryRun === true,
          allowDestructive: a.allowDestructive === true,
        }),
      );
    },
  },
  deletePipeline: {
    type: new GraphQLNonNull(ManifestPlan),
    description: 'Removes the pipeline on object.field; the select field and its values stay',
    args: {
      object: { type: new GraphQLNonNull(GraphQLString) },
      field: { type: new GraphQLNonNull(GraphQLString) },
      dryRun: { type: GraphQLBoolean, description: 'Only plan the change' },
    },
    resolve: async (_r, a: { object: string; field: string; dryRun?: boolean | null }, ctx) => {
      requireAdmin(ctx);
      return changed(ctx, await deletePipeline(ctx.db, a.object, a.field, { ...opts(ctx), dryRun: a.dryRun === true }));
    },
  },
};
