import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import {
  badInput,
  cancelRun,
  createWorkflow,
  findWorkflow,
  deleteWorkflow,
  getRun,
  listRuns,
  listVersions,
  loadByIds,
  mayStartManually,
  notFound,
  pendingApprovals,
  requireMayStartManually,
  RUN_STATUSES,
  setWorkflowActive,
  StratumError,
  stepJsonSchemas,
  syncVersions,
  updateWorkflow,
  webhookSecret,
  type Approval,
  type RunDetails,
  type RunStatus,
  type StepRecord,
  type VersionInfo,
  type WorkflowDef,
} from '@stratum/runtime';
import { isAdmin, type GraphQLContext } from './context';
import { changed, ManifestPlan, opts } from './metadata-fields';
import { DateTimeScalar, JSONScalar } from './scalars';
import { nonNull } from './shared-types';

/**
 * Workflows through GraphQL (CONTRACT.md "Workflows"): definitions (admins), runs and their steps,
 * manual and test runs, approvals (the notifications they send are in notification-fields.ts). Resolvers
 * are thin: the engine and the runtime's operations do the work.
 */
type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;
const list = <T extends GraphQLObjectType>(t: T) => nonNull(new GraphQLList(nonNull(t)));

const RunStatusEnum = new GraphQLEnumType({
  name: 'RunStatus',
  values: Object.fromEntries(RUN_STATUSES.map((s) => [s, { value: s }])),
});

const WorkflowStep = new GraphQLObjectType<StepRecord>({
  name: 'WorkflowStep',
  fields: {
    id: { type: nonNull(GraphQLString), resolve: (s) => s.stepId },
    seq: { type: nonNull(GraphQLInt) },
    type: { type: nonNull(GraphQLString) },
    status: { type: nonNull(GraphQLString) },
    attempt: { type: nonNull(GraphQLInt) },
    input: { type: JSONScalar },
    output: { type: JSONScalar },
    error: { type: GraphQLString, resolve: (s) => s.error?.message ?? null },
    errorDetails: { type: JSONScalar, resolve: (s) => s.error },
    meta: { type: JSONScalar, description: "A script's budgets and logs; what a test run did not send" },
    startedAt: { type: nonNull(DateTimeScalar) },
    finishedAt: { type: DateTimeScalar },
    durationMs: { type: GraphQLFloat },
  },
});

const WorkflowRun = new GraphQLObjectType<RunDetails, GraphQLContext>({
  name: 'WorkflowRun',
  fields: {
    id: { type: nonNull(GraphQLID) },
    workflow: { type: nonNull(GraphQLString) },
    workflowLabel: {
      type: JSONScalar,
      description: 'The workflow’s label as it is defined now (a timeline shows it; null once the workflow is gone)',
      resolve: (r, _a, ctx) => findWorkflow(ctx.model, r.workflow)?.label ?? null,
    },
    version: { type: nonNull(GraphQLInt) },
    status: { type: nonNull(RunStatusEnum) },
    // Admins only: a member sees that a run happened on their record, not what it read or did (runsForReader).
    trigger: { type: JSONScalar, resolve: (r, _a, ctx) => (isAdmin(ctx.caller) ? r.trigger : null) },
    actor: { type: JSONScalar, resolve: (r, _a, ctx) => (isAdmin(ctx.caller) ? r.actor : null) },
    depth: { type: nonNull(GraphQLInt) },
    parentRunId: { type: GraphQLID },
    error: { type: GraphQLString, resolve: (r) => r.error?.message ?? null },
    test: { type: nonNull(GraphQLBoolean) },
    startedAt: { type: nonNull(DateTimeScalar) },
    finishedAt: { type: DateTimeScalar },
    wakeAt: { type: DateTimeScalar },
    steps: { type: list(WorkflowStep), resolve: (r, _a, ctx) => (isAdmin(ctx.caller) ? r.steps : []) },
  },
});

const WorkflowVersion = new GraphQLObjectType<VersionInfo>({
  name: 'WorkflowVersion',
  fields: {
    version: { type: nonNull(GraphQLInt) },
    createdAt: { type: nonNull(DateTimeScalar) },
    definition: { type: nonNull(JSONScalar) },
  },
});

const Workflow = new GraphQLObjectType<WorkflowDef, GraphQLContext>({
  name: 'Workflow',
  fields: {
    name: { type: nonNull(GraphQLString) },
    label: { type: JSONScalar },
    description: { type: GraphQLString },
    active: { type: nonNull(GraphQLBoolean), resolve: (w) => w.active !== false },
    trigger: { type: nonNull(JSONScalar) },
    definition: { type: nonNull(JSONScalar), resolve: (w) => w },
    versions: {
      type: list(WorkflowVersion),
      // Versions are recorded when first seen; reading them records the current one if no run has yet.
      resolve: async (w, _a, ctx) => {
        await syncVersions(ctx.db, ctx.model);
        return listVersions(ctx.db, ctx.model.schema, w.name);
      },
    },
    webhookPath: {
      type: GraphQLString,
      description: 'For a webhook trigger: the secret path to POST to (keep it secret)',
      resolve: async (w, _a, ctx) =>
        w.trigger.type === 'webhook'
          ? `/hooks/${ctx.workspace}/${w.name}/${await webhookSecret(ctx.db, ctx.model.schema, w.name)}`
          : null,
    },
  },
});

const ApprovalType = new GraphQLObjectType<Approval>({
  name: 'Approval',
  fields: {
    id: { type: nonNull(GraphQLID) },
    runId: { type: nonNull(GraphQLID) },
    stepId: { type: nonNull(GraphQLString) },
    workflow: { type: nonNull(GraphQLString) },
    userId: { type: GraphQLID },
    role: { type: GraphQLString },
    message: { type: GraphQLString },
    status: { type: nonNull(GraphQLString) },
    decidedBy: { type: GraphQLID },
    comment: { type: GraphQLString },
    createdAt: { type: nonNull(DateTimeScalar) },
    dueAt: { type: DateTimeScalar },
    decidedAt: { type: DateTimeScalar },
  },
});

function requireAdmin(ctx: GraphQLContext): void {
  if (!isAdmin(ctx.caller)) throw new StratumError('FORBIDDEN', 'Managing workflows needs an admin');
}

function objectInput(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badInput({ path: 'input', message: 'must be a workflow definition object' });
  return value as Record<string, unknown>;
}

function workflowNamed(ctx: GraphQLContext, name: string): WorkflowDef {
  const workflow = findWorkflow(ctx.model, name);
  if (!workflow) throw new StratumError('NOT_FOUND', `No workflow "${name}"`);
  return workflow;
}

/**
 * What someone other than an admin sees of runs: those on records they may read (a manual button's run, the
 * automations on their deal), without the trigger's payload, the actor or the steps, whose inputs and outputs
 * may hold what they may not read.
 */
async function runsForReader(ctx: GraphQLContext, runs: readonly RunDetails[]): Promise<RunDetails[]> {
  // (The trigger, actor and steps fields answer null and [] to them: see WorkflowRun.)
  const subject = (run: RunDetails) => run.trigger as { object?: string | null; recordId?: string | null } | null;
  const byObject = new Map<string, string[]>();
  for (const run of runs) {
    const { object, recordId } = subject(run) ?? {};
    if (object && recordId && ctx.model.objects.some((o) => o.name === object))
      byObject.set(object, [...(byObject.get(object) ?? []), recordId]);
  }
  const readable = new Set<string>();
  for (const [object, ids] of byObject) {
    for (const id of (await loadByIds(ctx.records, object, ids)).keys()) readable.add(`${object}:${id}`);
  }
  return runs.filter((run) => readable.has(`${subject(run)?.object}:${subject(run)?.recordId}`));
}

export const workflowQueries: Fields = {
  workflows: {
    type: list(Workflow),
    resolve: (_r, _a, ctx) => (requireAdmin(ctx), ctx.model.workflows as WorkflowDef[]),
  },
  workflow: {
    type: Workflow,
    args: { name: { type: nonNull(GraphQLString) } },
    resolve: (_r, a: { name: string }, ctx) => (requireAdmin(ctx), findWorkflow(ctx.model, a.name) ?? null),
  },
  manualWorkflows: {
    type: list(Workflow),
    description:
      'Active manual workflows of an object that the caller may start (buttons on its records); with `recordId`, those the caller may start on that record (none when they may not update it)',
    args: { object: { type: nonNull(GraphQLString) }, recordId: { type: GraphQLID } },
    resolve: async (_r, a: { object: string; recordId?: string | null }, ctx) => {
      const manual = (ctx.model.workflows as WorkflowDef[]).filter(
        (w) => w.active !== false && w.trigger.type === 'manual' && w.trigger.object === a.object,
      );
      // Whether the caller may start one depends only on the object and the record, which they all share: one check.
      if (manual.length === 0) return [];
      return (await mayStartManually(ctx.records, manual[0]!, a.recordId ?? undefined)) ? manual : [];
    },
  },
  workflowStepTypes: {
    type: nonNull(JSONScalar),
    description: 'JSON Schema of every step and trigger type, for settings panels',
    resolve: () => stepJsonSchemas(),
  },
  workflowRuns: {
    type: list(WorkflowRun),
    description:
      'Runs, newest first. Admins see every run in full; others pass `recordId` and see the runs on that record if they may read it (workflow, status, error and times, without trigger, actor or steps)',
    args: {
      workflow: { type: GraphQLString },
      status: { type: RunStatusEnum },
      recordId: { type: GraphQLID },
      first: { type: GraphQLInt },
      after: { type: GraphQLID, description: 'Only runs older than this one: the id of the last run of a page' },
    },
    resolve: async (
      _r,
      a: { workflow?: string; status?: RunStatus; recordId?: string; first?: number; after?: string },
      ctx,
    ) => {
      if (isAdmin(ctx.caller)) return listRuns(ctx.db, ctx.model.schema, a);
      if (!a.recordId) throw new StratumError('FORBIDDEN', 'Only admins list runs across records: pass recordId');
      return runsForReader(ctx, await listRuns(ctx.db, ctx.model.schema, a));
    },
  },
  workflowRun: {
    type: WorkflowRun,
    description: 'A run: in full for admins; for others as in `workflowRuns`, if it ran on a record they may read',
    args: { id: { type: nonNull(GraphQLID) } },
    resolve: async (_r, a: { id: string }, ctx) => {
      const run = await getRun(ctx.db, ctx.model.schema, a.id);
      if (isAdmin(ctx.caller)) return run;
      const [visible] = await runsForReader(ctx, [run]);
      if (!visible) throw notFound(`No run ${a.id}`);
      return visible;
    },
  },
  approvals: {
    type: list(ApprovalType),
    description: 'Pending approvals assigned to the caller (or to one of their roles; all of them for admins)',
    resolve: (_r, _a, ctx) => pendingApprovals(ctx.db, ctx.model.schema, ctx.records.access, ctx.caller.roles),
  },
};

export const workflowMutations: Fields = {
  createWorkflow: {
    type: nonNull(ManifestPlan),
    description: 'Adds a workflow (inactive unless `active: true`): { name, trigger, start, steps, runAs }',
    args: { input: { type: nonNull(JSONScalar) } },
    resolve: async (_r, a: { input: unknown }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await createWorkflow(ctx.db, objectInput(a.input), opts(ctx)))
    ),
  },
  updateWorkflow: {
    type: nonNull(ManifestPlan),
    description: 'Replaces a workflow definition: a new version; runs under way keep theirs',
    args: { name: { type: nonNull(GraphQLString) }, input: { type: nonNull(JSONScalar) } },
    resolve: async (_r, a: { name: string; input: unknown }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await updateWorkflow(ctx.db, a.name, objectInput(a.input), opts(ctx)))
    ),
  },
  activateWorkflow: {
    type: nonNull(ManifestPlan),
    args: { name: { type: nonNull(GraphQLString) } },
    resolve: async (_r, a: { name: string }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await setWorkflowActive(ctx.db, a.name, true, opts(ctx)))
    ),
  },
  deactivateWorkflow: {
    type: nonNull(ManifestPlan),
    args: { name: { type: nonNull(GraphQLString) } },
    resolve: async (_r, a: { name: string }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await setWorkflowActive(ctx.db, a.name, false, opts(ctx)))
    ),
  },
  deleteWorkflow: {
    type: nonNull(ManifestPlan),
    args: { name: { type: nonNull(GraphQLString) } },
    resolve: async (_r, a: { name: string }, ctx) => (
      requireAdmin(ctx),
      changed(ctx, await deleteWorkflow(ctx.db, a.name, opts(ctx)))
    ),
  },
  runWorkflow: {
    type: nonNull(WorkflowRun),
    description: 'Starts a run by hand, on a record and/or with an input; answers the queued run',
    args: { name: { type: nonNull(GraphQLString) }, recordId: { type: GraphQLID }, input: { type: JSONScalar } },
    resolve: async (_r, a: { name: string; recordId?: string; input?: unknown }, ctx) => {
      await requireMayStartManually(ctx.records, workflowNamed(ctx, a.name), a.recordId ?? undefined);
      const id = await ctx.workflows.startRun(ctx.workspace, {
        workflow: a.name,
        recordId: a.recordId ?? undefined,
        input: a.input,
        userId: ctx.caller.userId,
      });
      return getRun(ctx.db, ctx.model.schema, id);
    },
  },
  testWorkflow: {
    type: nonNull(WorkflowRun),
    description:
      'Runs a workflow on a chosen record now and answers the run: record changes are rolled back, e-mails and HTTP requests are reported in each step, not sent',
    args: { name: { type: nonNull(GraphQLString) }, recordId: { type: GraphQLID }, input: { type: JSONScalar } },
    resolve: async (_r, a: { name: string; recordId?: string; input?: unknown }, ctx) => {
      requireAdmin(ctx);
      workflowNamed(ctx, a.name);
      return ctx.workflows.testRun(ctx.workspace, {
        workflow: a.name,
        recordId: a.recordId ?? undefined,
        input: a.input,
        userId: ctx.caller.userId,
      });
    },
  },
  cancelWorkflowRun: {
    type: nonNull(WorkflowRun),
    args: { id: { type: nonNull(GraphQLID) } },
    resolve: (_r, a: { id: string }, ctx) => (requireAdmin(ctx), cancelRun(ctx.db, ctx.model.schema, a.id)),
  },
  decideApproval: {
    type: nonNull(ApprovalType),
    description: 'Approves or rejects a pending approval assigned to the caller (or their role); the run goes on',
    args: {
      id: { type: nonNull(GraphQLID) },
      approve: { type: nonNull(GraphQLBoolean) },
      comment: { type: GraphQLString },
    },
    resolve: (_r, a: { id: string; approve: boolean; comment?: string }, ctx) =>
      ctx.workflows.decideApproval(
        ctx.workspace,
        { id: a.id, approve: a.approve, comment: a.comment ?? undefined },
        { userId: ctx.caller.userId, roles: ctx.caller.roles, isAdmin: isAdmin(ctx.caller) },
      ),
  },
};
