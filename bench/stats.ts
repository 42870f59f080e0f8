/**
 * Measuring and recording. Every figure is a distribution of single-call
 * latencies (µs) summarised as median and p99; a result line pairs a figure
 * with the baseline measured in the same run, because on a shared 2-core
 * machine only ratios survive from one run to the next.
 */

/** One line of bench/results/latest.json (the shape the benchmark issue asks for). */
export interface Result {
  name: string;
  unit: string;
  value: number;
  baseline: number | null;
  baselineName: string | null;
  ratio: number | null;
  goal: string | null;
  pass: boolean | null;
}

export interface Summary {
  p50: number;
  p99: number;
  mean: number;
  n: number;
}

/** Nearest-rank percentile of an ascending array: the smallest value with at least q of the samples at or below it. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : Number.NaN,
    n: sorted.length,
  };
}

/** Calls `run(i)` `iterations` times after `warmup` calls, one at a time; each sample is one call's latency in µs. */
export async function measure(
  iterations: number,
  warmup: number,
  run: (i: number) => Promise<unknown>,
): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await run(i);
  const samples: number[] = new Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await run(warmup + i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1_000;
  }
  return summarize(samples);
}

/**
 * Measures several contenders interleaved in rounds (A, B, C, A, B, C, …)
 * rather than one after another, so a burst of load from a neighbour on the
 * shared machine lands on all of them alike and their ratios stay fair.
 */
export async function measureInterleaved<K extends string>(
  contenders: Record<K, (i: number) => Promise<unknown>>,
  options: { iterations: number; warmup: number; rounds?: number },
): Promise<Record<K, Summary>> {
  const names = Object.keys(contenders) as K[];
  const rounds = options.rounds ?? 10;
  const perRound = Math.max(1, Math.ceil(options.iterations / rounds));
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (const name of names) for (let i = 0; i < options.warmup; i++) await contenders[name](i);
  let i = options.warmup;
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      for (let j = 0; j < perRound; j++, i++) {
        const start = process.hrtime.bigint();
        await contenders[name](i);
        samples[name].push(Number(process.hrtime.bigint() - start) / 1_000);
      }
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as Record<K, Summary>;
}

export const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * A result line. `pass` is decided by `check(ratio, value)` when one is given;
 * figures without a goal (the baselines themselves, context) have `pass: null`.
 */
export function result(
  name: string,
  unit: string,
  value: number,
  options: {
    baseline?: number;
    baselineName?: string;
    goal?: string;
    check?: (ratio: number | null, value: number) => boolean;
  } = {},
): Result {
  const ratio = options.baseline ? value / options.baseline : null;
  return {
    name,
    unit,
    value: round2(value),
    baseline: options.baseline === undefined ? null : round2(options.baseline),
    baselineName: options.baselineName ?? null,
    ratio: ratio === null ? null : round2(ratio),
    goal: options.goal ?? null,
    pass: options.check ? options.check(ratio, value) : null,
  };
}

/** A failed benchmark still leaves a line, so the report says what broke instead of silently missing a figure. */
export function failure(name: string, error: unknown): Result {
  return {
    name: `${name}.error`,
    unit: 'error',
    value: 0,
    baseline: null,
    baselineName: null,
    ratio: null,
    goal: `ran: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    pass: false,
  };
}

export const formatUs = (us: number) =>
  us >= 1_000 ? `${(us / 1_000).toFixed(2)} ms` : `${us.toFixed(1)} µs`;
export const ratioText = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;
