import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
// Expressions evaluated in the page are strings: this file is type-checked for Node, without the DOM lib.
import { STUDIO_DIST } from '../../server/src/http/studio';
import { startTestApi, type TestApi } from '../support/api';
import { hasBrowser, launchBrowser } from '../support/browser';
import { createRole } from './steps/access';
import { createObjectWithFields, login } from './steps/objects';
import { createPipeline, openPipelines } from './steps/pipelines';
import {
  addMapEntry,
  createWorkflow,
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
const shots = path.resolve(__dirname, '../artifacts/studio');
let api: TestApi;
let browser: Browser;

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(`document.getAnimations().every((a) => a.playState !== 'running')`);
  await page.screenshot({ path: path.join(shots, `e2e-${name}.png`), fullPage: true });
}

(hasBrowser ? describe : describe.skip)('the studio designer, end to end', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(STUDIO_DIST, 'index.html'))) {
      throw new Error(`The studio is not built at ${STUDIO_DIST}: run npm run -w studio build (npm install does)`);
    }
    mkdirSync(shots, { recursive: true });
    api = await startTestApi({ seed: 'sales-crm', config: { workers: true } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  test('object, pipeline, workflow and role made in the UI; a record entering the stage runs the workflow', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await login(page, api.server.url, api.email, api.password);
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
    await fillSetting(page, 'to', 'offer');
    await selectNode(page, 'createRecord1');
    await fillSetting(page, 'object', 'task');
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
