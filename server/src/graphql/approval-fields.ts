import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { approvalInbox, loadByIds, type PendingApproval, type RoleDef } from '@stratum/runtime';
import { isAdmin, type GraphQLContext } from './context';
import { DateTimeScalar, JSONScalar } from './scalars';
import { nonNull } from './shared-types';

/**
 * The approvals inbox (`myApprovals`): the pending approvals the caller may decide, with the run, the
 * workflow, the step and the record each one is about. Deciding stays `decideApproval`
 * (workflow-fields.ts). The record's title is read under the caller's permissions: a record they may not
 * read shows its object and id only.
 */
type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;

/** The record a pending approval is about, as far as the caller may read it. */
interface ApprovalRecord {
  readonly object: string;
  readonly id: string;
  readonly title: string | null;
  readonly readable: boolean;
}

type InboxItem = PendingApproval & { readonly record: ApprovalRecord | null };

const ApprovalRecordType = new GraphQLObjectType<ApprovalRecord>({
  name: 'ApprovalRecord',
  description: 'The record a pending approval is about (its run’s trigger record)',
  fields: {
    object: { type: nonNull(GraphQLString), description: 'The object’s API name' },
    id: { type: nonNull(GraphQLID) },
    title: { type: GraphQLString, description: 'Its title field’s value; null when the caller may not read it' },
    readable: { type: nonNull(GraphQLBoolean), description: 'Whether the caller may read the record' },
  },
});

const PendingApprovalType = new GraphQLObjectType<InboxItem>({
  name: 'PendingApproval',
  description: 'An approval step waiting for a decision (decide it with decideApproval)',
  fields: {
    id: { type: nonNull(GraphQLID) },
    runId: { type: nonNull(GraphQLID), description: 'The waiting run' },
    workflow: { type: nonNull(GraphQLString), description: 'The workflow’s API name' },
    workflowLabel: { type: JSONScalar, description: 'The workflow’s label in the run’s version (text or per locale)' },
    version: { type: nonNull(GraphQLInt), description: 'The workflow version the run is pinned to' },
    stepId: { type: nonNull(GraphQLString) },
    stepLabel: { type: JSONScalar, description: 'The approval step’s label, if it has one' },
    message: { type: GraphQLString, description: 'The step’s message, its templates filled in' },
    userId: { type: GraphQLID, description: 'The user it is assigned to (null when assigned to a role)' },
    role: { type: GraphQLString, description: 'The role it is assigned to (any member may decide)' },
    roleLabel: {
      type: JSONScalar,
      description: 'That role’s label (text or per locale), if it has one',
      resolve: (a, _args, ctx: GraphQLContext) =>
        (a.role && (ctx.model.roles as RoleDef[]).find((r) => r.name === a.role)?.label) ?? null,
    },
    record: { type: ApprovalRecordType, description: 'The record the run is about, if any' },
    assignedAt: {
      type: nonNull(DateTimeScalar),
      description: 'When the step started waiting',
      resolve: (a) => a.createdAt,
    },
    dueAt: { type: DateTimeScalar, description: 'When it times out (null: it waits until decided)' },
  },
});

/** The records of the approvals, each read (titles included) under the caller's permissions. */
async function withRecords(ctx: GraphQLContext, approvals: readonly PendingApproval[]): Promise<InboxItem[]> {
  const byObject = new Map<string, string[]>();
  for (const a of approvals) {
    if (a.object && a.recordId && ctx.model.objects.some((o) => o.name === a.object))
      byObject.set(a.object, [...(byObject.get(a.object) ?? []), a.recordId]);
  }
  const titles = new Map<string, string | null>();
  for (const [object, ids] of byObject) {
    const def = ctx.model.objects.find((o) => o.name === object)!;
    const titleField = def.titleField ?? def.fields.find((f) => f.type === 'text')?.name;
    for (const [id, record] of await loadByIds(ctx.records, object, ids)) {
      const value = titleField ? record[titleField] : null;
      titles.set(`${object}:${id}`, value === null || value === undefined ? null : String(value));
    }
  }
  return approvals.map((a) => {
    if (!a.object || !a.recordId) return { ...a, record: null };
    const key = `${a.object}:${a.recordId}`;
    return {
      ...a,
      record: { object: a.object, id: a.recordId, title: titles.get(key) ?? null, readable: titles.has(key) },
    };
  });
}

export const approvalQueries: Fields = {
  myApprovals: {
    type: nonNull(new GraphQLList(nonNull(PendingApprovalType))),
    description:
      'Pending approvals assigned to the caller or to one of their roles, oldest first; `all: true` lists every pending approval (admins only)',
    args: { all: { type: GraphQLBoolean, description: 'Every pending approval, not only the caller’s (admins)' } },
    resolve: async (_r, a: { all?: boolean | null }, ctx) =>
      withRecords(
        ctx,
        await approvalInbox(
          ctx.db,
          ctx.model.schema,
          { userId: ctx.caller.userId, roles: ctx.caller.roles, isAdmin: isAdmin(ctx.caller) },
          { all: a.all },
        ),
      ),
  },
};
