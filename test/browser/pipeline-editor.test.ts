import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import {
  addStages,
  chooseObject,
  createPipeline,
  moveStageByKeyboard,
  openPipelines,
  saveEditor,
  stageRow,
  startPipeline,
} from './steps/pipelines';

const studio = studioSuite({ seed: 'sales-crm' });
// From the top, with no tooltip: the fixed header then stays where it belongs in a full-page picture.
const shot = screenshotter('pipelines', { fromTop: true, mouseAt: { x: 640, y: 790 } });

interface PipelineJson {
  object: string;
  field: string;
  label: string | null;
  stages: { name: string; label: string; probability: number; won: boolean; lost: boolean; color: string | null }[];
}
async function pipeline(object: string, field: string): Promise<PipelineJson | undefined> {
  const r = await studio.api.gql<{ pipelines: PipelineJson[] }>(
    `{ pipelines { object field label stages { name label probability won lost color } } }`,
  );
  return r.data!.pipelines.find((p) => p.object === object && p.field === field);
}
async function field(object: string, name: string) {
  const r = await studio.api.gql<{
    object: { fields: { name: string; type: string; settings: { options?: unknown[] } }[] };
  }>(`query($name: String!) { object(name: $name) { fields { name type settings } } }`, { name: object });
  return r.data!.object.fields.find((f) => f.name === name);
}
const revision = async () =>
  (await studio.api.gql<{ metadataRevision: number }>('{ metadataRevision }')).data!.metadataRevision;

describeWithBrowser('the pipeline editor', () => {
  test('creates a contact pipeline with a stage moved by keyboard, refuses a bad name, confirms removing stages, deletes — only through the UI', async () => {
    const { api } = studio;
    const { context, page, errors } = await studio.newPage();

    await signIn(page, api);
    await openPipelines(page);
    // The sales pipeline of the example, with its stages in order.
    await page.getByRole('tab', { name: 'Sales pipeline', selected: true }).waitFor();
    expect(await stageRow(page, 5).getByRole('textbox', { name: 'Name of stage 5' }).inputValue()).toBe('won');
    await shot(page, '01-page');

    // A funnel on contacts (the example has none), on a new select field: four stages typed out of order, one moved by keyboard.
    await chooseObject(page, 'Contact');
    await page.getByText('Contact has no pipeline yet.').waitFor();
    await startPipeline(page, { object: 'Contact (contact)', field: 'funnel', label: 'Contact funnel' });
    await addStages(page, [
      { name: 'fresh', label: 'Fresh', probability: 10, color: '#1971c2' },
      { name: 'converted', label: 'Converted', probability: 100, won: true, color: '#2f9e44' },
      { name: 'contacted', label: 'Contacted', probability: 35 },
      { name: 'junk', label: 'Junk', probability: 0, lost: true },
    ]);
    await moveStageByKeyboard(page, 3, -1);
    expect(await stageRow(page, 2).getByRole('textbox', { name: 'Name of stage 2' }).inputValue()).toBe('contacted');
    // Won and lost exclude each other.
    await stageRow(page, 4).getByRole('checkbox', { name: 'Stage 4 is won' }).check();
    expect(await stageRow(page, 4).getByRole('checkbox', { name: 'Stage 4 is lost' }).isChecked()).toBe(false);
    await stageRow(page, 4).getByRole('checkbox', { name: 'Stage 4 is lost' }).check();
    expect(await stageRow(page, 4).getByRole('checkbox', { name: 'Stage 4 is won' }).isChecked()).toBe(false);
    await shot(page, '02-editor');

    // A bad API name is marked on its row as it is typed, and Save sends nothing.
    const before = await revision();
    const name2 = stageRow(page, 2).getByRole('textbox', { name: 'Name of stage 2' });
    await name2.fill('Called Back');
    await stageRow(page, 2).getByText('A lowercase letter first, then only letters and digits (at most 63)').waitFor();
    await page.getByRole('button', { name: 'Save pipeline' }).click();
    await page.getByText('Fix the marked stages before saving').waitFor();
    await shot(page, '03-invalid-row');
    expect(await revision()).toBe(before);
    expect(await field('contact', 'funnel')).toBeUndefined();
    await name2.fill('contacted');

    // What only the server checks goes onto the row it names: a label longer than 200 characters.
    const label1 = stageRow(page, 1).getByRole('textbox', { name: 'Label of stage 1' });
    await label1.fill('F'.repeat(201));
    await page.getByRole('button', { name: 'Save pipeline' }).click();
    await stageRow(page, 1).getByText('must be a text of 1 to 200 characters').waitFor();
    expect(await field('contact', 'funnel')).toBeUndefined();
    await label1.fill('Fresh');
    expect(await stageRow(page, 1).getByText('must be a text of 1 to 200 characters').count()).toBe(0);

    await saveEditor(page);
    await page.getByRole('tab', { name: 'Contact funnel', selected: true }).waitFor();
    expect(await pipeline('contact', 'funnel')).toEqual({
      object: 'contact',
      field: 'funnel',
      label: 'Contact funnel',
      stages: [
        { name: 'fresh', label: 'Fresh', probability: 10, won: false, lost: false, color: '#1971c2' },
        { name: 'contacted', label: 'Contacted', probability: 35, won: false, lost: false, color: null },
        { name: 'converted', label: 'Converted', probability: 100, won: true, lost: false, color: '#2f9e44' },
        { name: 'junk', label: 'Junk', probability: 0, won: false, lost: true, color: null },
      ],
    });
    expect(await field('contact', 'funnel')).toEqual({
      name: 'funnel',
      type: 'select',
      settings: {
        options: [
          { value: 'fresh', label: 'Fresh', color: '#1971c2' },
          { value: 'contacted', label: 'Contacted' },
          { value: 'converted', label: 'Converted', color: '#2f9e44' },
          { value: 'junk', label: 'Junk' },
        ],
      },
    });

    // Removing a stage that deals are at: the dry-run plan asks first; cancelling changes nothing.
    await chooseObject(page, 'Deal');
    await page.getByRole('tab', { name: 'Sales pipeline', selected: true }).waitFor();
    await stageRow(page, 4).getByRole('button', { name: 'Remove stage 4' }).click();
    await page.getByRole('button', { name: 'Save pipeline' }).click();
    const plan = page.getByRole('dialog', { name: 'Remove stages?' });
    await plan.getByText(/removes options negotiation/).waitFor();
    const atNegotiation = await api.gql<{ deals: { totalCount: number } }>(
      `{ deals(filter: { stage: { eq: "negotiation" } }) { totalCount } }`,
    );
    await plan.getByText(`Records at the removed stages: ${atNegotiation.data!.deals.totalCount}.`).waitFor();
    await shot(page, '04-destructive-plan', { fullPage: false }); // the dialog's overlay covers only the window
    await plan.getByRole('button', { name: 'Cancel' }).click();
    expect((await pipeline('deal', 'stage'))!.stages.map((s) => s.name)).toContain('negotiation');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await stageRow(page, 4).getByRole('textbox', { name: 'Name of stage 4' }).inputValue()).toBe('negotiation');
    // The field's default is a stage: removing it is refused by the server, which says why.
    await stageRow(page, 1).getByRole('button', { name: 'Remove stage 1' }).click();
    await page.getByRole('button', { name: 'Save pipeline' }).click();
    await page
      .getByRole('alert')
      .getByText(/"new" is the default of deal.stage/)
      .waitFor();
    await shot(page, '05-server-problem');
    expect((await pipeline('deal', 'stage'))!.stages[0]!.name).toBe('new');
    await page.getByRole('button', { name: 'Discard changes' }).click();

    // Removing the contact funnel's lost stage, which no contact is at: confirmed in the plan, then applied.
    await chooseObject(page, 'Contact');
    await page.getByRole('tab', { name: 'Contact funnel', selected: true }).waitFor();
    await stageRow(page, 4).getByRole('button', { name: 'Remove stage 4' }).click();
    await page.getByRole('button', { name: 'Save pipeline' }).click();
    await plan.getByText('No record is at a removed stage.').waitFor();
    await plan.getByRole('button', { name: 'Save and remove stages' }).click();
    await plan.waitFor({ state: 'hidden' });
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    expect((await pipeline('contact', 'funnel'))!.stages.map((s) => s.name)).toEqual([
      'fresh',
      'contacted',
      'converted',
    ]);

    // Phone width, dark theme, Russian.
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '06-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await shot(page, '07-dark');
    await page.getByRole('button', { name: 'Light theme' }).click();
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('tab', { name: 'Contact funnel', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Сохранить воронку' }).waitFor();
    await shot(page, '08-russian');
    await page.getByLabel('Язык').selectOption('en');

    // Deleting the pipeline, after its confirmation: the field and its options stay.
    await page.getByRole('button', { name: 'Delete pipeline' }).click();
    const deletion = page.getByRole('dialog', { name: 'Delete pipeline “Contact funnel”?' });
    await deletion.getByText('the field contact.funnel and its values stay').waitFor();
    await shot(page, '09-delete', { fullPage: false });
    await deletion.getByRole('button', { name: 'Delete pipeline' }).click();
    await deletion.waitFor({ state: 'hidden' });
    await page.getByText('Contact has no pipeline yet.').waitFor();
    expect(await pipeline('contact', 'funnel')).toBeUndefined();
    expect((await field('contact', 'funnel'))?.type).toBe('select');

    expect(errors).toEqual([]);
    await context.close();
  });

  test('adds a second pipeline to an object that has one: both are tabs, both are saved, the first unchanged', async () => {
    const { api } = studio;
    const { context, page, errors } = await studio.newPage();
    await signIn(page, api);
    await openPipelines(page);
    await chooseObject(page, 'Deal');
    await page.getByRole('tab', { name: 'Sales pipeline', selected: true }).waitFor();
    const sales = await pipeline('deal', 'stage');

    await createPipeline(page, {
      object: 'Deal (deal)',
      field: 'renewal',
      label: 'Renewals',
      stages: [
        { name: 'due', label: 'Due', probability: 50 },
        { name: 'renewed', label: 'Renewed', probability: 100, won: true },
        { name: 'churned', label: 'Churned', probability: 0, lost: true },
      ],
    });
    await page.getByRole('tab', { name: 'Renewals', selected: true }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Sales pipeline', 'Renewals']);
    await page.locator('.mantine-Notification-root button').click(); // the confirmation would cover the header
    await shot(page, '10-second-pipeline');

    const all = await studio.api.gql<{ pipelines: { object: string; field: string }[] }>(
      `{ pipelines { object field } }`,
    );
    expect(all.data!.pipelines.filter((p) => p.object === 'deal').map((p) => p.field)).toEqual(['stage', 'renewal']);
    expect(await pipeline('deal', 'renewal')).toEqual({
      object: 'deal',
      field: 'renewal',
      label: 'Renewals',
      stages: [
        { name: 'due', label: 'Due', probability: 50, won: false, lost: false, color: null },
        { name: 'renewed', label: 'Renewed', probability: 100, won: true, lost: false, color: null },
        { name: 'churned', label: 'Churned', probability: 0, won: false, lost: true, color: null },
      ],
    });
    expect(await pipeline('deal', 'stage')).toEqual(sales);
    expect((await field('deal', 'renewal'))?.type).toBe('select');

    // The first pipeline's tab still opens its own stages.
    await page.getByRole('tab', { name: 'Sales pipeline' }).click();
    await page.getByRole('tab', { name: 'Sales pipeline', selected: true }).waitFor();
    expect(await stageRow(page, 1).getByRole('textbox', { name: 'Name of stage 1' }).inputValue()).toBe('new');

    expect(errors).toEqual([]);
    await context.close();
  });
});
