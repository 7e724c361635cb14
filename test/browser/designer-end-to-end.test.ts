import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { createRole } from './steps/access';
import { signIn } from './steps/common';
import { createObjectWithFields } from './steps/objects';
import { createPipeline, openPipelines } from './steps/pipelines';
import {
  addMapEntry,
  createWorkflow,
  chooseObjectSetting,
  fillSetting,
  node,
  openRunHistory,
  openWorkflows,
  panel,
  saveAndActivate,
  selectNode,
} from './steps/workflows';

/**
 * Issue 6's "done when": an admin builds a small CRM only through the studio — an object with fields of several
 * types, a pipeline on it, a workflow that creates a task when a record enters a stage, and a role — then a record
 * moves into that stage through the API and the run shows as succeeded in the designer's run history.
 */
// Workers on: the workflow made in the UI runs when the record enters its stage.
const studio = studioSuite({ seed: 'sales-crm', config: { workers: true } });
const shot = screenshotter('e2e');

describeWithBrowser('the studio designer, end to end', () => {
  test('object, pipeline, workflow and role made in the UI; a record entering the stage runs the workflow', async () => {
    const { api } = studio;
    const { context, page, errors: pageErrors } = await studio.newPage();

    await signIn(page, api);
    await shot(page, '01-objects');

    // 1. An object with fields of several types.
    await createObjectWithFields(page, {
      name: 'property',
      pluralName: 'properties',
      label: 'Property',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'bedrooms', type: 'number' },
        { name: 'price', type: 'currency', currency: 'EUR' },
        { name: 'listedOn', type: 'date' },
        { name: 'agency', type: 'relation', target: 'Company (company)' },
      ],
    });
    await shot(page, '02-property-fields');

    // 2. A pipeline on it: a new stage field with five stages, one won and one lost.
    await openPipelines(page);
    await createPipeline(page, {
      object: 'Property (property)',
      field: 'stage',
      label: 'Sales stages',
      stages: [
        { name: 'listed', label: 'Listed', probability: 10 },
        { name: 'viewing', label: 'Viewing', probability: 30 },
        { name: 'offer', label: 'Offer', probability: 70 },
        { name: 'sold', label: 'Sold', probability: 100, won: true },
        { name: 'withdrawn', label: 'Withdrawn', probability: 0, lost: true },
      ],
    });
    await shot(page, '03-pipeline');

    // 3. A workflow: when a property enters "offer", create a task titled after it.
    await openWorkflows(page);
    await createWorkflow(page, {
      name: 'offerTask',
      label: 'Offer task',
      trigger: 'Stage changed',
      object: 'Property (property)',
      firstStep: 'Create record',
    });
    await selectNode(page, '__trigger');
    await fillSetting(page, 'Into stage', 'offer');
    await selectNode(page, 'createRecord1');
    await chooseObjectSetting(page, 'Task (task)');
    await addMapEntry(page, 'title', 'Prepare the offer for ', { path: 'trigger.record.title' });
    await shot(page, '04-workflow');
    await saveAndActivate(page);

    // 4. A role: agents read and update their own properties, read tasks, never delete a property.
    await createRole(page, {
      name: 'agent',
      label: 'Agent',
      cells: [
        {
          object: 'Property',
          action: 'read',
          conditions: [{ field: 'Owner', value: '$user.id' }],
          alsoTo: ['update'],
        },
        { object: 'Task', action: 'read' },
        { object: 'Property', action: 'delete', allow: false, deny: true },
      ],
    });
    await shot(page, '05-role');

    // What the UI made is what the server has.
    const model = await api.gql<{
      object: { fields: { name: string; type: string }[] } | null;
      pipelines: { object: string; field: string; stages: { name: string; won: boolean; lost: boolean }[] }[];
      workflow: { active: boolean; definition: { trigger: Record<string, unknown> } } | null;
      roles: { name: string; rules: unknown }[];
    }>(`{
      object(name: "property") { fields { name type } }
      pipelines { object field stages { name won lost } }
      workflow(name: "offerTask") { active definition }
      roles { name rules }
    }`);
    expect(model.errors).toBeUndefined();
    const fields = Object.fromEntries(model.data!.object!.fields.map((f) => [f.name, f.type]));
    expect(fields).toMatchObject({
      title: 'text',
      bedrooms: 'number',
      price: 'currency',
      listedOn: 'date',
      agency: 'relation',
      stage: 'select',
    });
    const pipeline = model.data!.pipelines.find((p) => p.object === 'property');
    expect(pipeline?.stages.map((s) => s.name)).toEqual(['listed', 'viewing', 'offer', 'sold', 'withdrawn']);
    expect(pipeline?.stages.find((s) => s.name === 'sold')?.won).toBe(true);
    expect(model.data!.workflow).toMatchObject({
      active: true,
      definition: { trigger: { type: 'stageChanged', object: 'property', to: 'offer' } },
    });
    // Rules come in the matrix's object order; the deny rule last, so that in CASL it wins over any grant.
    const rules = model.data!.roles.find((r) => r.name === 'agent')?.rules as unknown[];
    expect(rules).toHaveLength(3);
    expect(rules).toEqual(
      expect.arrayContaining([
        { action: ['read', 'update'], subject: 'property', conditions: { owner: '$user.id' } },
        { action: 'read', subject: 'task' },
      ]),
    );
    expect(rules[2]).toEqual({ action: 'delete', subject: 'property', inverted: true });

    // 5. Through the API, a property is listed and then moves into "offer".
    const created = await api.gql<{ createProperty: { id: string } }>(
      `mutation { createProperty(data: { title: "Villa Rosa", bedrooms: 4, stage: "listed" }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProperty.id;
    const moved = await api.gql(`mutation($id: ID!) { updateProperty(id: $id, data: { stage: "offer" }) { id } }`, {
      id,
    });
    expect(moved.errors).toBeUndefined();

    // 6. The run history shows the run succeeded, its step highlighted as completed on the canvas.
    await openWorkflows(page);
    await page.locator('tr[data-row="offerTask"]').getByRole('link').click();
    await node(page, 'createRecord1').waitFor();
    await openRunHistory(page, 'completed');
    await node(page, 'createRecord1').locator('[data-status="completed"]').waitFor();
    await selectNode(page, 'createRecord1');
    await panel(page).getByRole('tab', { name: 'Runs' }).click();
    await shot(page, '06-run-history');
    const runs = await api.gql<{ workflowRuns: { status: string; steps: { id: string; status: string }[] }[] }>(
      `{ workflowRuns(workflow: "offerTask") { status steps { id status } } }`,
    );
    expect(runs.data!.workflowRuns).toEqual([
      { status: 'COMPLETED', steps: [{ id: 'createRecord1', status: 'COMPLETED' }] },
    ]);
    const tasks = await api.gql<{ tasks: { edges: { node: { title: string } }[] } }>(
      `{ tasks(first: 5, filter: { title: { eq: "Prepare the offer for Villa Rosa" } }) { edges { node { title } } } }`,
    );
    expect(tasks.data!.tasks.edges).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
