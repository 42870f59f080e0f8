/**
 * Where the operator console reads the functions' health: invocations, error
 * rate and p95/p99 latency per function over a window, and the depth of the
 * dead-letter queues. Two implementations behind this one interface, chosen
 * by the stage (get-metrics-source.ts): CloudWatch in AWS (the metrics Lambda
 * and the functions already publish) and, locally, the in-process store the
 * functions write: platform.request_usage.
 */
export interface MetricsWindow {
  from: Date;
  to: Date;
}

export interface FunctionMetrics {
  /** The Lambda function (`halooid-prod-taskodex-tasks`) in AWS; the product locally (request_usage keeps no finer grain). */
  name: string;
  invocations: number;
  /** Failed invocations plus answers masked as 5xx. */
  errors: number;
  /** errors / invocations, 0 without invocations. */
  errorRate: number;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface QueueDepth {
  name: string;
  /** Messages waiting. */
  depth: number;
}

export interface MetricsSource {
  readonly kind: 'cloudwatch' | 'in-process';
  functionMetrics(window: MetricsWindow): Promise<FunctionMetrics[]>;
  /** The dead-letter queues and their depths; undefined when this source cannot see them. */
  deadLetterQueues(): Promise<QueueDepth[] | undefined>;
}

export function errorRate(errors: number, invocations: number): number {
  return invocations > 0 ? Math.round((errors / invocations) * 10_000) / 10_000 : 0;
}
