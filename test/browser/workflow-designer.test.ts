import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import {
  addMapEntry,
  addStep,
  createWorkflow,
  chooseObjectSetting,
  fillSetting,
  node,
  openRunHistory,
  openWorkflows,
  panel,
  saveAndActivate,
  selectNode,
  openWorkflow,
  testRun,
} from './steps/workflows';

// Workers on: a saved workflow runs when its trigger fires.
const studio = studioSuite({ seed: 'sales-crm', config: { workers: true } });
// The window only: the canvas fills it.
const shot = screenshotter('flow', { fullPage: false });

interface WorkflowState {
  workflow: {
    active: boolean;
    definition: { trigger: Record<string, unknown>; steps: Record<string, unknown>[] };
  } | null;
}

async function workflowState(name: string): Promise<WorkflowState['workflow']> {
  const result = await studio.api.gql<WorkflowState>(
    `query($n: String!) { workflow(name: $n) { active definition } }`,
    {
      n: name,
    },
  );
  return result.data!.workflow;
}

describeWithBrowser('the workflow designer', () => {
  test('builds a stage-changed workflow with a templated task, refuses an invalid step, runs it and shows the run — only through the UI', async () => {
    const { api } = studio;
    const { context, page, errors } = await studio.newPage();

    await signIn(page, api);
    await openWorkflows(page);
    await page.locator('tr[data-row="proposalFollowUp"]').waitFor();
    await shot(page, '01-list');

    await createWorkflow(page, {
      name: 'dealProposalTask',
      label: 'Proposal task',
      trigger: 'Stage changed',
      object: 'Deal (deal)',
      firstStep: 'Create record',
    });
    await node(page, 'createRecord1').waitFor();
    expect(await workflowState('dealProposalTask')).toMatchObject({
      active: false,
      definition: { trigger: { type: 'stageChanged', object: 'deal' }, steps: [{ id: 'createRecord1' }] },
    });
    await shot(page, '02-designer-new');

    // The trigger: entering the stage "proposal".
    await selectNode(page, '__trigger');
    await fillSetting(page, 'Into stage', 'proposal');
    // The step: a task titled with a template chosen in the variable picker.
    await selectNode(page, 'createRecord1');
    await chooseObjectSetting(page, 'Task (task)');
    await addMapEntry(page, 'title', 'Follow up ', { path: 'trigger.record.name' });
    expect(await panel(page).getByRole('textbox', { name: 'title', exact: true }).inputValue()).toBe(
      'Follow up {{trigger.record.name}}',
    );
    await shot(page, '03-designer-settings');

    // An invalid step: a notification without its message is marked on its node, and saving is refused.
    await addStep(page, 'Notify');
    await node(page, 'notify1').waitFor();
    await fillSetting(page, 'Notify', 'owner');
    expect(
      Number(await node(page, 'notify1').locator('[data-problems]').getAttribute('data-problems')),
    ).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Fix the problems first' }).waitFor();
    await node(page, 'notify1').hover();
    await shot(page, '04-validation-error');
    expect((await workflowState('dealProposalTask'))!.definition.steps).toHaveLength(1);
    await page.getByRole('button', { name: 'Delete step notify1' }).click();
    await node(page, 'notify1').waitFor({ state: 'detached' });

    await saveAndActivate(page);
    const saved = await workflowState('dealProposalTask');
    expect(saved).toMatchObject({
      active: true,
      definition: {
        trigger: { type: 'stageChanged', object: 'deal', to: 'proposal' },
        steps: [
          {
            id: 'createRecord1',
            type: 'createRecord',
            object: 'task',
            data: { title: 'Follow up {{trigger.record.name}}' },
          },
        ],
      },
    });

    // Through the API: a deal enters "proposal"; the run shows in the history, its step completed.
    const deals = await api.gql<{ deals: { edges: { node: { id: string; name: string } }[] } }>(
      `{ deals(first: 1, filter: { stage: { eq: "new" } }) { edges { node { id name } } } }`,
    );
    const deal = deals.data!.deals.edges[0]!.node;
    const moved = await api.gql(`mutation($id: ID!) { updateDeal(id: $id, data: { stage: "proposal" }) { id } }`, {
      id: deal.id,
    });
    expect(moved).not.toHaveProperty('errors');
    await openRunHistory(page, 'completed');
    await page.locator('.react-flow__node[data-id="createRecord1"] [data-status="completed"]').waitFor();
    await selectNode(page, 'createRecord1');
    await panel(page).getByRole('tab', { name: 'Runs' }).click();
    await panel(page).getByText('Step createRecord1').first().waitFor();
    await shot(page, '05-run-history');
    const tasks = await api.gql<{ tasks: { totalCount: number } }>(
      `query($t: String!) { tasks(filter: { title: { eq: $t } }) { totalCount } }`,
      { t: `Follow up ${deal.name}` },
    );
    expect(tasks.data!.tasks.totalCount).toBe(1);

    // Versions: the saved definition is the current one.
    await panel(page).getByRole('tab', { name: 'Versions' }).click();
    await panel(page).getByText('current').waitFor();

    // Dark theme, then phone width, where the panel is a drawer.
    await page.getByTestId('theme-toggle').click();
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: 'attached' });
    await page.mouse.move(600, 500);
    await shot(page, '06-dark');
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await shot(page, '07-phone');
    await node(page, 'createRecord1').click();
    const drawer = page.getByRole('dialog', { name: 'Panel' });
    await drawer.getByRole('tab', { name: 'Settings' }).click();
    await drawer.getByRole('textbox', { name: 'Step id' }).waitFor();
    await shot(page, '08-phone-panel');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  test('test-runs a workflow on a picked record, maps a server refusal to its node, shows an old version read-only', async () => {
    const { api } = studio;
    const { context, page, errors } = await studio.newPage({ defaultTimeout: 10_000 });
    const taskCount = async () =>
      (await api.gql<{ tasks: { totalCount: number } }>('{ tasks(first: 1) { totalCount } }')).data!.tasks.totalCount;
    const deal = (
      await api.gql<{ deals: { edges: { node: { id: string; name: string } }[] } }>(
        '{ deals(first: 1, filter: { stage: { eq: "qualified" } }) { edges { node { id name } } } }',
      )
    ).data!.deals.edges[0]!.node;
    const tasksBefore = await taskCount();

    await signIn(page, api);
    await openWorkflow(page, 'proposalFollowUp');

    // A test run on a deal picked by its name: the step is reported completed, and no task is left behind.
    await testRun(page, 'deal', deal.name.slice(0, 12));
    await page.locator('.react-flow__node[data-id="task"] [data-status="completed"]').waitFor();
    await node(page, 'task').click();
    await panel(page).getByText('Step task').first().waitFor();
    await shot(page, '09-test-run');
    expect(await taskCount()).toBe(tasksBefore);

    // A setting only the server can check (a template reading a step that does not exist): refused, shown on
    // the step's node, and the canvas goes back to what the server has.
    const before = await workflowState('proposalFollowUp');
    await selectNode(page, 'task');
    await addMapEntry(page, 'description', '{{steps.nosuch.output}}');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The server refused the change' }).waitFor();
    await node(page, 'task').locator('[data-problems="1"]').waitFor();
    expect(await panel(page).getByRole('textbox', { name: 'description', exact: true }).count()).toBe(0);
    await shot(page, '10-server-refused');
    expect(await workflowState('proposalFollowUp')).toEqual(before);

    // Edges on the canvas: a step added after the selected one is chained to it; its edge deleted leaves it
    // unreachable (marked on it), and dragging from handle to handle links it again.
    await selectNode(page, 'task');
    await addStep(page, 'Delay');
    await node(page, 'delay1').waitFor();
    // The edit answers the refusal: its message goes.
    await page.getByRole('alert').filter({ hasText: 'The server refused the change' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    // Edges are focusable: chosen by keyboard (a straight edge has no area for a click to land on).
    const edge = page.getByRole('group', { name: 'task → delay1 (next)' });
    await edge.focus();
    await edge.press('Enter');
    await page.getByRole('button', { name: 'Delete selection' }).click();
    await node(page, 'delay1').locator('[data-problems="1"]').waitFor();
    await node(page, 'task')
      .locator('.react-flow__handle.source')
      .dragTo(node(page, 'delay1').locator('.react-flow__handle.target'));
    await node(page, 'delay1').locator('[data-problems="0"]').waitFor();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await node(page, 'delay1').waitFor({ state: 'detached' });

    // A valid change makes version 2; version 1 opens read-only.
    await selectNode(page, 'task');
    await fillSetting(page, 'Retries', '2');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Unsaved changes' }).waitFor({ state: 'detached' });
    expect((await workflowState('proposalFollowUp'))!.definition.steps[0]).toMatchObject({ retries: 2 });
    await panel(page).getByRole('tab', { name: 'Versions' }).click();
    await panel(page).getByRole('button', { name: 'View version 1' }).click();
    await page.getByText('Version 1, read-only').waitFor();
    await node(page, 'task').click();
    await panel(page).getByRole('tab', { name: 'Settings' }).click();
    expect(await panel(page).getByRole('textbox', { name: 'Object', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await shot(page, '11-old-version');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
