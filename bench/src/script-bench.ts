/**
 * The QuickJS sandbox's overhead (DESIGN.md decision 7): the wall time of a trivial script through a warm
 * pool of worker threads (message to the worker, a fresh QuickJS runtime and context, the prelude,
 * compile, run, JSON out, message back), and of a script making three host calls (each a round trip to
 * the main thread through Atomics.wait). No database: the host is in memory, so the figures are the
 * sandbox's own cost. Prints figures; asserts nothing.
 *
 *   npm run build && node bench/dist/script-bench.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createScriptRunner, type ScriptHost, type ScriptRequest } from '@stratum/runtime';
import { percentile, printFigures, time, type Figure } from './stats';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const WARMUP = 200;

/** A record service in memory, answering at once. */
function memoryHost(): ScriptHost {
  const deals = new Map<string, Record<string, unknown>>();
  return {
    async find() {
      return [...deals.values()].slice(0, 10);
    },
    async create(_object, data) {
      const deal = { id: String(deals.size + 1), ...data };
      deals.set(deal.id, deal);
      return deal;
    },
    async update(_object, id, data) {
      const deal = { ...deals.get(id), ...data, id };
      deals.set(id, deal);
      return deal;
    },
  };
}

const TRIVIAL: ScriptRequest = { code: 'return input.a + 1', input: { a: 1 } };
const HOST_CALLS: Omit<ScriptRequest, 'host'> = {
  code: `const deal = records.create('deal', { title: input.title });
records.update('deal', deal.id, { stage: 'won' });
return records.find('deal', { filter: { stage: 'won' }, first: 10 }).length`,
  input: { title: 'Vake flat' },
};

async function sample(runs: number, request: () => ScriptRequest): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, result } = await time(() => runner.run(request()));
    if (!result.ok) throw new Error(`benchmark script failed: ${result.error.message}`);
    samples.push(ms);
  }
  return samples;
}

function latency(label: string, samples: readonly number[], targets?: { p50: number; p99: number }): Figure[] {
  const sorted = [...samples].sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p)) as [number, number, number];
  const judge = (value: number, max: number | undefined): Pick<Figure, 'target' | 'verdict'> =>
    max === undefined
      ? { target: '', verdict: 'info' }
      : { target: `≤ ${max} ms`, verdict: value <= max ? 'meets' : 'misses' };
  return [
    { metric: `${label} p50 (ms)`, value: p50.toFixed(2), ...judge(p50, targets?.p50) },
    { metric: `${label} p95 (ms)`, value: p95.toFixed(2), target: '', verdict: 'info' },
    { metric: `${label} p99 (ms)`, value: p99.toFixed(2), ...judge(p99, targets?.p99) },
  ];
}

const runner = createScriptRunner({ workers: 2 });

async function main() {
  const host = memoryHost();
  const figures: Figure[] = [];
  try {
    await sample(WARMUP, () => TRIVIAL);
    await sample(WARMUP, () => ({ ...HOST_CALLS, host }));
    const trivial = await sample(ITERATIONS, () => TRIVIAL);
    const hostCalls = await sample(ITERATIONS, () => ({ ...HOST_CALLS, host }));
    figures.push(
      ...latency(`trivial script, ${ITERATIONS.toLocaleString('en')} sequential runs`, trivial, { p50: 2, p99: 5 }),
      ...latency('script with 3 host calls', hostCalls),
    );
  } finally {
    await runner.close();
  }
  printFigures(`Script sandbox benchmark (warm pool of 2 workers, ${new Date().toISOString()})`, figures);
  const dir = path.resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'script.json'), JSON.stringify({ iterations: ITERATIONS, figures }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
