import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
} from 'graphql';
import {
  applyManifest,
  badInput,
  deleteRole,
  saveRole,
  createField,
  createObject,
  deleteField,
  deleteObject,
  exportManifest,
  fieldLabel,
  isDestructive,
  describeChange,
  labelText,
  listRevisions,
  objectLabel,
  revertRevision,
  StratumError,
  SYSTEM_FIELDS,
  updateField,
  updateObject,
  type ApplyResult,
  type FieldDef,
  type FormLayoutDef,
  type ObjectDef,
  type Revision as RevisionRow,
} from '@stratum/runtime';
import { audit } from '../auth/audit';
import { objectPermissionsField } from './object-permissions';
import { isAdmin, type GraphQLContext } from './context';
import { objectNames, typeName } from './names';
import { JSONScalar, DateTimeScalar } from './scalars';

type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;
const list = <T extends GraphQLObjectType>(t: T) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(t)));
const strings = new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString)));

const FieldMeta = new GraphQLObjectType<FieldDef, GraphQLContext>({
  name: 'FieldMeta',
  fields: {
    name: { type: new GraphQLNonNull(GraphQLString) },
    type: { type: new GraphQLNonNull(GraphQLString) },
    label: {
      type: new GraphQLNonNull(GraphQLString),
      args: { locale: { type: GraphQLString } },
      resolve: (f, a: { locale?: string }) => fieldLabel(f, a.locale ?? 'en'),
    },
    labels: {
      type: JSONScalar,
      description: 'The label as written: text or a map from locale to text',
      resolve: (f) => f.label ?? null,
    },
    description: { type: GraphQLString },
    required: { type: new GraphQLNonNull(GraphQLBoolean) },
    unique: { type: new GraphQLNonNull(GraphQLBoolean) },
    indexed: { type: new GraphQLNonNull(GraphQLBoolean) },
    searchable: { type: new GraphQLNonNull(GraphQLBoolean) },
    system: { type: new GraphQLNonNull(GraphQLBoolean) },
    default: { type: JSONScalar },
    settings: {
      type: new GraphQLNonNull(JSONScalar),
      description: 'Type-specific keys: options, target, currency, min, max…',
    },
    jsonSchema: {
      type: new GraphQLNonNull(JSONScalar),
      description: 'JSON Schema of the value, for generated forms',
      resolve: (f, _a, ctx) => (f.system ? {} : ctx.types.get(f.type).jsonSchema(f)),
    },
    graphqlType: {
      type: GraphQLString,
      description:
        'The type of this field in the generated API as the running schema has it (`Currency`, `String!`, `Company`, `NoteConnection!`), so generic clients build their selections without guessing; null where the caller cannot read it',
      resolve: (f: FieldOfObject, _a, _ctx, info) => {
        const type = f.objectType ? info.schema.getType(f.objectType) : undefined;
        const field = type && 'getFields' in type ? type.getFields()[f.name] : undefined;
        return field ? String(field.type) : null;
      },
    },
  },
});

/** A field as `ObjectMeta.fields` answers it: with the GraphQL type of its object, for `graphqlType`. */
type FieldOfObject = FieldDef & { readonly objectType?: string };

const ObjectMeta = new GraphQLObjectType<ObjectDef, GraphQLContext>({
  name: 'ObjectMeta',
  fields: {
    permissions: objectPermissionsField,
    name: { type: new GraphQLNonNull(GraphQLString) },
    pluralName: { type: new GraphQLNonNull(GraphQLString) },
    label: {
      type: new GraphQLNonNull(GraphQLString),
      args: { locale: { type: GraphQLString } },
      resolve: (o, a: { locale?: string }) => objectLabel(o, a.locale ?? 'en'),
    },
    labelPlural: {
      type: new GraphQLNonNull(GraphQLString),
      args: { locale: { type: GraphQLString } },
      resolve: (o, a: { locale?: string }) =>
        o.labelPlural ? labelText(o.labelPlural, a.locale ?? 'en') : o.pluralName,
    },
    labels: { type: JSONScalar, resolve: (o) => ({ label: o.label ?? null, labelPlural: o.labelPlural ?? null }) },
    description: { type: GraphQLString },
    titleField: { type: GraphQLString },
    fields: {
      type: list(FieldMeta),
      args: { includeSystem: { type: GraphQLBoolean } },
      resolve: (o, a: { includeSystem?: boolean }): FieldOfObject[] =>
        (a.includeSystem ? [...SYSTEM_FIELDS, ...o.fields] : o.fields).map((f) => ({
          ...f,
          objectType: typeName(o.name),
        })),
    },
    api: {
      type: new GraphQLNonNull(JSONScalar),
      description:
        'The names of this object in the generated API: { type, connection, filter, orderBy, createInput, updateInput, groupBy, one, many, aggregate, create, createMany, update, updateMany, delete, deleteMany, restore, … }',
      resolve: (o) => objectNames(o),
    },
    validationRules: {
      type: new GraphQLNonNull(JSONScalar),
      description:
        'Rules every create and update must satisfy, as written (with `active`). Non-admins get the active ones without their condition or script',
      resolve: (o, _a, ctx) => visibleRules(o, ctx),
    },
    layout: {
      type: JSONScalar,
      description:
        'The record form layout as written ({ sections: [{ name, label, columns, fields, visibleWhen }] }), or null: every field in one section. Sections list only the fields the caller may read',
      resolve: (o) => visibleLayout(o),
    },
    conversion: {
      type: JSONScalar,
      description:
        'How a record converts into records of other objects ({ targets: [{ key, object, fields, match, optional }], update }), or null',
      resolve: (o) => o.conversion ?? null,
    },
  },
});

/** The layout with only the fields of `object` as the caller sees it (visibleObjects drops unreadable ones). */
function visibleLayout(object: ObjectDef): FormLayoutDef | null {
  if (!object.layout) return null;
  const readable = new Set(object.fields.map((f) => f.name));
  return {
    sections: object.layout.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => readable.has(f)) })),
  };
}

/** Conditions and scripts may name fields and thresholds a member may not read: only admins see them. */
function visibleRules(object: ObjectDef, ctx: GraphQLContext): readonly unknown[] {
  const rules = object.validationRules ?? [];
  if (isAdmin(ctx.caller)) return rules;
  const readable = new Set(object.fields.map((f) => f.name));
  return rules
    .filter((rule) => rule.active)
    .map((rule) => ({
      name: rule.name,
      ...(rule.label !== undefined ? { label: rule.label } : {}),
      message: rule.message,
      fields: (rule.fields ?? []).filter((f) => readable.has(f)),
    }));
}

const Revision = new GraphQLObjectType<RevisionRow>({
  name: 'Revision',
  fields: {
    number: { type: new GraphQLNonNull(GraphQLInt) },
    actor: { type: GraphQLString },
    createdAt: { type: new GraphQLNonNull(DateTimeScalar) },
    summary: { type: new GraphQLNonNull(GraphQLString) },
    changes: { type: strings, resolve: (r) => r.changes.map(describeChange) },
    diff: { type: new GraphQLNonNull(JSONScalar), description: 'The applied plan as data', resolve: (r) => r.changes },
  },
});

export const ManifestPlan = new GraphQLObjectType<ApplyResult>({
  name: 'ManifestPlan',
  description: 'What a metadata change planned, and whether it was applied (as which revision)',
  fields: {
    applied: { type: new GraphQLNonNull(GraphQLBoolean), resolve: (r) => r.revision !== null },
    revision: { type: GraphQLInt, description: 'The new revision; null when nothing changed or on a dry run' },
    changes: { type: strings, resolve: (r) => r.lines },
    destructive: { type: strings, resolve: (r) => r.plan.changes.filter(isDestructive).map(describeChange) },
  },
});

/** `dryRun` on the one-change mutations: the plan as `applyManifest(…, dryRun: true)` makes it, nothing applied. */
const dryRunArg = { dryRun: { type: GraphQLBoolean, description: 'Only plan the change' } };

const fieldKeys: GraphQLInputFieldConfigMap = {
  label: { type: JSONScalar },
  description: { type: GraphQLString },
  required: { type: GraphQLBoolean },
  unique: { type: GraphQLBoolean },
  indexed: { type: GraphQLBoolean },
  searchable: { type: GraphQLBoolean },
  default: { type: JSONScalar },
  options: { type: JSONScalar, description: 'select/multiSelect: strings or { value, label, color }' },
  target: { type: GraphQLString },
  many: { type: GraphQLBoolean },
  inverse: { type: GraphQLString },
  onDelete: { type: GraphQLString },
  currency: { type: GraphQLString },
  min: { type: GraphQLFloat },
  max: { type: GraphQLFloat },
  precision: { type: GraphQLInt },
  maxLength: { type: GraphQLInt },
  defaultCountry: { type: GraphQLString },
  prefix: { type: GraphQLString },
  padding: { type: GraphQLInt },
  expression: { type: GraphQLString, description: 'formula: the expression, e.g. "amount * probability / 100"' },
  resultType: { type: GraphQLString, description: 'formula: number, currency, text, boolean, date or datetime' },
  relation: { type: GraphQLString, description: 'rollup: the to-many relation it aggregates' },
  function: { type: GraphQLString, description: 'rollup: count, sum, min, max or avg' },
  field: { type: GraphQLString, description: 'rollup: the field of the related records it aggregates' },
  filter: { type: JSONScalar, description: 'rollup: the related records that count (the condition language)' },
  settings: { type: JSONScalar, description: 'Further type-specific keys (field types from plugins)' },
};

const FieldInput = new GraphQLInputObjectType({
  name: 'FieldInput',
  fields: {
    name: { type: new GraphQLNonNull(GraphQLString) },
    type: { type: new GraphQLNonNull(GraphQLString) },
    ...fieldKeys,
  },
});
const FieldCreateInput = new GraphQLInputObjectType({
  name: 'FieldCreateInput',
  fields: {
    object: { type: new GraphQLNonNull(GraphQLString) },
    name: { type: new GraphQLNonNull(GraphQLString) },
    type: { type: new GraphQLNonNull(GraphQLString) },
    ...fieldKeys,
  },
});
const FieldUpdateInput = new GraphQLInputObjectType({
  name: 'FieldUpdateInput',
  description: 'Keys to change; `name` renames the field (its data moves with it); null removes a key',
  fields: { name: { type: GraphQLString }, type: { type: GraphQLString }, ...fieldKeys },
});
const objectKeys: GraphQLInputFieldConfigMap = {
  label: { type: JSONScalar },
  labelPlural: { type: JSONScalar },
  description: { type: GraphQLString },
  titleField: { type: GraphQLString },
  validationRules: {
    type: JSONScalar,
    description: 'The whole list of rules: [{ name, message, condition | script, fields, label, active }]',
  },
  layout: {
    type: JSONScalar,
    description:
      'The record form layout: { sections: [{ name, label, columns: 1-3, fields, visibleWhen }] }; null removes it',
  },
  conversion: {
    type: JSONScalar,
    description:
      'How a record converts: { targets: [{ key, object, fields, match, optional }], update }; null removes it',
  },
};
const ObjectInput = new GraphQLInputObjectType({
  name: 'ObjectInput',
  fields: {
    name: { type: new GraphQLNonNull(GraphQLString) },
    pluralName: { type: new GraphQLNonNull(GraphQLString) },
    ...objectKeys,
    fields: { type: new GraphQLList(new GraphQLNonNull(FieldInput)) },
  },
});
const ObjectUpdateInput = new GraphQLInputObjectType({
  name: 'ObjectUpdateInput',
  fields: { name: { type: GraphQLString }, pluralName: { type: GraphQLString }, ...objectKeys },
});

/** GraphQL input (with `settings` and absent keys) → manifest JSON. */
function manifestField(input: Record<string, unknown>): Record<string, unknown> {
  const { settings, ...rest } = input;
  return { ...rest, ...((settings as Record<string, unknown> | null) ?? {}) };
}

/** The model as the caller may see it: objects they can read, with the fields they can read. */
function visibleObjects(ctx: GraphQLContext): readonly ObjectDef[] {
  const access = ctx.records.access;
  if (!access || access.isAdmin) return ctx.model.objects;
  return ctx.model.objects
    .filter((o) => access.can('read', o.name))
    .map((o) => ({ ...o, fields: o.fields.filter((f) => access.fieldAllowed('read', o.name, f.name)) }));
}

export function requireAdmin(ctx: GraphQLContext): void {
  if (!isAdmin(ctx.caller)) throw new StratumError('FORBIDDEN', 'Changing or reading the model needs an admin');
}

export async function changed(ctx: GraphQLContext, result: ApplyResult): Promise<ApplyResult> {
  if (result.revision !== null) {
    if (result.plan.changes.some((c) => c.kind === 'setRoles')) {
      await audit(ctx.db, {
        workspace: ctx.workspace,
        userId: ctx.caller.userId,
        event: 'rolesChanged',
        subject: String(result.revision),
      });
    }
    await ctx.onModelChanged(result.revision);
  }
  return result;
}

export const metadataQueries: Fields = {
  objects: { type: list(ObjectMeta), resolve: (_r, _a, ctx) => visibleObjects(ctx) },
  object: {
    type: ObjectMeta,
    args: { name: { type: new GraphQLNonNull(GraphQLString) } },
    resolve: (_r, a: { name: string }, ctx) => visibleObjects(ctx).find((o) => o.name === a.name) ?? null,
  },
  revisions: {
    type: list(Revision),
    args: { first: { type: GraphQLInt } },
    resolve: (_r, a: { first?: number | null }, ctx) => (
      requireAdmin(ctx),
      listRevisions(ctx.db, ctx.workspace, { limit: a.first ?? 50 })
    ),
  },
  exportManifest: {
    type: new GraphQLNonNull(JSONScalar),
    resolve: (_r, _a, ctx) => (requireAdmin(ctx), exportManifest(ctx.model, ctx.types)),
  },
  metadataRevision: {
    type: new GraphQLNonNull(GraphQLInt),
    description: 'The current metadata revision',
    resolve: (_r, _a, ctx) => ctx.model.revision,
  },
};

export const metadataMutations: Fields = {
  applyManifest: {
    type: new GraphQLNonNull(ManifestPlan),
    args: {
      manifest: { type: new GraphQLNonNull(JSONScalar) },
      dryRun: { type: GraphQLBoolean },
      allowDestructive: { type: GraphQLBoolean },
    },
    resolve: async (_r, a: { manifest: unknown; dryRun?: boolean | null; allowDestructive?: boolean | null }, ctx) => {
      requireAdmin(ctx);
      return changed(
        ctx,
        await applyManifest(ctx.db, a.manifest, {
          ...opts(ctx),
          dryRun: a.dryRun === true,
          allowDestructive: a.allowDestructive === true,
        }),
      );
    },
  },
  revert: {
    type: new GraphQLNonNull(ManifestPlan),
    args: { revision: { type: new GraphQLNonNull(GraphQLInt) } },
    resolve: async (_r, a: { revision: number }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await revertRevision(ctx.db, a.revision, opts(ctx)))
    ),
  },
  saveRole: {
    type: new GraphQLNonNull(ManifestPlan),
    description: 'Adds a role or replaces the role of the same name: { name, label, description, rules: [CASL rules] }',
    args: { input: { type: new GraphQLNonNull(JSONScalar) } },
    resolve: async (_r, a: { input: unknown }, ctx) => {
      requireAdmin(ctx);
      if (typeof a.input !== 'object' || a.input === null || Array.isArray(a.input))
        throw badInput({ path: 'input', message: 'must be a role object' });
      return changed(ctx, await saveRole(ctx.db, a.input as Record<string, unknown>, opts(ctx)));
    },
  },
  deleteRole: {
    type: new GraphQLNonNull(ManifestPlan),
    args: { name: { type: new GraphQLNonNull(GraphQLString) } },
    resolve: async (_r, a: { name: string }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await deleteRole(ctx.db, a.name, opts(ctx)))
    ),
  },
  createObject: {
    type: new GraphQLNonNull(ManifestPlan),
    args: { input: { type: new GraphQLNonNull(ObjectInput) } },
    resolve: async (_r, a: { input: Record<string, unknown> }, ctx) => {
      requireAdmin(ctx);
      const fields = ((a.input.fields as Record<string, unknown>[] | undefined) ?? []).map(manifestField);
      return changed(ctx, await createObject(ctx.db, { ...a.input, fields }, opts(ctx)));
    },
  },
  updateObject: {
    type: new GraphQLNonNull(ManifestPlan),
    args: {
      name: { type: new GraphQLNonNull(GraphQLString) },
      input: { type: new GraphQLNonNull(ObjectUpdateInput) },
      ...dryRunArg,
    },
    resolve: async (_r, a: { name: string; input: Record<string, unknown>; dryRun?: boolean | null }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await updateObject(ctx.db, a.name, a.input, { ...opts(ctx), dryRun: a.dryRun === true }))
    ),
  },
  deleteObject: {
    type: new GraphQLNonNull(ManifestPlan),
    description: 'Removes an object; its records go to the trash until purged',
    args: { name: { type: new GraphQLNonNull(GraphQLString) }, ...dryRunArg },
    resolve: async (_r, a: { name: string; dryRun?: boolean | null }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await deleteObject(ctx.db, a.name, { ...opts(ctx), dryRun: a.dryRun === true }))
    ),
  },
  createField: {
    type: new GraphQLNonNull(ManifestPlan),
    args: { input: { type: new GraphQLNonNull(FieldCreateInput) } },
    resolve: async (_r, a: { input: Record<string, unknown> }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await createField(ctx.db, manifestField(a.input), opts(ctx)))
    ),
  },
  updateField: {
    type: new GraphQLNonNull(ManifestPlan),
    args: {
      object: { type: new GraphQLNonNull(GraphQLString) },
      name: { type: new GraphQLNonNull(GraphQLString) },
      input: { type: new GraphQLNonNull(FieldUpdateInput) },
      allowDestructive: { type: GraphQLBoolean },
      ...dryRunArg,
    },
    resolve: async (
      _r,
      a: {
        object: string;
        name: string;
        input: Record<string, unknown>;
        allowDestructive?: boolean | null;
        dryRun?: boolean | null;
      },
      ctx,
    ) => (
      requireAdmin(ctx),
      changed(
        ctx,
        await updateField(ctx.db, a.object, a.name, manifestField(a.input), {
          ...opts(ctx),
          allowDestructive: a.allowDestructive === true,
          dryRun: a.dryRun === true,
        }),
      )
    ),
  },
  deleteField: {
    type: new GraphQLNonNull(ManifestPlan),
    description: 'Removes a field; its values go to the trash until purged',
    args: {
      object: { type: new GraphQLNonNull(GraphQLString) },
      name: { type: new GraphQLNonNull(GraphQLString) },
      ...dryRunArg,
    },
    resolve: async (_r, a: { object: string; name: string; dryRun?: boolean | null }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await deleteField(ctx.db, a.object, a.name, { ...opts(ctx), dryRun: a.dryRun === true }))
    ),
  },
};

export function opts(ctx: GraphQLContext) {
  return { workspace: ctx.workspace, types: ctx.types, actor: ctx.caller.userId };
}
