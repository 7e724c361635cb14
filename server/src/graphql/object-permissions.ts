import { GraphQLBoolean, GraphQLNonNull, GraphQLObjectType } from 'graphql';
import type { ObjectDef } from '@stratum/runtime';
import type { GraphQLContext } from './context';

interface ObjectOfCaller {
  readonly object: ObjectDef;
  readonly ctx: GraphQLContext;
}

/** What the caller may do with an object's records at all (row conditions may still refuse a given record). */
const ObjectPermissions = new GraphQLObjectType<ObjectOfCaller>({
  name: 'ObjectPermissions',
  fields: Object.fromEntries(
    (['create', 'read', 'update', 'delete'] as const).map((action) => [
      action,
      {
        type: new GraphQLNonNull(GraphQLBoolean),
        resolve: ({ object, ctx }: ObjectOfCaller) => ctx.records.access?.can(action, object.name) ?? true,
      },
    ]),
  ),
});

/** `ObjectMeta.permissions`. */
export const objectPermissionsField = {
  type: new GraphQLNonNull(ObjectPermissions),
  description:
    'Whether the caller may create, read, update and delete records of this object at all (a studio hides what they may not do; row conditions may still refuse a given record)',
  resolve: (object: ObjectDef, _a: unknown, ctx: GraphQLContext): ObjectOfCaller => ({ object, ctx }),
};
