import { startTestApi, type TestApi } from '../support/api';

/**
 * Variables that do not fit their declared types are the caller's mistake, whichever executor runs the
 * operation (graphql-jit, or graphql-js for filters that contain themselves): BAD_USER_INPUT naming the
 * variable, never a masked internal error.
 */
let api: TestApi;
beforeAll(async () => (api = await startTestApi({ seed: 'sales-crm' })));
afterAll(() => api.close());

type Answer = { errors?: { message: string; extensions: { code: string } }[] };

test.each([
  ['a string for an Int', `query($n: Int) { deals(first: $n) { totalCount } }`, { n: 'ten' }, '"$n" got invalid value'],
  ['a missing required variable', `query($n: Int!) { deals(first: $n) { totalCount } }`, {}, '"$n" of required type'],
  [
    'a number inside a filter',
    `query($f: DealFilter) { deals(filter: $f) { totalCount } }`,
    { f: { stage: { eq: 5 } } },
    '"$f" got invalid value 5',
  ],
])('%s is BAD_USER_INPUT naming the variable', async (_case, query, variables, message) => {
  const answer = (await api.gql<unknown>(query, variables)) as Answer;
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  expect(answer.errors![0]!.message).toContain(message);
});
