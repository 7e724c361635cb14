import {
  GraphQLBoolean,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import {
  badInput,
  checkFormula,
  operatorsFor,
  RESULT_TYPES,
  settingsSchema,
  type FieldType,
  type FormulaCheck as FormulaCheckResult,
} from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { requireAdmin } from './metadata-fields';
import { JSONScalar } from './scalars';

/**
 * What the field designer asks besides the model itself: the registered field types (their settings as JSON
 * Schema, their condition operators) and a formula checked as it is typed, changing nothing.
 */
type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;
const list = <T extends GraphQLObjectType>(t: T) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(t)));

const FormulaProblem = new GraphQLObjectType({
  name: 'FormulaProblem',
  fields: {
    path: { type: new GraphQLNonNull(GraphQLString), description: 'The field key: expression, resultType or currency' },
    message: { type: new GraphQLNonNull(GraphQLString) },
    position: { type: GraphQLInt, description: '0-based position in the expression, when the problem has one' },
  },
});

const FormulaCheck = new GraphQLObjectType<FormulaCheckResult>({
  name: 'FormulaCheck',
  description: 'Whether a formula would be accepted, and the type of its values',
  fields: {
    ok: { type: new GraphQLNonNull(GraphQLBoolean) },
    type: { type: GraphQLString, description: `The result type (${RESULT_TYPES.join(', ')}); null with problems` },
    problems: { type: list(FormulaProblem) },
  },
});

const FieldTypeMeta = new GraphQLObjectType<FieldType>({
  name: 'FieldTypeMeta',
  description: 'A field type of the registry (the core’s and the plugins’)',
  fields: {
    name: { type: new GraphQLNonNull(GraphQLString), resolve: (t) => t.type },
    computed: {
      type: new GraphQLNonNull(GraphQLBoolean),
      description: 'Formula-like: no column, no input; the value is computed',
      resolve: (t) => t.computed === true,
    },
    settings: {
      type: new GraphQLNonNull(JSONScalar),
      description: 'JSON Schema of the type-specific manifest keys',
      resolve: (t) => settingsSchema(t),
    },
    operators: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))),
      description:
        'The condition operators a field of this type takes, as conditions are parsed (a to-one relation: on the ' +
        'related id; a formula or rollup field takes those of its result type instead)',
      // What the condition parser allows a field: the operators the type declares that its kind of value supports.
      resolve: (t) => (t.valueKind ? operatorsFor(t.operators, t.valueKind) : t.operators),
    },
  },
});

export const fieldTypeQueries: Fields = {
  fieldTypes: {
    type: list(FieldTypeMeta),
    description: 'The field types a field may have, in the order they are registered',
    resolve: (_r, _a, ctx) => ctx.types.list(),
  },
  checkFormula: {
    type: new GraphQLNonNull(FormulaCheck),
    description: 'Checks a formula of `object` as a field would have it, without changing anything',
    args: {
      object: { type: new GraphQLNonNull(GraphQLString) },
      expression: { type: new GraphQLNonNull(GraphQLString) },
      resultType: { type: GraphQLString },
      currency: { type: GraphQLString },
      field: { type: GraphQLString, description: 'The formula field being edited (it is replaced by the draft)' },
    },
    resolve: (
      _r,
      a: {
        object: string;
        expression: string;
        resultType?: string | null;
        currency?: string | null;
        field?: string | null;
      },
      ctx,
    ) => {
      requireAdmin(ctx);
      const resultType = a.resultType ?? undefined;
      if (resultType !== undefined && !(RESULT_TYPES as readonly string[]).includes(resultType))
        throw badInput({ path: 'resultType', message: `must be one of ${RESULT_TYPES.join(', ')}` });
      return checkFormula(ctx.model, ctx.types, a.object, {
        expression: a.expression,
        resultType: resultType as (typeof RESULT_TYPES)[number] | undefined,
        currency: a.currency ?? undefined,
        field: a.field ?? undefined,
      });
    },
  },
};
