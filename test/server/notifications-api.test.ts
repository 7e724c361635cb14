import { notify } from '../../runtime/src/notifications/notifications';
import { workspaceSchema } from '../../runtime/src/model/physical-names';
import { createPerson, startTestApi, type TestApi } from '../support/api';

/**
 * In-app notifications end to end, on a server seeded with the sales CRM: the task reminder
 * (`taskDueReminder`, an hour before `dueDate`) notifies the task's owner once, however often its step
 * is executed; each user reads and marks only their own notifications; keyset pages and mark-all-read.
 * Time triggers are scanned with a chosen clock, in increasing time (a scan moves the watermark).
 */
let api: TestApi;
let schema: string;
const people: Record<string, { id: string; token: string }> = {};

interface Note {
  id: string;
  title: string;
  body: string | null;
  object: string | null;
  recordId: string | null;
  runId: string | null;
  readAt: string | null;
}
interface Mine {
  myNotifications: {
    nodes: Note[];
    unreadCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const MINE = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    nodes { id title body object recordId runId readAt } unreadCount pageInfo { hasNextPage endCursor }
  }
}`;

async function gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const result = await api.gql<T>(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function person(name: string): Promise<void> {
  people[name] = await createPerson(api, name, ['manager']);
}

/** Waits until the workflow's run on the record has finished (or failed). */
async function finishedRun(workflow: string, recordId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { workflowRuns } = await gql<{
      workflowRuns: {
        id: string;
        status: string;
        trigger: { recordId?: string };
        steps: { id: string; status: string }[];
      }[];
    }>(
      `query($w: String, $r: ID) { workflowRuns(workflow: $w, recordId: $r) { id status trigger steps { id status } } }`,
      {
        w: workflow,
        r: recordId,
      },
    );
    const run = workflowRuns.find((r) => r.trigger.recordId === recordId);
    if (run && ['COMPLETED', 'FAILED'].includes(run.status)) return { ...run, count: workflowRuns.length };
    if (Date.now() > deadline) throw new Error(`no finished ${workflow} run on ${recordId}: ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function task(title: string, owner: string, dueDate: Date, status = 'open'): Promise<string> {
  const { createTask } = await gql<{ createTask: { id: string } }>(
    `mutation($d: TaskCreateInput!) { createTask(data: $d) { id } }`,
    { d: { title, owner, dueDate: dueDate.toISOString(), status, description: `About ${title}` } },
  );
  return createTask.id;
}

beforeAll(async () => {
  api = await startTestApi({ seed: 'sales-crm', config: { workers: true } });
  const { me } = await gql<{ me: { workspace: string } }>('{ me { workspace } }');
  schema = workspaceSchema(me.workspace);
  await person('anna');
  await person('boris');
});

afterAll(async () => {
  await api.close();
});

test('an hour before an open task is due, its owner gets exactly one notification linked to it', async () => {
  const due = new Date(Date.now() + 5 * 24 * 3600 * 1000);
  const open = await task('Call Nino', people.anna!.id, due);
  const done = await task('Send the contract', people.anna!.id, due, 'done');
  const moment = due.getTime() - 3600 * 1000;
  // The first scan of a workflow only sets its watermark (it never fires for the past).
  await api.server.workflows.scanTimeTriggers(new Date());
  await api.server.workflows.scanTimeTriggers(new Date(moment + 60_000));
  const run = await finishedRun('taskDueReminder', open);
  expect(run.status).toBe('COMPLETED');
  // A later scan (another process, a restart) starts no second run for the same due date.
  await api.server.workflows.scanTimeTriggers(new Date(moment + 120_000));
  await api.server.workflows.drain();
  expect((await finishedRun('taskDueReminder', open)).count).toBe(1);

  // The step executed again with its idempotency key (a retry after a lost answer) writes nothing.
  const again = await notify(api.db, schema, [
    { userId: people.anna!.id, title: 'Task due: Call Nino', key: `${run.id}:remind` },
  ]);
  expect(again).toBe(0);

  const { myNotifications } = await gql<Mine>(MINE, {}, people.anna!.token);
  const reminders = myNotifications.nodes.filter((n) => n.title.startsWith('Task due:'));
  expect(reminders).toEqual([
    {
      id: expect.any(String),
      title: 'Task due: Call Nino',
      body: 'About Call Nino',
      object: 'task',
      recordId: open,
      runId: run.id,
      readAt: null,
    },
  ]);
  expect(myNotifications.nodes.some((n) => n.recordId === done)).toBe(false);
  const { workflowRuns } = await gql<{ workflowRuns: unknown[] }>(
    `query($r: ID) { workflowRuns(workflow: "taskDueReminder", recordId: $r) { id } }`,
    { r: done },
  );
  expect(workflowRuns).toHaveLength(0);
});

test('a notify step that is executed again after a later step fails still notifies once', async () => {
  // The segment runs fast first; the failing update rolls it back and the careful re-run executes the
  // notify step a second time, keeping it: one notification, and the failure on the run.
  const created = await api.gql(`mutation($input: JSON!) { createWorkflow(input: $input) { applied } }`, {
    input: {
      name: 'remindThenBreak',
      active: true,
      trigger: { type: 'dateReached', object: 'task', field: 'dueDate', offset: { hours: -2 } },
      start: 'remind',
      steps: [
        {
          id: 'remind',
          type: 'notify',
          to: '{{trigger.record.owner}}',
          title: 'Soon: {{trigger.record.title}}',
          next: 'break',
        },
        { id: 'break', type: 'updateRecord', object: 'task', data: { title: null } },
      ],
    },
  });
  expect(created.errors).toBeUndefined();
  const due = new Date(Date.now() + 20 * 24 * 3600 * 1000);
  const id = await task('Visit the site', people.boris!.id, due);
  // The first scan of a new workflow only sets its watermark; the second finds the task.
  await api.server.workflows.scanTimeTriggers(new Date(due.getTime() - 3 * 3600 * 1000));
  await api.server.workflows.scanTimeTriggers(new Date(due.getTime() - 2 * 3600 * 1000 + 60_000));
  const run = await finishedRun('remindThenBreak', id);
  expect(run.status).toBe('FAILED');
  expect(run.steps.map((s) => [s.id, s.status])).toEqual([
    ['remind', 'COMPLETED'],
    ['break', 'FAILED'],
  ]);
  const { myNotifications } = await gql<Mine>(MINE, {}, people.boris!.token);
  expect(myNotifications.nodes.filter((n) => n.title === 'Soon: Visit the site')).toHaveLength(1);
});

test('a notify step reaches the members of a role and the named users, linked to a record the actor may read', async () => {
  const { createDeal } = await gql<{ createDeal: { id: string } }>(
    'mutation { createDeal(data: { name: "Roof for the depot", stage: "proposal" }) { id } }',
  );
  const created = await api.gql(`mutation($input: JSON!) { createWorkflow(input: $input) { applied } }`, {
    input: {
      name: 'tellManagers',
      active: true,
      runAs: 'triggeringUser',
      trigger: { type: 'manual', object: 'task' },
      start: 'tell',
      steps: [
        {
          id: 'tell',
          type: 'notify',
          role: 'manager',
          to: '{{trigger.userId}}',
          title: 'Look at {{trigger.record.title}}',
          body: 'The deal needs you',
          object: 'deal',
          recordId: '{{trigger.input.deal}}',
        },
      ],
    },
  });
  expect(created.errors).toBeUndefined();
  const taskId = await task('Check the depot roof', people.anna!.id, new Date(Date.now() + 90 * 24 * 3600 * 1000));
  const run = async (deal: string) => {
    await gql(`mutation($r: ID, $i: JSON) { runWorkflow(name: "tellManagers", recordId: $r, input: $i) { id } }`, {
      r: taskId,
      i: { deal },
    });
    await api.server.workflows.drain();
    return finishedRun('tellManagers', taskId);
  };
  expect((await run(createDeal.id)).status).toBe('COMPLETED');
  for (const token of [people.anna!.token, people.boris!.token, api.token]) {
    const { myNotifications } = await gql<Mine>(MINE, {}, token);
    expect(myNotifications.nodes.filter((n) => n.title === 'Look at Check the depot roof')).toEqual([
      expect.objectContaining({ body: 'The deal needs you', object: 'deal', recordId: createDeal.id }),
    ]);
  }

  // A record that does not exist (or that the run's actor may not read) is refused, with the step's path.
  const { workflowRuns } = await gql<{ workflowRuns: { status: string; steps: { error: string | null }[] }[] }>(
    `query($r: ID) { workflowRuns(workflow: "tellManagers", recordId: $r) { status steps { error } } }`,
    { r: taskId },
  );
  expect(workflowRuns).toHaveLength(1);
  const missing = '00000000-0000-4000-8000-000000000000';
  await gql(`mutation($r: ID, $i: JSON) { runWorkflow(name: "tellManagers", recordId: $r, input: $i) { id } }`, {
    r: taskId,
    i: { deal: missing },
  });
  // The server's own workers may have taken the run while drain() looked: wait until it has ended.
  await api.server.workflows.drain();
  let failed: { status: string; steps: { error: string | null }[] } | undefined;
  for (const deadline = Date.now() + 20_000; !failed && Date.now() < deadline;) {
    const after = await gql<{ workflowRuns: { status: string; steps: { error: string | null }[] }[] }>(
      `query($r: ID) { workflowRuns(workflow: "tellManagers", recordId: $r) { status steps { error } } }`,
      { r: taskId },
    );
    failed = after.workflowRuns.find((r) => r.status === 'FAILED');
    if (!failed) await new Promise((r) => setTimeout(r, 100));
  }
  expect(failed?.steps[0]?.error).toContain(`no deal "${missing}" that the run's actor may read`);
});

test('a user sees and marks only their own notifications; pages are keyset; all can be marked read', async () => {
  const anna = people.anna!;
  const boris = people.boris!;
  await notify(api.db, schema, [
    { userId: anna.id, title: 'One' },
    { userId: anna.id, title: 'Two', body: 'Second' },
    { userId: anna.id, title: 'Three' },
    { userId: boris.id, title: 'For Boris' },
  ]);
  const annas = (await gql<Mine>(MINE, { first: 200 }, anna.token)).myNotifications;
  const boriss = (await gql<Mine>(MINE, { first: 200 }, boris.token)).myNotifications;
  expect(annas.nodes.map((n) => n.title)).not.toContain('For Boris');
  expect(boriss.nodes.map((n) => n.title)).toContain('For Boris');
  expect(boriss.nodes.map((n) => n.title)).not.toContain('Two');

  // Boris cannot mark Anna's notifications read: nothing changes.
  const annaIds = annas.nodes.map((n) => n.id);
  expect(
    (
      await gql<{ markNotificationsRead: number }>(
        `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
        { ids: annaIds },
        boris.token,
      )
    ).markNotificationsRead,
  ).toBe(0);
  expect((await gql<Mine>(MINE, {}, anna.token)).myNotifications.unreadCount).toBe(annas.unreadCount);

  // Newest first, two at a time, the cursor leading on without repeats.
  const page1 = (await gql<Mine>(MINE, { first: 2 }, anna.token)).myNotifications;
  expect(page1.nodes.map((n) => n.title)).toEqual(['Three', 'Two']);
  expect(page1.pageInfo.hasNextPage).toBe(true);
  const page2 = (await gql<Mine>(MINE, { first: 2, after: page1.pageInfo.endCursor }, anna.token)).myNotifications;
  expect(page2.nodes[0]!.title).toBe('One');
  expect(page2.nodes.map((n) => n.id)).not.toContain(page1.nodes[1]!.id);

  // One read, then all of them; Boris's stay unread.
  expect(
    (
      await gql<{ markNotificationsRead: number }>(
        `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
        { ids: [page1.nodes[0]!.id] },
        anna.token,
      )
    ).markNotificationsRead,
  ).toBe(1);
  const unread = (await gql<Mine>(MINE, { unreadOnly: true, first: 200 }, anna.token)).myNotifications;
  expect(unread.nodes.map((n) => n.title)).not.toContain('Three');
  expect(unread.unreadCount).toBe(annas.unreadCount - 1);
  const all = await gql<{ markNotificationsRead: number }>(
    `mutation { markNotificationsRead(all: true) }`,
    {},
    anna.token,
  );
  expect(all.markNotificationsRead).toBe(annas.unreadCount - 1);
  expect((await gql<Mine>(MINE, {}, anna.token)).myNotifications.unreadCount).toBe(0);
  expect((await gql<Mine>(MINE, {}, boris.token)).myNotifications.unreadCount).toBe(boriss.unreadCount);

  // Naming nothing is a mistake, said with its path.
  const none = await api.gql(`mutation { markNotificationsRead }`, {}, anna.token);
  expect(none.errors![0]!.extensions!.problems).toEqual([
    { path: 'ids', message: 'name the notifications to mark read, or say all: true' },
  ]);
});
