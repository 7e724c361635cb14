import type { Page } from 'playwright-core';
import { createPerson } from '../support/api';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { bell, openNotifications, pollNotifications } from './steps/notifications';
import { node, openRunHistory, openWorkflow, panel, selectNode } from './steps/workflows';

/**
 * Approvals in the studio, and the designer's workflow management: a head of sales finds the sales CRM's
 * discount approvals from the navigation's count and from a notification, approves and rejects them with a
 * comment (the server's state asserted after each), and sees a refused decision leave its card as it was; an
 * admin copies a webhook trigger's secret URL, cancels a waiting run and deletes a workflow.
 */
const studio = studioSuite({ seed: 'sales-crm', config: { workers: true } });
const shot = screenshotter('approvals', { fromTop: true });

interface Pending {
  id: string;
  runId: string;
  message: string | null;
  record: { id: string } | null;
}

async function gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const result = await studio.api.gql<T>(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A user of the workspace with these roles, and their API token. */
async function person(name: string, roles: string[]) {
  return { ...(await createPerson(studio.api, name, roles)), server: studio.api.server };
}

/**
 * A deal whose discount goes above 20%: the sales CRM's `discountApproval` asks a head of sales. A head reads
 * only the deals they (or their team) own: `owner` decides whether the approver may open the record.
 */
async function discountedDeal(name: string, discount: number, owner?: string): Promise<string> {
  const { createDeal } = await gql<{ createDeal: { id: string } }>(
    'mutation($n: String!, $o: ID) { createDeal(data: { name: $n, stage: "negotiation", discount: 10, owner: $o }) { id } }',
    { n: name, o: owner ?? null },
  );
  await gql('mutation($id: ID!, $d: Float) { updateDeal(id: $id, data: { discount: $d }) { id } }', {
    id: createDeal.id,
    d: discount,
  });
  return createDeal.id;
}

function card(page: Page, title: string) {
  return page.getByRole('listitem', { name: `Approval: ${title}` });
}

describeWithBrowser('approvals in the studio', () => {
  test('a head of sales finds, approves and rejects approvals; a refused decision leaves the card as it was', async () => {
    const hanna = await person('hanna', ['head']);
    const deals = {
      fleet: await discountedDeal('Fleet lease', 35, hanna.id),
      racks: await discountedDeal('Warehouse racks', 40, hanna.id),
      // The admin's: Hanna decides on it without being allowed to read the deal itself.
      trucks: await discountedDeal('Tow trucks', 45),
    };
    const mine = async () =>
      (await gql<{ myApprovals: Pending[] }>('{ myApprovals { id runId message record { id } } }', {}, hanna.token))
        .myApprovals;
    const pending = await until(mine, (list) => list.length === 3);
    const approvalOf = (dealId: string) => pending.find((a) => a.record?.id === dealId)!;

    const { page, errors, external } = await studio.newPage({ defaultTimeout: 20_000 });
    await signIn(page, hanna, page.getByRole('link', { name: 'Approvals waiting: 3' }));
    await shot(page, '01-navigation-count');

    // The bell has the request; its link opens the approval in the inbox, marked.
    await pollNotifications(page);
    const list = await openNotifications(page);
    await list.getByRole('link', { name: '40% discount on Warehouse racks' }).click();
    await page.waitForURL(`**/approvals?id=${approvalOf(deals.racks).id}`);
    const racks = card(page, '40% discount on Warehouse racks');
    await racks.waitFor();
    expect(await racks.getAttribute('data-highlighted')).toBe('true');
    expect(await page.getByRole('list', { name: 'Approvals' }).getByRole('listitem').count()).toBe(3);
    await racks.getByRole('link', { name: 'Warehouse racks' }).waitFor();
    expect(await racks.getByRole('link', { name: 'Warehouse racks' }).getAttribute('href')).toBe(
      `/o/deal/${deals.racks}`,
    );
    await shot(page, '02-inbox-from-notification', { mouseAt: { x: 1270, y: 790 } });

    await card(page, '45% discount on Tow trucks').getByText(`deal ${deals.trucks} (you may not read it)`).waitFor();

    // Approve with a comment: the card goes, the server has the decision, the count follows.
    await racks.getByRole('textbox', { name: 'Comment' }).fill('Fine for a three-year contract');
    await racks.getByRole('button', { name: 'Approve' }).click();
    await racks.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Approvals waiting: 2' }).waitFor();
    const racksRun = await until(
      async () =>
        (
          await gql<{ workflowRun: { status: string; steps: { id: string; output: Record<string, unknown> }[] } }>(
            'query($id: ID!) { workflowRun(id: $id) { status steps { id output } } }',
            { id: approvalOf(deals.racks).runId },
          )
        ).workflowRun,
      (run) => run.status === 'COMPLETED',
    );
    expect(racksRun.steps[0]!.output).toMatchObject({
      status: 'APPROVED',
      decidedBy: hanna.id,
      comment: 'Fine for a three-year contract',
    });

    // Reject: gone too, and the run takes the reject path (the discount back to 20%).
    const fleet = card(page, '35% discount on Fleet lease');
    await fleet.getByRole('button', { name: 'Reject' }).click();
    await fleet.waitFor({ state: 'detached' });
    const { deal } = await until(
      () => gql<{ deal: { discount: number } }>('query($id: ID!) { deal(id: $id) { discount } }', { id: deals.fleet }),
      (d) => d.deal.discount === 20,
    );
    expect(deal.discount).toBe(20);

    // Decided elsewhere meanwhile: the studio's decision is refused, the card stays with the server's words.
    const trucks = card(page, '45% discount on Tow trucks');
    await gql('mutation($id: ID!) { decideApproval(id: $id, approve: true, comment: "By phone") { status } }', {
      id: approvalOf(deals.trucks).id,
    });
    await trucks.getByRole('textbox', { name: 'Comment' }).fill('Too much');
    await trucks.getByRole('button', { name: 'Reject' }).click();
    await trucks.getByRole('alert').filter({ hasText: 'already decided (APPROVED)' }).waitFor();
    expect(await trucks.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('Too much');
    expect(await trucks.getByRole('button', { name: 'Approve' }).isEnabled()).toBe(true);
    await shot(page, '03-refused-decision', { mouseAt: { x: 1270, y: 790 } });
    const after = await mine();
    expect(after.map((a) => a.id)).not.toContain(approvalOf(deals.trucks).id);

    // Read again, the inbox shows the server's state: nothing left.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('status').filter({ hasText: 'Nothing is waiting for your decision.' }).waitFor();
    await page.getByRole('link', { name: 'Approvals', exact: true }).waitFor();
    await shot(page, '04-inbox-empty');

    await page.setViewportSize({ width: 390, height: 844 });
    await discountedDeal('Phone screens', 30, hanna.id);
    await until(mine, (list) => list.length === 1);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await card(page, '30% discount on Phone screens').waitFor();
    await shot(page, '05-inbox-phone');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  test('the designer shows a webhook URL to copy, cancels a waiting run and deletes a workflow', async () => {
    const { api } = studio;
    await gql('mutation($input: JSON!) { createWorkflow(input: $input) { revision } }', {
      input: {
        name: 'inboundWebhook',
        label: 'Inbound webhook',
        active: true,
        trigger: { type: 'webhook' },
        start: 'lead',
        steps: [{ id: 'lead', type: 'createRecord', object: 'lead', data: { name: '{{trigger.input.name}}' } }],
      },
    });
    const { workflow } = await gql<{ workflow: { webhookPath: string } }>(
      '{ workflow(name: "inboundWebhook") { webhookPath } }',
    );
    await gql('mutation($input: JSON!) { createWorkflow(input: $input) { revision } }', {
      input: {
        name: 'askHead',
        label: 'Ask the head',
        active: true,
        trigger: { type: 'manual', object: 'deal' },
        start: 'ask',
        steps: [{ id: 'ask', type: 'approval', assignee: { role: 'head' }, message: 'May we?' }],
      },
    });
    const dealId = await discountedDeal('Cancel me', 5);
    const { runWorkflow } = await gql<{ runWorkflow: { id: string } }>(
      'mutation($id: ID) { runWorkflow(name: "askHead", recordId: $id) { id } }',
      { id: dealId },
    );
    const runStatus = async () =>
      (
        await gql<{ workflowRun: { status: string } }>('query($id: ID!) { workflowRun(id: $id) { status } }', {
          id: runWorkflow.id,
        })
      ).workflowRun.status;
    await until(runStatus, (s) => s === 'WAITING');

    const { context, page, errors, external } = await studio.newPage({ defaultTimeout: 20_000 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.server.url });
    await signIn(page, api);

    // The webhook trigger's secret URL, shown on this origin and copied as it is.
    await openWorkflow(page, 'inboundWebhook');
    await selectNode(page, '__trigger');
    const url = panel(page).getByRole('textbox', { name: 'Webhook URL' });
    expect(await url.inputValue()).toBe(`${api.server.url}${workflow.webhookPath}`);
    await panel(page).getByRole('button', { name: 'Copy the webhook URL' }).click();
    await panel(page).getByRole('button', { name: 'Copy the webhook URL' }).filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${api.server.url}${workflow.webhookPath}`);
    await shot(page, '06-webhook-url', { fromTop: false, fullPage: false });

    // Delete, confirmed in a dialog: back to the list, and the server has no such workflow.
    await page.getByRole('button', { name: 'Delete workflow' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the workflow "Inbound webhook"?' });
    await dialog.waitFor();
    await shot(page, '07-delete-dialog', { fromTop: false, fullPage: false });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    await page.locator('tr[data-row="inboundWebhook"]').waitFor({ state: 'detached' });
    expect((await gql<{ workflow: null }>('{ workflow(name: "inboundWebhook") { name } }')).workflow).toBeNull();

    // Cancel the waiting run from its details: the run is cancelled, and its approval with it.
    await openWorkflow(page, 'askHead');
    await node(page, 'ask').waitFor();
    await openRunHistory(page, 'waiting');
    await panel(page).getByRole('button', { name: 'Cancel run' }).click();
    await panel(page).getByRole('button', { name: 'Cancel run' }).waitFor({ state: 'detached' });
    await panel(page).getByText('cancelled', { exact: true }).first().waitFor();
    expect(await runStatus()).toBe('CANCELLED');
    const { myApprovals } = await gql<{ myApprovals: Pending[] }>('{ myApprovals(all: true) { id runId } }');
    expect(myApprovals.map((a) => a.runId)).not.toContain(runWorkflow.id);
    await shot(page, '08-run-cancelled', { fromTop: false, fullPage: false });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await bell(page).waitFor();
  });
});
