/** Small statistics helpers for benchmark output. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(samples: readonly number[]): { p50: number; p95: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

export async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

export interface Figure {
  readonly metric: string;
  readonly value: string;
  readonly target: string;
  readonly verdict: 'meets' | 'misses' | 'info';
}

export function printFigures(title: string, figures: readonly Figure[]): void {
  const widths = [
    Math.max(...figures.map((f) => f.metric.length), 6),
    Math.max(...figures.map((f) => f.value.length), 5),
    Math.max(...figures.map((f) => f.target.length), 6),
  ];
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(widths[0]!)}  ${b.padStart(widths[1]!)}  ${c.padEnd(widths[2]!)}  ${d}`;
  console.log(`\n${title}\n`);
  console.log(line('metric', 'value', 'target', 'verdict'));
  for (const f of figures) console.log(line(f.metric, f.value, f.target, f.verdict));
}

/** Three figures comparing two latency samples: each side's p50 / p95, and the ratio of the p50s. */
export function latencyComparison(
  subject: { label: string; samples: readonly number[] },
  baseline: { label: string; samples: readonly number[] },
  ratio: { label: string; max: number },
): Figure[] {
  const a = summarize(subject.samples);
  const b = summarize(baseline.samples);
  const r = a.p50 / b.p50;
  return [
    {
      metric: `${subject.label} p50 / p95 (ms)`,
      value: `${a.p50.toFixed(2)} / ${a.p95.toFixed(2)}`,
      target: '',
      verdict: 'info',
    },
    {
      metric: `${baseline.label} p50 / p95 (ms)`,
      value: `${b.p50.toFixed(2)} / ${b.p95.toFixed(2)}`,
      target: '',
      verdict: 'info',
    },
    {
      metric: ratio.label,
      value: `${r.toFixed(2)}×`,
      target: `≤ ${ratio.max}×`,
      verdict: r <= ratio.max ? 'meets' : 'misses',
    },
  ];
}
