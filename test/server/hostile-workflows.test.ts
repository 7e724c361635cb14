import { startTestApi, type TestApi } from '../support/api';

/**
 * The hostile corpus as workflow steps on a running server: each script ends as a FAILED step with a
 * SCRIPT_ERROR that says what happened, the run is FAILED, and the server stays healthy: it answers
 * requests and runs an ordinary script promptly afterwards. (The sandbox's own corpus, with the exact
 * outcome of each script, is runtime/src/scripts/hostile.test.ts.)
 */
let api: TestApi;
jest.setTimeout(120_000);

const CORPUS: readonly [string, string, RegExp][] = [
  ['infiniteLoop', 'while (true) {}', /exceeded 1000 ms/],
  ['caughtLoop', 'for (;;) { try { while (true) {} } catch (e) {} }', /exceeded 1000 ms/],
  ['memoryBomb', "const a = []; while (true) a.push('x'.repeat(1e6))", /memory|exceeded 1000 ms/],
  ['hugeArray', "return new Array(1e9) + ''", /memory|exceeded 1000 ms|invalid/i],
  ['deepRecursion', 'function f() { return f() } return f()', /stack/i],
  ['regex', "return /(a+)+$/.test('a'.repeat(40) + 'b')", /exceeded 1000 ms/],
  ['prototype', 'Object.prototype.toJSON = () => { while (true) {} }; return { a: 1 }', /exceeded 1000 ms/],
  ['hostObjects', "return this.constructor.constructor('return process')().env", /process/],
  ['requireFs', "return require('fs').readFileSync('/etc/passwd', 'utf8')", /require/],
  ['hugeOutput', "return 'x'.repeat(5e6)", /output|larger|exceed/i],
  ['budget', "for (let i = 0; i < 101; i++) records.find('note', {}); return 1", /100 queries/],
];

beforeAll(async () => {
  api = await startTestApi({ config: { workers: true } });
  const manifest = {
    objects: [{ name: 'note', pluralName: 'notes', fields: [{ name: 'title', type: 'text' }] }],
    workflows: [...CORPUS, ['ordinary', 'return { sum: input.trigger.input.a + 1 }', /./] as const].map(
      ([name, code]) => ({
        name,
        trigger: { type: 'manual' },
        start: 'run',
        // The budget script must end on its 101st query, not on the deadline: the corpus runs at once, and
        // the loops beside it can hold the cores for the whole default second.
        steps: [{ id: 'run', type: 'script', code, ...(name === 'budget' ? { timeoutMs: 10_000 } : {}) }],
      }),
    ),
  };
  const applied = await api.gql('mutation($m: JSON!) { applyManifest(manifest: $m) { revision } }', { m: manifest });
  expect(applied.errors).toBeUndefined();
});

afterAll(async () => {
  await api.close();
});

interface Run {
  id: string;
  status: string;
  steps: {
    id: string;
    status: string;
    error: string | null;
    errorDetails: { code?: string } | null;
    output: unknown;
  }[];
}

async function finished(id: string, timeoutMs = 30_000): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await api.gql<{ workflowRun: Run }>(
      `query($id: ID!) { workflowRun(id: $id) { id status steps { id status error errorDetails output } } }`,
      { id },
    );
    const run = result.data!.workflowRun;
    if (run.status === 'COMPLETED' || run.status === 'FAILED') return run;
    if (Date.now() > deadline) throw new Error(`run ${id} did not finish: ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('every hostile script fails its step with a clear SCRIPT_ERROR, and the server stays healthy', async () => {
  const started = await Promise.all(
    CORPUS.map(async ([name]) => {
      const result = await api.gql<{ runWorkflow: { id: string } }>(
        `mutation($n: String!) { runWorkflow(name: $n) { id } }`,
        { n: name },
      );
      return result.data!.runWorkflow.id;
    }),
  );
  for (const [i, [name, , message]] of CORPUS.entries()) {
    const run = await finished(started[i]!);
    expect({ name, status: run.status }).toEqual({ name, status: 'FAILED' });
    const step = run.steps[0]!;
    expect(step.status).toBe('FAILED');
    expect(step.errorDetails?.code).toBe('SCRIPT_ERROR');
    expect({ name, error: step.error }).toEqual({ name, error: expect.stringMatching(message) });
  }
  const health = await fetch(`${api.server.url}/healthz`);
  expect(health.status).toBe(200);
  const t0 = Date.now();
  const ordinary = await api.gql<{ runWorkflow: { id: string } }>(
    `mutation { runWorkflow(name: "ordinary", input: { a: 41 }) { id } }`,
  );
  const run = await finished(ordinary.data!.runWorkflow.id);
  expect(run.status).toBe('COMPLETED');
  expect(run.steps[0]!.output).toEqual({ sum: 42 });
  expect(Date.now() - t0).toBeLessThan(5000);
});
