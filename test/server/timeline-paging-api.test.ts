import { startTestApi, type TestApi } from '../support/api';

/**
 * Keyset paging of the record timeline's sources: `recordHistory(after: <an entry's cursor>)` and
 * `workflowRuns(recordId, after: <a run's id>)` read the next older page, newest first; pages put together are
 * the whole list, in order, without repeats, and a change written meanwhile does not shift them.
 */
let api: TestApi;
let leadId: string;

const HISTORY = `query($id: ID!, $first: Int, $after: String) {
  recordHistory(object: "lead", id: $id, first: $first, after: $after) { field newValue at cursor }
}`;
type History = { recordHistory: { field: string; newValue: unknown; at: string; cursor: string }[] };

const RUNS = `query($id: ID!, $first: Int, $after: ID) {
  workflowRuns(recordId: $id, first: $first, after: $after) { id startedAt }
}`;
type Runs = { workflowRuns: { id: string; startedAt: string }[] };

beforeAll(async () => {
  api = await startTestApi({ seed: 'sales-crm' });
  const created = await api.gql<{ createLead: { id: string } }>(
    `mutation { createLead(data: { title: "Paging", lastName: "Kim", source: "referral" }) { id } }`,
  );
  expect(created.errors).toBeUndefined();
  leadId = created.data!.createLead.id;
  // 12 updates of 5 fields: 60 history entries, five to a time.
  for (let i = 1; i <= 12; i++) {
    const updated = await api.gql(
      `mutation($id: ID!, $data: LeadUpdateInput!) { updateLead(id: $id, data: $data) { id } }`,
      {
        id: leadId,
        data: { title: `Paging ${i}`, firstName: `F${i}`, jobTitle: `J${i}`, companyName: `C${i}`, score: i },
      },
    );
    expect(updated.errors).toBeUndefined();
  }
  for (let i = 0; i < 7; i++) {
    const run = await api.gql(`mutation($id: ID) { runWorkflow(name: "bookDemo", recordId: $id) { id } }`, {
      id: leadId,
    });
    expect(run.errors).toBeUndefined();
  }
});
afterAll(() => api.close());

test('history pages read after the last cursor add up to the whole history, newest first', async () => {
  const whole = (await api.gql<History>(HISTORY, { id: leadId, first: 1000 })).data!.recordHistory;
  expect(whole).toHaveLength(60);
  const pages: History['recordHistory'][] = [];
  let after: string | null = null;
  do {
    const answer: { data?: History; errors?: unknown[] } = await api.gql<History>(HISTORY, {
      id: leadId,
      first: 25,
      after,
    });
    expect(answer.errors).toBeUndefined();
    pages.push(answer.data!.recordHistory);
    after = answer.data!.recordHistory.at(-1)?.cursor ?? null;
  } while (pages.at(-1)!.length === 25);
  expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
  // Pages split the five fields of one update between them, and still neither lose nor repeat one.
  expect(pages.flat()).toEqual(whole);
  expect(whole.slice(0, 5).map((e) => e.field)).toEqual(
    expect.arrayContaining(['title', 'firstName', 'jobTitle', 'companyName', 'score']),
  );
  expect(whole.find((e) => e.field === 'title')!.newValue).toBe('Paging 12');

  // A change written after the first page was read does not shift the next one.
  const first = pages[0]!;
  const changed = await api.gql(`mutation($id: ID!) { updateLead(id: $id, data: { jobTitle: "Later" }) { id } }`, {
    id: leadId,
  });
  expect(changed.errors).toBeUndefined();
  const second = await api.gql<History>(HISTORY, { id: leadId, first: 25, after: first.at(-1)!.cursor });
  expect(second.data!.recordHistory).toEqual(pages[1]);
});

test('a cursor that is not one is refused at `after`', async () => {
  const answer = await api.gql(HISTORY, { id: leadId, first: 5, after: 'nonsense' });
  expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  expect(JSON.stringify(answer.errors?.[0])).toContain('after');
  const runs = await api.gql(RUNS, { id: leadId, first: 5, after: 'not-a-run' });
  expect(runs.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
});

test('runs on a record page by the last run of a page, newest first', async () => {
  const whole = (await api.gql<Runs>(RUNS, { id: leadId, first: 100 })).data!.workflowRuns;
  expect(whole).toHaveLength(7);
  const one = await api.gql<Runs>(RUNS, { id: leadId, first: 3 });
  const two = await api.gql<Runs>(RUNS, { id: leadId, first: 3, after: one.data!.workflowRuns.at(-1)!.id });
  const three = await api.gql<Runs>(RUNS, { id: leadId, first: 3, after: two.data!.workflowRuns.at(-1)!.id });
  expect(three.errors).toBeUndefined();
  expect([...one.data!.workflowRuns, ...two.data!.workflowRuns, ...three.data!.workflowRuns]).toEqual(whole);
  expect(three.data!.workflowRuns).toHaveLength(1);
});
