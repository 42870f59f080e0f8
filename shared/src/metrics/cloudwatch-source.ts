import {
  CloudWatchClient,
  GetMetricDataCommand,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { METRICS_NAMESPACE } from '../observability';
import {
  errorRate,
  type FunctionMetrics,
  type MetricsSource,
  type MetricsWindow,
  type QueueDepth,
} from './source';

export interface CloudWatchSourceOptions {
  client: Pick<CloudWatchClient, 'send'>;
  /** `prod`: functions are `halooid-prod-<product>-<capability>`, queues `halooid-prod-…-dlq`. */
  stage: string;
  now?: () => Date;
}

/** CloudWatch's dynamic label: each series found by a SEARCH is named by that dimension's value. */
function dimensionLabel(dimension: string): string {
  return `\${PROP('Dim.${dimension}')}`;
}

/** A whole window as one data point per series: CloudWatch's own percentile over it. */
function periodOf(window: MetricsWindow): number {
  const seconds = Math.ceil((window.to.getTime() - window.from.getTime()) / 1000);
  return Math.max(60, Math.ceil(seconds / 60) * 60);
}

/**
 * One SEARCH per statistic finds every function of the stage at once (no
 * list of functions to keep in step with the stacks), labelled by its
 * dimension value. `ServerError` is what the HTTP adapter publishes for an
 * answer masked as 5xx, which Lambda's own Errors never sees (dimension
 * `service` = `<product>-<capability>`, the function name without its prefix).
 */
function functionQueries(stage: string, period: number): MetricDataQuery[] {
  const lambda = (id: string, metric: string, stat: string): MetricDataQuery => ({
    Id: id,
    Expression: `SEARCH('{AWS/Lambda,FunctionName} MetricName="${metric}" halooid-${stage}', '${stat}', ${period})`,
    Label: dimensionLabel('FunctionName'),
    ReturnData: true,
  });
  return [
    lambda('invocations', 'Invocations', 'Sum'),
    lambda('errors', 'Errors', 'Sum'),
    lambda('p95', 'Duration', 'p95'),
    lambda('p99', 'Duration', 'p99'),
    {
      Id: 'masked',
      Expression: `SEARCH('{${METRICS_NAMESPACE},service} MetricName="ServerError"', 'Sum', ${period})`,
      Label: dimensionLabel('service'),
      ReturnData: true,
    },
  ];
}

async function allResults(
  client: CloudWatchSourceOptions['client'],
  queries: MetricDataQuery[],
  window: MetricsWindow,
): Promise<MetricDataResult[]> {
  const results: MetricDataResult[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries,
        StartTime: window.from,
        EndTime: window.to,
        ScanBy: 'TimestampDescending',
        NextToken: nextToken,
      }),
    );
    results.push(...(page.MetricDataResults ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return results;
}

const sum = (values: number[] | undefined) => (values ?? []).reduce((total, value) => total + value, 0);

export function createCloudWatchSource(options: CloudWatchSourceOptions): MetricsSource {
  const prefix = `halooid-${options.stage}-`;
  const now = options.now ?? (() => new Date());
  return {
    kind: 'cloudwatch',

    async functionMetrics(window) {
      const results = await allResults(
        options.client,
        functionQueries(options.stage, periodOf(window)),
        window,
      );
      const byFunction = new Map<
        string,
        { invocations: number; errors: number; p95?: number; p99?: number }
      >();
      const entry = (name: string) => {
        let found = byFunction.get(name);
        if (!found) {
          found = { invocations: 0, errors: 0 };
          byFunction.set(name, found);
        }
        return found;
      };
      for (const result of results) {
        const label = result.Label ?? '';
        // SEARCH matches words: keep exactly this stage's functions.
        const name = result.Id === 'masked' ? `${prefix}${label}` : label;
        if (!name.startsWith(prefix) || label === '') continue;
        const values = result.Values ?? [];
        if (result.Id === 'invocations') entry(name).invocations += sum(values);
        else if (result.Id === 'errors' || result.Id === 'masked') entry(name).errors += sum(values);
        else if (result.Id === 'p95' && values[0] !== undefined) entry(name).p95 = values[0];
        else if (result.Id === 'p99' && values[0] !== undefined) entry(name).p99 = values[0];
      }
      return [...byFunction.entries()]
        .filter(([, metrics]) => metrics.invocations > 0 || metrics.errors > 0)
        .map(
          ([name, metrics]): FunctionMetrics => ({
            name,
            invocations: metrics.invocations,
            errors: metrics.errors,
            errorRate: errorRate(metrics.errors, metrics.invocations),
            p95Ms: metrics.p95 === undefined ? null : Math.round(metrics.p95 * 10) / 10,
            p99Ms: metrics.p99 === undefined ? null : Math.round(metrics.p99 * 10) / 10,
          }),
        )
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async deadLetterQueues() {
      const to = now();
      const window = { from: new Date(to.getTime() - 15 * 60_000), to };
      const results = await allResults(
        options.client,
        [
          {
            Id: 'dlq',
            Expression: `SEARCH('{AWS/SQS,QueueName} MetricName="ApproximateNumberOfMessagesVisible" halooid-${options.stage}', 'Maximum', 300)`,
            Label: dimensionLabel('QueueName'),
            ReturnData: true,
          },
        ],
        window,
      );
      return results
        .filter((result) => isDeadLetterQueue(result.Label ?? '', prefix))
        .map((result): QueueDepth => ({ name: result.Label ?? '', depth: result.Values?.[0] ?? 0 }))
        .sort((a, b) => b.depth - a.depth || a.name.localeCompare(b.name));
    },
  };
}

/**
 * The stage's dead-letter queues (infra/aws events-stack.ts): a rule's
 * `…-dlq` (events EventBridge could not deliver) and a subscriber's
 * `…-subscribers-failed` (runs that failed after Lambda's retries).
 */
function isDeadLetterQueue(name: string, prefix: string): boolean {
  return name.startsWith(prefix) && (name.endsWith('-dlq') || name.endsWith('-subscribers-failed'));
}

let client: CloudWatchClient | undefined;

/** One client per process, like the other SDK clients. */
export function cloudWatchClient(region: string): CloudWatchClient {
  client ??= new CloudWatchClient({ region });
  return client;
}
